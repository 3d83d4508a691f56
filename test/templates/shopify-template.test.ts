/**
 * Template 9 (Shopify → Starshipit → Shopify), the fast checks: its import on the pinned Shopify order through n8n's
 * engine against the sandbox, and its wiring (access-token authentication set explicitly, the write-back acting on open
 * fulfillment orders only, a shop not set stopping with words that say so). The whole workflow runs in a real n8n
 * against the Shopify stand-in in test/e2e/shopify.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Expression, type IConnections, type IDataObject, type INode } from 'n8n-workflow';

import { runWorkflow } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';

interface TemplateNode extends INode {
	notes?: string;
	notesInFlow?: boolean;
}
interface Template {
	id: string;
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	pinData: Record<string, Array<{ json: IDataObject }>>;
}

const template = JSON.parse(
	readFileSync(
		join(__dirname, '..', '..', 'templates', '9-shopify-orders-fulfilment-back.json'),
		'utf8',
	),
) as Template;
const node = (name: string) => {
	const found = template.nodes.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`Template 9 has no node “${name}”`);
	return found;
};
const next = (name: string, output = 0) =>
	(template.connections[name]?.main[output] ?? []).map((target) => target.node);
const evaluate = (expression: string, json: IDataObject) =>
	new Expression('UTC').resolveSimpleParameterValue(expression, { $json: json } as never);

interface Condition {
	leftValue: string;
	rightValue: string;
	operator: { operation: string };
}
const conditionsOf = (name: string) =>
	node(name).parameters.conditions as { conditions: Condition[]; combinator: string };

/** The If node's test, restated for the operations the template uses (all must hold: its combinator is "and"). */
function passes(name: string, json: IDataObject): boolean {
	const { conditions, combinator } = conditionsOf(name);
	expect(combinator).toBe('and');
	return conditions.every((condition) => {
		const left = String(evaluate(condition.leftValue, json) ?? '');
		switch (condition.operator.operation) {
			case 'regex':
				return new RegExp(condition.rightValue).test(left);
			case 'notEquals':
				return left !== condition.rightValue;
			case 'equals':
				return left === condition.rightValue;
			case 'notEmpty':
				return left !== '';
			default:
				throw new Error(`operation ${condition.operator.operation} not restated here`);
		}
	});
}

describe('template 9’s wiring', () => {
	test('the Shopify Trigger: Order Paid, Access Token authentication set explicitly (n8n’s default is API Key)', () => {
		expect(node('When a Shopify order is paid')).toMatchObject({
			type: 'n8n-nodes-base.shopifyTrigger',
			parameters: { authentication: 'accessToken', topic: 'orders/paid' },
			credentials: { shopifyAccessTokenApi: expect.objectContaining({ id: expect.any(String) }) },
		});
		expect(next('When a Shopify order is paid')).toEqual(['Import into Starshipit']);
	});

	test('both tracking triggers go to “Your shop”, which holds the example subdomain and says on the canvas to set it', () => {
		expect(next('When Starshipit sends tracking')).toEqual(['Your shop']);
		expect(next('Every 15 minutes, catch missed updates')).toEqual(['Your shop']);
		const yourShop = node('Your shop');
		expect(yourShop).toMatchObject({
			notes: expect.stringMatching(/^Set your shop here/),
			notesInFlow: true,
			parameters: { includeOtherFields: true },
		});
		expect((yourShop.parameters.assignments as { assignments: IDataObject[] }).assignments).toEqual(
			[expect.objectContaining({ name: 'shop', value: 'your-shop' })],
		);
	});

	test('a shop not set (the example, empty, or a whole address) stops at “Your shop is not set”, in words that say what to set', () => {
		const event = {
			order_number: '#1004',
			order_reference: '5550000000004',
			tracking_number: 'SSI000000001',
			status: 'Printed',
		};
		for (const shop of [
			'your-shop',
			'',
			'https://my-store.myshopify.com',
			'my-store.myshopify.com',
		])
			expect(passes('Shop set?', { ...event, shop })).toBe(false);
		expect(passes('Shop set?', { ...event, shop: 'my-store' })).toBe(true);
		expect(next('Shop set?', 1)).toEqual(['Your shop is not set']);
		expect(node('Your shop is not set').type).toBe('n8n-nodes-base.stopAndError');
		expect(
			evaluate(node('Your shop is not set').parameters.errorMessage as string, {
				...event,
				shop: 'your-shop',
			}),
		).toBe(
			'Tracking for order #1004 was not sent to Shopify: set your shop in “Your shop” first. It holds your shop’s subdomain, the part of its admin address before .myshopify.com (for my-store.myshopify.com: my-store); now it holds “your-shop”.',
		);
	});

	test('only orders imported from Shopify (reference = a Shopify order id) with a tracking number, not cancelled, are written back', () => {
		const event = {
			shop: 'my-store',
			order_number: '#1004',
			order_reference: '5550000000004',
			tracking_number: 'SSI000000001',
			status: 'Printed',
		};
		expect(passes('A Shopify order with tracking?', event)).toBe(true);
		expect(
			passes('A Shopify order with tracking?', { ...event, order_reference: 'Web SO-0999' }),
		).toBe(false);
		expect(passes('A Shopify order with tracking?', { ...event, order_reference: undefined })).toBe(
			false,
		);
		expect(passes('A Shopify order with tracking?', { ...event, tracking_number: null })).toBe(
			false,
		);
		expect(passes('A Shopify order with tracking?', { ...event, status: 'Cancelled' })).toBe(false);
		expect(next('A Shopify order with tracking?')).toEqual(['Get its fulfillment orders']);
		expect(next('A Shopify order with tracking?', 1)).toEqual([]);
	});

	test('the write-back: GET the order’s fulfillment orders, then POST a fulfillment for each open one, with the Shopify credential', () => {
		const shopify = {
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'shopifyAccessTokenApi',
		};
		const get = node('Get its fulfillment orders');
		expect(get.parameters).toMatchObject({
			...shopify,
			url: '=https://{{ $json.shop }}.myshopify.com/admin/api/2024-07/orders/{{ $json.order_reference }}/fulfillment_orders.json',
		});
		expect(next(get.name)).toEqual(['One item per fulfillment order']);
		expect(node('One item per fulfillment order').parameters.fieldToSplitOut).toBe(
			'fulfillment_orders',
		);
		expect(next('One item per fulfillment order')).toEqual(['Only open ones']);
		expect(passes('Only open ones', { status: 'open' })).toBe(true);
		for (const status of ['closed', 'in_progress', 'cancelled', 'on_hold'])
			expect(passes('Only open ones', { status })).toBe(false);
		expect(next('Only open ones')).toEqual(['Fulfil with tracking']);
		const post = node('Fulfil with tracking');
		expect(post.parameters).toMatchObject({
			...shopify,
			method: 'POST',
			url: "=https://{{ $('Your shop').item.json.shop }}.myshopify.com/admin/api/2024-07/fulfillments.json",
		});
		expect(post.parameters.jsonBody).toMatch(
			/line_items_by_fulfillment_order: \[\{ fulfillment_order_id: \$json\.id \}\], tracking_info: \{ number: .*tracking_number, company: .*carrier \}, notify_customer: true/,
		);
		// Both requests' failures stop the run with the reason, never silently.
		for (const name of [get.name, post.name]) {
			expect(node(name)).toMatchObject({
				onError: 'continueErrorOutput',
				credentials: { shopifyAccessTokenApi: expect.any(Object) },
			});
			expect(next(name, 1)).toEqual(['Tracking not sent to Shopify']);
		}
		expect(next(post.name)).toEqual([]);
	});
});

describe('template 9’s import on its pinned Shopify order, through n8n’s engine', () => {
	const { sandbox } = useSandbox({ resetAfterEach: false });

	test('the order’s name is the order number, its id the reference; three shippable lines in kg, the gift card left out', async () => {
		const sample = template.pinData['When a Shopify order is paid'][0].json;
		const input: INode = {
			id: 'sample',
			name: 'When a Shopify order is paid',
			type: 'test.testItems',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify([sample]) },
		};
		const connections: IConnections = {
			[input.name]: { main: [[{ node: 'Import into Starshipit', type: 'main', index: 0 }]] },
		};
		const run = await runWorkflow(
			{ nodes: [input, node('Import into Starshipit')], connections },
			{ starshipitApi: sandboxCredentials(sandbox) },
		);
		expect(run.data.resultData.error).toBeUndefined();
		const stored = sandbox.store.orders.filter((row) => row.order_number === sample.name);
		expect(stored).toHaveLength(1);
		expect(stored[0].reference).toBe(String(sample.id));
		expect(stored[0].items?.map(({ item_id: _id, ...line }) => line)).toEqual([
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5, weight: 0.4 },
			{
				description: 'Cotton T-shirt - M / Black',
				sku: 'TEE-M-BLACK',
				quantity: 1,
				value: 30,
				weight: 0.2,
			},
			{ description: 'A2 poster', sku: 'POSTER-A2', quantity: 3, value: 12, weight: 0.1 },
		]);
		expect(stored[0].packages?.map(({ package_id: _id, ...parcel }) => parcel)).toEqual([
			{ weight: 1.3 },
		]);
		expect(stored[0].destination).toMatchObject({
			name: 'Sam Lee',
			street: '5 King Street',
			suburb: 'Newtown',
			city: 'Newtown',
			state: 'NSW',
			post_code: '2042',
			country: 'Australia',
			email: 'sam.lee@example.com',
			phone: '+61 400 000 001',
		});
	});
});

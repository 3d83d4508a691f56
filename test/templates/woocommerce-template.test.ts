/**
 * Template 8 (WooCommerce → Starshipit → WooCommerce), the fast checks: what n8n 1.x needs of its id, the orders-in
 * part built from n8n's own nodes (no Code node: one order at a time, each line weighed from its product, 0.5 kg when
 * the product has none), and its Import node run through n8n's engine against the sandbox on an order of the
 * WooCommerce stand-in's sample shop. The whole workflow runs in a real n8n against the WooCommerce stand-in in
 * test/e2e/woocommerce.e2e.test.ts (2.x and 1.x).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Expression, type IConnections, type IDataObject, type INode } from 'n8n-workflow';

import { runWorkflow } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { startSandbox, type Sandbox } from '../sandbox';
import { PRODUCTS, seedStore } from '../shops/woocommerce/seed';

interface TemplateNode extends INode {
	notes?: string;
	notesInFlow?: boolean;
}
interface Template {
	id: string;
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const template = JSON.parse(
	readFileSync(
		join(__dirname, '..', '..', 'templates', '8-woocommerce-orders-tracking-back.json'),
		'utf8',
	),
) as Template;
const node = (name: string) => {
	const found = template.nodes.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`Template 8 has no node “${name}”`);
	return found;
};
const next = (name: string, output = 0) =>
	(template.connections[name]?.main[output] ?? []).map((target) => target.node);
/** An expression as n8n resolves it, with `$json` and the items other nodes hold (`$('Node').item` / `.first()`). */
const evaluate = (
	expression: string,
	json: IDataObject,
	others: Record<string, IDataObject> = {},
) =>
	new Expression('UTC').resolveSimpleParameterValue(expression, {
		$json: json,
		$: (name: string) => ({ item: { json: others[name] }, first: () => ({ json: others[name] }) }),
	} as never);
const assignments = (name: string) =>
	(
		node(name).parameters.assignments as {
			assignments: Array<{ name: string; type: string; value: string }>;
		}
	).assignments;

describe('template 8’s wiring', () => {
	test('its id is at most 16 characters: n8n 1.x saves a workflow’s static data (the WooCommerce webhook’s secret) only for such ids', () => {
		// n8n 1.x, utils.ts isWorkflowIdValid: `id.length <= 16`. With a longer id every signed delivery failed (500).
		expect(template.id.length).toBeLessThanOrEqual(16);
	});

	test('no Code node: every step is one of n8n’s own nodes, readable on the canvas', () => {
		expect(
			template.nodes
				.filter((candidate) => /\.(code|function|functionItem)$/.test(candidate.type))
				.map((candidate) => candidate.name),
		).toEqual([]);
	});

	test('orders go one at a time through: lines split, each product read, each line weighed, the lines gathered, imported, then the next order', () => {
		expect(next('Paid, not shipped yet')).toEqual(['Where it ships to']);
		expect(next('Where it ships to')).toEqual(['One order at a time']);
		expect(node('One order at a time')).toMatchObject({
			type: 'n8n-nodes-base.splitInBatches',
			typeVersion: 3,
			parameters: { batchSize: 1 },
		});
		// Output 1 is Loop Over Items' “loop” output, output 0 its “done”.
		expect(next('One order at a time', 1)).toEqual(['One item per line']);
		expect(next('One order at a time', 0)).toEqual([]);
		expect(node('One item per line').parameters.fieldToSplitOut).toBe('line_items');
		expect(next('One item per line')).toEqual(['Read each product’s weight']);
		expect(node('Read each product’s weight').parameters).toMatchObject({
			resource: 'product',
			operation: 'get',
			productId: '={{ $json.product_id }}',
		});
		expect(next('Read each product’s weight')).toEqual(['Each line with its weight']);
		expect(next('Each line with its weight')).toEqual(['The order’s lines']);
		expect(node('The order’s lines').parameters).toMatchObject({
			aggregate: 'aggregateAllItemData',
			destinationFieldName: 'line_items',
		});
		expect(next('The order’s lines')).toEqual(['The order with its lines']);
		expect(next('The order with its lines')).toEqual(['Import into Starshipit']);
		expect(next('Import into Starshipit')).toEqual(['One order at a time']);
	});

	test('an order with no lines is not taken (its loop would end the run before the next order)', () => {
		const conditions = (
			node('Paid, not shipped yet').parameters.conditions as {
				conditions: Array<{ leftValue: string; operator: { operation: string } }>;
			}
		).conditions;
		expect(conditions).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					leftValue: '={{ $json.line_items }}',
					operator: expect.objectContaining({ operation: 'notEmpty' }),
				}),
			]),
		);
	});

	test('each line: name, SKU, quantity and price from the order, the weight from its product, 0.5 kg when it has none (said on the canvas)', () => {
		const [line] = seedStore().orders[0].line_items;
		const weighed = (product: IDataObject) =>
			Object.fromEntries(
				assignments('Each line with its weight').map((field) => [
					field.name,
					evaluate(field.value, product, { 'One item per line': line as unknown as IDataObject }),
				]),
			);
		expect(weighed(PRODUCTS[0] as unknown as IDataObject)).toEqual({
			name: 'Blue mug',
			sku: 'MUG-BLUE',
			quantity: 2,
			price: 19.5,
			weight: 0.4,
		});
		// A product with no weight, and a product deleted since (the product read gives its error).
		expect(weighed({ ...PRODUCTS[3], weight: '' }).weight).toBe(0.5);
		expect(weighed({ error: 'Invalid ID.' }).weight).toBe(0.5);
		expect(node('Read each product’s weight').onError).toBe('continueRegularOutput');
		expect(node('Each line with its weight')).toMatchObject({
			notes: 'No weight on the product: 0.5 kg',
			notesInFlow: true,
		});
		expect(node('Step 2').parameters.content as string).toContain('**0.5 kg**');
	});

	test('ships to the shipping address, or the billing address for an order with none', () => {
		const [toSydney, , billingOnly] = seedStore().orders;
		const shipTo = (order: object) =>
			evaluate(assignments('Where it ships to')[0].value, order as IDataObject) as IDataObject;
		expect(shipTo(toSydney)).toMatchObject({ address_1: '5 King Street', city: 'Newtown' });
		expect(shipTo(billingOnly)).toMatchObject({
			address_1: '221 Baker Street',
			email: 'priya.shah@example.com',
		});
	});

	test('the order beside its gathered lines is the one the loop is on', () => {
		const order = { id: 4101, number: '4101' };
		expect(
			evaluate(
				assignments('The order with its lines')[0].value,
				{},
				{ 'One order at a time': order },
			),
		).toEqual(order);
		expect(node('The order with its lines').parameters.includeOtherFields).toBe(true);
	});

	test('the credential advice: turn on Include Credentials in Query when the credential’s Test fails', () => {
		expect(node('Step 1').parameters.content).toMatch(
			/Test\*\* fails.*turn on \*\*Include Credentials in Query\*\*/,
		);
	});
});

describe('template 8’s import on a sample WooCommerce order, through n8n’s engine', () => {
	let sandbox: Sandbox;
	beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
	afterAll(async () => await sandbox.close());

	test('number → order number, id → reference, billing address when there is no shipping one, every line with its weight, one package weighing them', async () => {
		// Sample order 4103: no shipping block; two tea towels, whose product has no weight (0.5 kg each).
		const order = seedStore().orders[2];
		const shipTo = evaluate(
			assignments('Where it ships to')[0].value,
			order as unknown as IDataObject,
		);
		const lines = order.line_items.map((line) => ({
			name: line.name,
			sku: line.sku,
			quantity: line.quantity,
			price: line.price,
			weight: 0.5,
		}));
		const item = { order: { ...order, ship_to: shipTo }, line_items: lines };
		const input: INode = {
			id: 'sample',
			name: 'The order with its lines',
			type: 'test.testItems',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify([item]) },
		};
		const connections: IConnections = {
			[input.name]: { main: [[{ node: 'Import into Starshipit', type: 'main', index: 0 }]] },
		};
		const run = await runWorkflow(
			{ nodes: [input, node('Import into Starshipit')], connections },
			{ starshipitApi: sandboxCredentials(sandbox) },
		);
		expect(run.data.resultData.error).toBeUndefined();
		const stored = sandbox.store.orders.filter((row) => row.order_number === order.number);
		expect(stored).toHaveLength(1);
		expect(stored[0].reference).toBe('4103');
		expect(stored[0].destination).toMatchObject({
			name: 'Priya Shah',
			street: '221 Baker Street',
			suburb: 'London',
			post_code: 'NW1 6XE',
			email: 'priya.shah@example.com',
			phone: '+44 20 7946 0000',
		});
		expect(stored[0].items?.map(({ item_id: _id, ...line }) => line)).toEqual([
			{ description: 'Tea towel', sku: 'TOWEL-LINEN', quantity: 2, value: 9, weight: 0.5 },
		]);
		expect(stored[0].packages?.map(({ package_id: _id, ...parcel }) => parcel)).toEqual([
			{ weight: 1 },
		]);
	});
});

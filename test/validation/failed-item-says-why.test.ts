/**
 * Issue 26, point 5: a failed item says why in `error` itself, where an alert built on `{{ $json.error }}` reads it:
 * the first problem in full, "and N more" when there are more. Item data carries no HTML (the editor's error panel
 * renders an error's description as HTML, so the error that stops the node keeps its `<br>` line breaks there; the
 * same description in an item has plain line breaks). `supportContext.action` says what was attempted ("create"),
 * never "created" for an order that was not created.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode, type RunNodeOptions } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';

const { sandbox } = useSandbox();

const order = {
	resource: 'order',
	orderNumber: '={{ $json.number }}',
	destinationName: 'Sam Lee',
	destinationStreet: '={{ $json.street }}',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: '={{ $json.country }}',
	itemsInput: 'none',
};
const shop = [
	{ number: 'SHOP-5010', country: 'Australia', street: '5 King Street' },
	{ number: 'SHOP-5011', country: 'Narnia', street: '5 King Street' },
];
const NARNIA =
	'The order of item 2 (order SHOP-5011) has a problem: Destination › Country: is not a country Starshipit knows: "Narnia". Use its 2-letter code (e.g. AU, NZ) or English name (e.g. Australia)';

const run = (
	operation: string,
	input: IDataObject[],
	onError: RunNodeOptions['onError'] = 'continueRegularOutput',
) =>
	runNode({
		parameters: { ...order, operation },
		input,
		credentials: sandboxCredentials(sandbox, { maxRetries: 0 }),
		onError,
	});

/** Every failed item, wherever the operation puts it: an error item, a failed outcome, or the error output. */
const failed = (items: INodeExecutionData[]) =>
	items.filter((item) => item.json.error !== undefined).map((item) => item.json);

describe('the error of a failed item names the cause', () => {
	test.each(['create', 'createOrUpdate', 'import'])(
		'Order > %s: the refused field and why, in `error`',
		async (operation) => {
			const { items } = await run(operation, shop);
			expect(failed(items).map((json) => json.error)).toEqual([NARNIA]);
		},
	);

	test('on the error output too (Continue (using error output))', async () => {
		const { errorItems } = await run('create', shop, 'continueErrorOutput');
		expect(errorItems.map((item) => item.json.error)).toEqual([NARNIA]);
	});

	test('with more problems: the first in full, then how many more; every one of them in the description', async () => {
		const { items } = await run('createOrUpdate', [
			{ number: 'SHOP-5012', country: 'Narnia', street: '' },
		]);
		const [json] = failed(items);
		expect(json.error).toBe(
			'The order of item 1 (order SHOP-5012) has 2 problems: Destination › Street: is required (and 1 more)',
		);
		expect(json.description).toContain(
			'• Destination › Street: is required\n• Destination › Country: is not a country Starshipit knows: "Narnia"',
		);
		expect(json.description).toContain('Nothing was sent to Starshipit for this item.');
	});

	test('the error that stops the node says the cause too; its description keeps the editor’s line breaks', async () => {
		const { error } = await run('create', shop, 'stopWorkflow');
		expect(error?.message).toBe(NARNIA);
		expect(error?.description).toMatch(
			/^• Destination › Country: .*<br>\nNothing was sent to Starshipit for this item\./,
		);
	});

	test('an unknown country is one problem, not also an international order without customs lines', async () => {
		const { error } = await run('create', [shop[1]], 'stopWorkflow');
		expect(error?.description).not.toMatch(/customs/);
	});
});

describe('no HTML in item data', () => {
	test.each([
		['create', 'continueRegularOutput'],
		['create', 'continueErrorOutput'],
		['createOrUpdate', 'continueRegularOutput'],
		['createOrUpdate', 'continueErrorOutput'],
		['import', 'continueRegularOutput'],
		['import', 'continueErrorOutput'],
	] as const)('Order > %s, %s: no <br> in any item', async (operation, onError) => {
		const { items, errorItems } = await run(
			operation,
			[...shop, { number: 'SHOP-5013', country: 'Narnia', street: '' }],
			onError,
		);
		const all = JSON.stringify([...items, ...errorItems].map((item) => item.json));
		expect(all).toContain('Narnia');
		expect(all).not.toMatch(/<br|<\/?[a-z]+>/i);
	});

	test('a refusal from Starshipit on the error output: its description has plain line breaks', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders',
			kind: 'status',
			status: 400,
			body: {
				success: false,
				errors: [
					{
						message: 'Destination suburb does not match the post code',
						details: 'Newtown is in 2042',
					},
				],
			},
			times: 1,
		});
		const { errorItems } = await run('create', [shop[0]], 'continueErrorOutput');
		const details = errorItems[0].json.details as IDataObject;
		expect(String(details.description)).toContain('\n');
		expect(JSON.stringify(errorItems[0].json)).not.toMatch(/<br/);
	});
});

describe('supportContext.action says what was attempted', () => {
	test('a create refused before sending: "create"', async () => {
		const { items } = await run('createOrUpdate', shop);
		expect(failed(items)[0].supportContext).toMatchObject({ action: 'create', endpoint: null });
	});

	test('a create Starshipit answered with an error: "create"', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders',
			kind: 'status',
			status: 503,
			times: 5,
		});
		const { items } = await run('create', [shop[0]]);
		expect(items[0].json.supportContext).toMatchObject({
			action: 'create',
			endpoint: '/api/orders',
			status: 503,
		});
	});

	test('a label: "label"', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipment',
			kind: 'status',
			status: 503,
			times: 5,
		});
		const { items } = await runNode({
			parameters: {
				resource: 'label',
				operation: 'create',
				order: { __rl: true, mode: 'orderNumber', value: 'SO-1001' },
			},
			credentials: sandboxCredentials(sandbox, { maxRetries: 0 }),
			onError: 'continueRegularOutput',
		});
		expect(items[0].json.supportContext).toMatchObject({
			action: 'label',
			endpoint: '/api/orders/shipment',
		});
	});
});

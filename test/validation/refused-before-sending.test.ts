import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

// Issue 27, point 9: a NUL in a name, a price of 1e15 and a manifest order ID of 0 or 1e15 were sent.
// Each is refused before sending, named by item and field; what a user can type (tabs, line breaks in
// delivery instructions) still goes through as typed.
const { sandbox, credentials } = useSandbox();

const run = (parameters: IDataObject, input: IDataObject[], continueOnFail = true) =>
	runNode({ parameters, input, credentials: credentials(), continueOnFail });
const writes = () => sandbox.requests.filter((request) => request.method !== 'GET');
const newOrder = (change: IDataObject = {}) => ({
	resource: 'order',
	operation: 'create',
	orderNumber: '={{ $json.number }}',
	destinationName: '={{ $json.name }}',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'AU',
	itemsInput: 'none',
	...change,
});

test('a NUL inside the recipient name: that item is refused, naming item and field; the other order goes', async () => {
	const { items, error } = await run(newOrder(), [
		{ number: 'CTL-1', name: 'Sam Lee' },
		{ number: 'CTL-2', name: 'Sam\u0000Lee' },
	]);
	expect(error).toBeUndefined();
	expect(items[0].json.order_number).toBe('CTL-1');
	expect(items[1].json.error).toBe(
		'The order of item 2 (order CTL-2) has a problem: Destination › Recipient Name: holds a control character (U+0000), which no text should: remove it (it usually comes from binary data or from text read in the wrong encoding)',
	);
	expect(items[1].json.description).toContain(
		'Destination › Recipient Name: holds a control character (U+0000), which no text should: remove it',
	);
	expect(sandbox.store.orders.filter((order) => order.order_number === 'CTL-2')).toEqual([]);
});

test('tabs and line breaks in delivery instructions are kept and sent as typed', async () => {
	const instructions = 'Leave at the back door\nRing twice\tthen wait';
	const { items, error } = await run(
		newOrder({ additionalFields: { delivery_instructions: instructions } }),
		[{ number: 'CTL-3', name: 'Sam Lee' }],
		false,
	);
	expect(error).toBeUndefined();
	expect(items[0].json.order_number).toBe('CTL-3');
	expect(
		sandbox.store.orders.find((order) => order.order_number === 'CTL-3')?.destination
			.delivery_instructions,
	).toBe(instructions);
});

test.each([
	['create', { sku: 'PRICE-1', title: 'Mug', additionalFields: { price: '={{ $json.price }}' } }],
	['sync', { sku: 'PRICE-1', fields: { title: 'Mug', price: '={{ $json.price }}' } }],
])(
	'Product > %s: a price of 1e15 is refused (at most 10,000,000), naming item and field; nothing is sent',
	async (operation, parameters) => {
		const { items, error } = await run({ resource: 'product', operation, ...parameters }, [
			{ price: 1e15 },
		]);
		expect(error).toBeUndefined();
		expect(String(items[0].json.error)).toContain('item 1');
		expect(`${String(items[0].json.error)} ${String(items[0].json.description)}`).toMatch(
			/Price[^]*at most 10000000/,
		);
		expect(writes()).toEqual([]);
	},
);

test('Manifest > Create: order IDs 0 and 1e15 fail their own items; the printed order beside them is manifested', async () => {
	const printed = sandbox.store.orders.find((order) => order.order_number === SEED.printedOrder)!;
	const { items, error } = await run(
		{ resource: 'manifest', operation: 'create', manifestBy: 'orders', orderId: '={{ $json.id }}' },
		[{ id: 0 }, { id: printed.order_id }, { id: 1e15 }],
	);
	expect(error).toBeUndefined();
	expect(items[0]).toMatchObject({
		json: { order_ids: [printed.order_id], manifested: 1 },
		pairedItem: [{ item: 1 }],
	});
	expect(items[1]).toMatchObject({
		json: {
			error:
				'Order ID of item 1 is not a Starshipit order ID (0): it must be at least 1: nothing was sent to Starshipit',
		},
		pairedItem: { item: 0 },
	});
	expect(items[2]).toMatchObject({
		json: {
			error:
				'Order ID of item 3 is not a Starshipit order ID (1000000000000000): it must be at most 999999999999: nothing was sent to Starshipit',
		},
		pairedItem: { item: 2 },
	});
	expect(writes().map((request) => request.body)).toEqual([{ order_ids: [printed.order_id] }]);
	expect(
		sandbox.store.orders.find((order) => order.order_number === SEED.printedOrder)?.status,
	).toBe('Shipped');
});

/**
 * A user with 200 orders finds the one that failed by its order number, not by counting items: an error of an
 * order write says the item (as the user counts, from 1) and the order number the item carries.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

const { sandbox, credentials } = useSandbox();

// Every order field mapped from the input, as a shop feed fills them.
const mappedOrder = {
	orderNumber: '={{ $json.number }}',
	destinationName: '={{ $json.name }}',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationCity: 'Sydney',
	destinationState: 'NSW',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	items: {
		item: [{ sku: 'MUG-BLUE', description: 'Blue mug', quantity: 1, value: 19.5, weight: 0.4 }],
	},
	packages: { package: [{ weight: 1 }] },
};
const feed = [
	{ number: 'SO-5001', name: 'Sam Lee' },
	{ number: 'SO-5002', name: 'Alex Chen' },
	{ number: 'SO-5003', name: '' },
];

const run = (
	operation: string,
	parameters: IDataObject,
	input: IDataObject[],
	continueOnFail = false,
) =>
	runNode({
		parameters: { resource: 'order', operation, ...parameters },
		input,
		credentials: credentials(),
		continueOnFail,
	});

describe('Order > Create', () => {
	test('a bad item stops the node with its item number and its order number', async () => {
		const { error } = await run('create', mappedOrder, feed);
		expect(error?.message).toBe(
			'The order of item 3 (order SO-5003) has a problem: Destination › Recipient Name: is required',
		);
		expect(error?.description).toMatch(/Recipient Name: is required/);
	});

	test('Continue On Fail: the error item says the item and the order number; the others are created', async () => {
		const { items } = await run('create', mappedOrder, feed, true);
		expect(items.map((item) => item.json.order_number ?? item.json.error)).toEqual([
			'SO-5001',
			'SO-5002',
			'The order of item 3 (order SO-5003) has a problem: Destination › Recipient Name: is required',
		]);
	});

	test('an item without an order number is named by its item number alone', async () => {
		const { error } = await run('create', mappedOrder, [{ number: '', name: 'Sam Lee' }]);
		expect(error?.message).toBe('The order of item 1 has a problem: Order Number: is required');
		expect(error?.description).toMatch(/Order Number: is required/);
	});

	test('Starshipit’s refusal says the item too, beside the order number', async () => {
		const { error } = await run('create', mappedOrder, [
			{ number: 'SO-5001', name: 'Sam Lee' },
			{ number: SEED.multiItemOrder, name: 'Alex Chen' },
		]);
		expect(error?.message).toBe(`Starshipit: Order ${SEED.multiItemOrder} already exists (item 2)`);
	});

	test('a refusal in words that do not name the order gets the order number and the item', async () => {
		const refusal = {
			success: false,
			errors: [{ message: 'Destination suburb does not match the post code' }],
		};
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders',
			kind: 'status',
			status: 400,
			body: refusal,
			times: 1,
		});
		const { items } = await run('create', mappedOrder, feed.slice(0, 2), true);
		expect(items[0].json.error).toBe(
			'Starshipit: Destination suburb does not match the post code (order SO-5001, item 1)',
		);
		expect(items[1].json.order_number).toBe('SO-5002');
	});
});

test('Order > Create or Update: the failed outcome names the order number in its error too', async () => {
	const { items } = await run('createOrUpdate', mappedOrder, feed, true);
	expect(items[2].json).toMatchObject({ outcome: 'failed', order_number: 'SO-5003' });
	expect(items[2].json.error).toBe(
		'The order of item 3 (order SO-5003) has a problem: Destination › Recipient Name: is required',
	);
});

test('Order > Update by number: a bad change names the item and the order', async () => {
	const { error } = await run(
		'update',
		{
			order: { __rl: true, mode: 'orderNumber', value: '={{ $json.number }}' },
			updateFields: { reference: 'x'.repeat(51) },
		},
		[{ number: SEED.domesticOrder }],
	);
	expect(error?.message).toBe(
		`The update of item 1 (order ${SEED.domesticOrder}) has a problem: Reference: must be at most 50 characters (this one has 51): shorten it`,
	);
});

test('Order > Mark as Shipped: a bad item names the item and the order', async () => {
	const shipped = {
		orderNumber: '={{ $json.number }}',
		recipientName: 'Sam Lee',
		carrier: 'AusPost',
		trackingNumber: '={{ $json.tracking }}',
		country: 'AU',
		postCode: '2000',
	};
	const { error } = await run('markShipped', shipped, [{ number: 'ERP-7002', tracking: '' }]);
	expect(error?.message).toBe(
		'The shipment of item 1 (order ERP-7002) has a problem: Tracking Number: is required',
	);
});

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

// Order > Import and Create or Update: every outcome read from Starshipit's answer (or a read back),
// never assumed; existing orders updated in bulk; retries that never re-create or skip an update.
const { sandbox } = useSandbox();

const parameters = {
	resource: 'order',
	operation: 'import',
	orderNumber: '={{ $json.number }}',
	destinationName: '={{ $json.name ?? "Sam Lee" }}',
	destinationStreet: '={{ $json.street ?? "5 King Street" }}',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	itemsInput: 'none',
};
const importOrders = (
	input: IDataObject[],
	continueOnFail = false,
	overrides: ICredentialDataDecryptedObject = {},
	extra: IDataObject = {},
) =>
	runNode({
		parameters: { ...parameters, ...extra },
		input,
		credentials: sandboxCredentials(sandbox, overrides),
		continueOnFail,
	});
const stored = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const calls = (method: string, path: string) =>
	sandbox.requests.filter((request) => request.method === method && request.path === path).length;
const gets = () => sandbox.requests.filter((request) => request.method === 'GET').length;

/** Orders already in Starshipit with an old street, as a previous import would have left them. */
function seedExisting(numbers: string[]) {
	for (const number of numbers) {
		const id = sandbox.store.nextOrderId++;
		sandbox.store.orders.push({
			order_id: id,
			order_number: number,
			order_date: new Date().toISOString(),
			status: 'Unshipped',
			archived: false,
			destination: {
				name: 'Sam Lee',
				street: '1 Old Road',
				suburb: 'Newtown',
				post_code: '2042',
				country: 'Australia',
			},
			items: [],
			packages: [],
			tracking_events: [],
			last_updated_date: new Date(Date.now() - 3600_000).toISOString(),
		});
	}
}

describe('the same order number twice in one import', () => {
	test('the later item fails naming both items; the first goes in with its own values', async () => {
		const input = [
			{ number: 'TW-0' },
			{ number: 'TW-1', name: 'First Customer' },
			{ number: 'TW-2' },
			{ number: 'TW-3' },
			{ number: 'TW-1', name: 'Second Customer' },
		];
		const { items, error } = await importOrders(input);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual([
			'created',
			'created',
			'created',
			'created',
			'failed',
		]);
		expect(items[4].json.error).toMatch(
			/^Order number TW-1 is in item 2 and again in item 5 of this run: only item 2 was sent\. If these items are lines of one order/,
		);
		expect(items[4].json.error).toContain('Items From to "A List in the Input"');
		expect(stored('TW-1')).toHaveLength(1);
		expect(stored('TW-1')[0].destination.name).toBe('First Customer');
		expect(items[1].json.order_id).toBe(stored('TW-1')[0].order_id);
		expect(items[4].json.order_id).toBeUndefined();
	});
});

describe('retries of an import where half the orders exist', () => {
	const input = ['HX-1', 'HX-2', 'HX-3', 'HX-4'].map((number) => ({
		number,
		street: '9 New Street',
	}));
	const check = (items: Array<{ json: IDataObject }>) => {
		expect(items.map((row) => row.json.outcome)).toEqual([
			'updated',
			'created',
			'updated',
			'created',
		]);
		for (const number of ['HX-1', 'HX-2', 'HX-3', 'HX-4']) {
			expect(stored(number)).toHaveLength(1);
			expect(stored(number)[0].destination.street).toBe('9 New Street');
		}
	};

	test.each([
		['an HTTP 500 before anything was stored', { kind: 'status', status: 500 }, [4, 2]],
		['a connection dropped after the write', { kind: 'drop-after-write' }, [4]],
		['an answer that lands after the client gave up', { kind: 'late-answer', delayMs: 1500 }, [4]],
	])(
		'%s: existing orders are updated, new ones created once, only the rest sent again, no lookup per order',
		async (_name, fault, sentPerAttempt) => {
			seedExisting(['HX-1', 'HX-3']);
			sandbox.faults.add({
				method: 'POST',
				path: '/api/orders/import',
				times: 1,
				...(fault as object),
			} as never);
			const { items, error } = await importOrders(input, false, { timeoutSeconds: 1 });
			expect(error).toBeUndefined();
			check(items);
			const imports = sandbox.requests.filter((request) => request.path === '/api/orders/import');
			expect(
				imports.map((request) => (request.body as { orders: unknown[] }).orders.length),
			).toEqual(sentPerAttempt);
			expect(calls('GET', '/api/orders/search')).toBe(0);
			expect(gets()).toBeLessThanOrEqual(3);
		},
	);

	test('the connection drops after the bulk update landed: the update is read back, not sent twice and not skipped', async () => {
		seedExisting(['HX-1', 'HX-3']);
		sandbox.faults.add({
			method: 'PUT',
			path: '/api/orders/update',
			kind: 'drop-after-write',
			times: 1,
		});
		const { items, error } = await importOrders(input);
		expect(error).toBeUndefined();
		check(items);
		expect(calls('PUT', '/api/orders/update')).toBe(1);
	});
});

describe('re-running an import', () => {
	test('120 orders imported again are updated in bulk: a handful of requests, not one per order', async () => {
		const input = Array.from({ length: 120 }, (_, n) => ({ number: `RE-${n}` }));
		expect((await importOrders(input)).items.every((row) => row.json.outcome === 'created')).toBe(
			true,
		);
		const before = sandbox.stats.requests;
		const again = await importOrders(input.map((row) => ({ ...row, street: '2 Changed Street' })));
		expect(again.error).toBeUndefined();
		expect(again.items.every((row) => row.json.outcome === 'updated')).toBe(true);
		expect(stored('RE-77')[0].destination.street).toBe('2 Changed Street');
		expect(sandbox.stats.requests - before).toBeLessThanOrEqual(8);
		expect(calls('PUT', '/api/orders')).toBe(0);
		expect(calls('PUT', '/api/orders/update')).toBe(3);
	});

	test('orders that already hold the values sent are reported unchanged and not written', async () => {
		const input = [{ number: 'SAME-1' }, { number: 'SAME-2' }];
		await importOrders(input);
		const { items } = await importOrders(input);
		expect(items.map((row) => row.json.outcome)).toEqual(['unchanged', 'unchanged']);
		expect(calls('PUT', '/api/orders/update')).toBe(0);
	});

	test('a printed order is skipped with the reason, the others updated', async () => {
		const { items } = await importOrders([
			{ number: SEED.printedOrder },
			{ number: SEED.domesticOrder },
		]);
		expect(items.map((row) => row.json.outcome)).toEqual(['skipped', 'updated']);
		expect(items[0].json.reason).toMatch(/can no longer be changed/);
	});

	test('Create or Update answers in the same shape as Import', async () => {
		const { items } = await runNode({
			parameters: { ...parameters, operation: 'createOrUpdate', orderNumber: 'SHAPE-1' },
			input: [{}],
			credentials: sandboxCredentials(sandbox),
		});
		const imported = await importOrders([{ number: 'SHAPE-2' }]);
		expect(Object.keys(items[0].json).sort()).toEqual(Object.keys(imported.items[0].json).sort());
		expect(items[0].json).toMatchObject({ outcome: 'created', order_number: 'SHAPE-1' });
	});
});

describe('a batch with bad items', () => {
	const input = [
		{ number: 'BAD-1' },
		{ number: 'BAD-2', name: '' },
		{ number: 'BAD-3' },
		{ number: 'BAD-4', street: '' },
	];

	test('without Continue On Fail every bad item is named at once and nothing is sent', async () => {
		const { error } = await importOrders(input);
		expect(error?.message).toBe('2 of 4 orders have problems: nothing was sent to Starshipit');
		expect(error?.description).toContain(
			'Item 2 (order BAD-2): Destination › Recipient Name: is required',
		);
		expect(error?.description).toContain('Item 4 (order BAD-4): Destination › Street: is required');
		expect(error?.description).toContain('Settings > On Error > Continue');
		expect(`${error?.message} ${error?.description}`).not.toMatch(/\[item/);
		expect(sandbox.stats.requests).toBe(0);
	});

	test('with Continue On Fail the good orders go and the bad ones become paired error items', async () => {
		const { items, error } = await importOrders(input, true);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual([
			'created',
			'failed',
			'created',
			'failed',
		]);
		expect(items.map((row) => (row.pairedItem as { item: number }).item)).toEqual([0, 1, 2, 3]);
		expect(items[1].json.error).toMatch(/Destination › Recipient Name: is required/);
		expect(stored('BAD-2')).toHaveLength(0);
		expect(stored('BAD-3')).toHaveLength(1);
	});
});

describe('an outcome is read, never assumed', () => {
	test('an import answer that says nothing about an order: it is read back, and reported failed when absent', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/import',
			kind: 'status',
			status: 200,
			times: 1,
			body: { success: true, orders: [], errors: [] },
		});
		const { items } = await importOrders([{ number: 'SILENT-1' }]);
		expect(items[0].json.outcome).toBe('failed');
		expect(items[0].json.error).toMatch(/does not hold it/);
	});
});

describe('Order > Create after a lost answer', () => {
	test('an order that was there before with other values is not taken for the new one', async () => {
		seedExisting(['CR-1']);
		sandbox.faults.add({ method: 'POST', path: '/api/orders', kind: 'drop-after-write', times: 1 });
		const { error } = await runNode({
			parameters: { ...parameters, operation: 'create', orderNumber: 'CR-1' },
			input: [{ street: '9 New Street' }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(error?.message).toBe(
			'Order CR-1 already exists in Starshipit with other values (Destination › Street), so it was not created (item 1)',
		);
		expect(stored('CR-1')).toHaveLength(1);
	});

	test('the order the lost answer was about, holding the values sent, is reported as created', async () => {
		sandbox.faults.add({ method: 'POST', path: '/api/orders', kind: 'drop-after-write', times: 1 });
		const { items, error } = await runNode({
			parameters: { ...parameters, operation: 'create', orderNumber: 'CR-2' },
			input: [{ street: '9 New Street' }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.order_id).toBe(stored('CR-2')[0].order_id);
		expect(calls('POST', '/api/orders')).toBe(1);
	});
});

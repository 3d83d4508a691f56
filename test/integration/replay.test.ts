import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';
import { newOrderFromItem as newOrder } from './order-fixtures';

// Failed Request > Replay: a failed write runs again from its error item, through the same checks as
// the first attempt; a record that reached Starshipit meanwhile is reported, never created twice.
const { sandbox } = useSandbox();

const stored = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const creates = () =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/orders');
const credentials = (overrides: IDataObject = {}) =>
	sandboxCredentials(sandbox, { maxRetries: 0, ...overrides } as never);

/** Runs a write while Starshipit answers 503, and returns its failed item (Continue On Fail). */
async function failedWrite(
	resource: string,
	operation: string,
	parameters: IDataObject,
	input: IDataObject[],
	path: string,
	method = 'POST',
) {
	sandbox.faults.add({ method, path, kind: 'status', status: 503, times: 10 });
	const { items } = await runNode({
		parameters: { resource, operation, ...parameters },
		input,
		credentials: credentials(),
		continueOnFail: true,
	});
	sandbox.faults.clear();
	expect(items[0].json.error).toEqual(expect.any(String));
	return items[0].json;
}

const replay = (input: IDataObject[], extra: IDataObject = {}, continueOnFail = false) =>
	runNode({
		parameters: { resource: 'failedRequest', operation: 'replay', ...extra },
		input,
		credentials: credentials(),
		continueOnFail,
	});

test('replaying a create whose order landed meanwhile reports the order and creates nothing', async () => {
	const failed = await failedWrite(
		'order',
		'create',
		newOrder,
		[{ number: 'WEB-9201' }],
		'/api/orders',
	);
	// Meanwhile the order reached Starshipit (another run, or someone keyed it in).
	await runNode({
		parameters: { resource: 'order', operation: 'create', ...newOrder },
		input: [{ number: 'WEB-9201' }],
		credentials: credentials(),
	});
	const createsBefore = creates().length;

	const { items, error } = await replay([failed]);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].json).toMatchObject({
		replayed: false,
		outcome: 'unchanged',
		order_number: 'WEB-9201',
		order_id: stored('WEB-9201')[0].order_id,
	});
	expect(items[0].json.reason).toMatch(
		/already holds .* the values the failed request meant to write/,
	);
	expect(creates()).toHaveLength(createsBefore);
	expect(stored('WEB-9201')).toHaveLength(1);
});

test('replaying a failed create once the fault is gone creates the order once, with the stored input', async () => {
	const failed = await failedWrite(
		'order',
		'create',
		newOrder,
		[{ number: 'WEB-9202' }],
		'/api/orders',
	);
	expect(stored('WEB-9202')).toHaveLength(0);

	const { items, error } = await replay([failed]);
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ replayed: true, order_number: 'WEB-9202' });
	expect(items[0].pairedItem).toEqual({ item: 0 });
	expect(stored('WEB-9202')).toHaveLength(1);
	expect(stored('WEB-9202')[0].destination).toMatchObject({
		street: '5 King Street',
		suburb: 'Newtown',
	});
});

test('the replay stored as text (a table column) works the same, and the expression in it is not evaluated again', async () => {
	const failed = await failedWrite(
		'order',
		'create',
		newOrder,
		[{ number: 'WEB-9203' }],
		'/api/orders',
	);
	const row = { id: 7, replay: JSON.stringify(failed.replay) };
	const { items, error } = await replay([row], { replayData: '={{ $json.replay }}' });
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ replayed: true, order_number: 'WEB-9203' });
	expect(stored('WEB-9203')).toHaveLength(1);
});

test('the item from the error output (fields under details) replays with the default mapping', async () => {
	sandbox.faults.add({
		method: 'POST',
		path: '/api/orders',
		kind: 'status',
		status: 503,
		times: 10,
	});
	const { errorItems } = await runNode({
		parameters: { resource: 'order', operation: 'create', ...newOrder },
		input: [{ number: 'WEB-9204' }],
		credentials: credentials(),
		onError: 'continueErrorOutput',
	});
	sandbox.faults.clear();
	const { items, error } = await replay([errorItems[0].json]);
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ replayed: true, order_number: 'WEB-9204' });
	expect(stored('WEB-9204')).toHaveLength(1);
});

test('a replay that fails again is an error item with the new reason and the same replay, ready for the next try', async () => {
	const failed = await failedWrite(
		'order',
		'create',
		newOrder,
		[{ number: 'WEB-9205' }],
		'/api/orders',
	);
	sandbox.faults.add({
		method: 'POST',
		path: '/api/orders',
		kind: 'status',
		status: 502,
		times: 10,
	});
	const { items } = await replay([failed], {}, true);
	expect(items[0].json).toMatchObject({
		error: expect.stringMatching(/^Starshipit: /),
		replay: failed.replay,
	});
	expect(items[0].json.supportContext).toMatchObject({
		action: 'create',
		status: 502,
		endpoint: '/api/orders',
		sourceOrderId: 'WEB-9205',
	});
	expect(stored('WEB-9205')).toHaveLength(0);
});

test('a replayed update runs through Order > Update again and changes the order', async () => {
	const parameters = {
		order: { __rl: true, mode: 'orderNumber', value: SEED.domesticOrder },
		updateFields: { reference: 'REPLAYED-1' },
		verify: false,
	};
	const failed = await failedWrite('order', 'update', parameters, [{}], '/api/orders', 'PUT');
	const { items, error } = await replay([failed]);
	expect(error).toBeUndefined();
	expect(items[0].json.replayed).toBe(true);
	expect(stored(SEED.domesticOrder)[0].reference).toBe('REPLAYED-1');
});

test('a product create that landed meanwhile is reported, not created twice', async () => {
	const failed = await failedWrite(
		'product',
		'create',
		{ sku: 'NEW-9206', title: 'New thing' },
		[{}],
		'/api/products',
	);
	await runNode({
		parameters: { resource: 'product', operation: 'create', sku: 'NEW-9206', title: 'New thing' },
		credentials: credentials(),
	});
	const { items } = await replay([failed]);
	expect(items[0].json).toMatchObject({ replayed: false, outcome: 'unchanged', sku: 'NEW-9206' });
	expect(sandbox.store.products.filter((product) => product.sku === 'NEW-9206')).toHaveLength(1);
});

test('something that is not a failed write is refused in plain words, naming the item', async () => {
	const { error } = await replay([
		{},
		{ replay: { resource: 'order', operation: 'get', parameters: {} } },
	]);
	expect(error?.message).toBe(
		'Failed Request is empty or is not the "replay" field of a failed item (item 1)',
	);
	const second = await replay([
		{ replay: { resource: 'order', operation: 'get', parameters: {} } },
	]);
	expect(second.error?.message).toBe(
		'"order > get" is not a Starshipit write that can be replayed (item 1)',
	);
	expect(sandbox.requests).toHaveLength(0);
});

test('read-only mode refuses a replay: it writes', async () => {
	const { error } = await replay(
		[{ replay: { resource: 'order', operation: 'create', parameters: {} } }],
		{ readOnly: true },
	);
	expect(error?.message).toMatch(/^Read-only mode is on/);
});

test('without Continue On Fail, a replay that fails stops the node against its own item, with the guide’s fields', async () => {
	const failed = await failedWrite(
		'order',
		'create',
		newOrder,
		[{ number: 'WEB-9207' }],
		'/api/orders',
	);
	sandbox.faults.add({
		method: 'POST',
		path: '/api/orders',
		kind: 'status',
		status: 502,
		times: 10,
	});
	const { error } = await replay([
		{
			replay: {
				resource: 'order',
				operation: 'delete',
				parameters: { order: { __rl: true, mode: 'orderNumber', value: SEED.domesticOrder } },
			},
		},
		failed,
	]);
	expect(error?.context?.itemIndex).toBe(1);
	expect(error?.context?.supportContext).toMatchObject({ status: 502, sourceOrderId: 'WEB-9207' });
	expect(error?.context?.replay).toEqual(failed.replay);
});

// Issue 27 point 1: a replay compares what Starshipit holds with what the failed request meant to
// write, and sends what is missing; it never reports a write that did not land as done.
describe('a replay applies what the failed request did not', () => {
	const OLD = '1 Old Road';
	const NEW = '9 New Street';
	const importing = { ...newOrder, destinationStreet: '={{ $json.street }}' };
	const updates = () => sandbox.requests.filter((request) => request.method === 'PUT');
	function seedOrder(number: string, status = 'Unshipped') {
		sandbox.store.orders.push({
			order_id: sandbox.store.nextOrderId++,
			order_number: number,
			order_date: new Date().toISOString(),
			status,
			archived: false,
			destination: {
				name: 'Sam Lee',
				street: OLD,
				suburb: 'Newtown',
				post_code: '2042',
				country: 'Australia',
			},
			items: [],
			packages: [],
			tracking_events: [],
			last_updated_date: new Date().toISOString(),
		} as never);
	}

	test('an Import update that never reached Starshipit is applied and reported updated', async () => {
		seedOrder('IMP-9301');
		const failed = await failedWrite(
			'order',
			'import',
			importing,
			[{ number: 'IMP-9301', street: NEW }],
			'/api/orders/update',
			'PUT',
		);
		expect(failed.outcome).toBe('failed');
		expect(stored('IMP-9301')[0].destination.street).toBe(OLD);

		const { items, error } = await replay([failed]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			replayed: true,
			outcome: 'updated',
			order_number: 'IMP-9301',
		});
		expect(stored('IMP-9301')).toHaveLength(1);
		expect(stored('IMP-9301')[0].destination.street).toBe(NEW);
	});

	test('an Import update that landed after all is reported unchanged, and nothing is sent again', async () => {
		seedOrder('IMP-9302');
		const failed = await failedWrite(
			'order',
			'import',
			importing,
			[{ number: 'IMP-9302', street: NEW }],
			'/api/orders/update',
			'PUT',
		);
		stored('IMP-9302')[0].destination.street = NEW; // the update reached Starshipit meanwhile
		const writesBefore = updates().length;
		const { items } = await replay([failed]);
		expect(items[0].json).toMatchObject({
			replayed: false,
			outcome: 'unchanged',
			order_number: 'IMP-9302',
		});
		expect(updates()).toHaveLength(writesBefore);
	});

	test('an Import update of an order printed meanwhile is skipped with the reason, not reported done', async () => {
		seedOrder('IMP-9303');
		const failed = await failedWrite(
			'order',
			'import',
			importing,
			[{ number: 'IMP-9303', street: NEW }],
			'/api/orders/update',
			'PUT',
		);
		stored('IMP-9303')[0].status = 'Printed';
		const { items } = await replay([failed]);
		expect(items[0].json).toMatchObject({
			replayed: false,
			outcome: 'skipped',
			order_number: 'IMP-9303',
		});
		expect(items[0].json.reason).toMatch(/printed/);
		expect(stored('IMP-9303')[0].destination.street).toBe(OLD);
	});

	test('a Create whose order number Starshipit holds with other values fails naming them, and changes nothing', async () => {
		const failed = await failedWrite(
			'order',
			'create',
			importing,
			[{ number: 'WEB-9304', street: NEW }],
			'/api/orders',
		);
		seedOrder('WEB-9304'); // another order with this number, keyed in meanwhile
		const { items, error } = await replay([failed], {}, true);
		expect(error).toBeUndefined();
		expect(items[0].json.outcome).not.toBe('unchanged');
		expect(String(items[0].json.error)).toMatch(/WEB-9304 .*other values.*Street/);
		expect(items[0].json.replay).toEqual(failed.replay);
		expect(stored('WEB-9304')).toHaveLength(1);
		expect(stored('WEB-9304')[0].destination.street).toBe(OLD);
	});

	test('a product Create whose SKU is held with another title fails naming it, and changes nothing', async () => {
		const failed = await failedWrite(
			'product',
			'create',
			{ sku: 'NEW-9305', title: 'New thing' },
			[{}],
			'/api/products',
		);
		await runNode({
			parameters: { resource: 'product', operation: 'create', sku: 'NEW-9305', title: 'Old thing' },
			credentials: credentials(),
		});
		const { items } = await replay([failed], {}, true);
		expect(String(items[0].json.error)).toMatch(/NEW-9305 .*other values.*title/i);
		expect(
			sandbox.store.products
				.filter((product) => product.sku === 'NEW-9305')
				.map((product) => product.title),
		).toEqual(['Old thing']);
	});
});

test('a failed Assign to Another Account is not replayed here: the message says where it runs again', async () => {
	const stored = {
		replay: {
			resource: 'order',
			operation: 'assign',
			parameters: { order: { __rl: true, mode: 'orderNumber', value: SEED.domesticOrder } },
		},
	};
	const { error } = await replay([stored]);
	expect(error?.message).toMatch(
		/Order > Assign to Another Account is run again with Order > Assign .*\(item 1\)/,
	);
	expect(sandbox.requests).toHaveLength(0);
});

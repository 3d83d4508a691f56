import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import { SANDBOX_API_KEY, SEED } from '../sandbox';

// How the one request path treats a write that may or may not have reached Starshipit: checked
// before it is sent again, repeated only where twice does no harm, and said plainly otherwise.
const { sandbox, credentials } = useSandbox();

const run = (
	resource: string,
	operation: string,
	parameters: IDataObject,
	overrides: IDataObject = {},
	input: IDataObject[] = [{}],
	continueOnFail = false,
) =>
	runNode({
		parameters: { resource, operation, ...parameters },
		input,
		credentials: credentials(overrides as never),
		continueOnFail,
	});
const stored = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const calls = (method: string, path: string) =>
	sandbox.requests.filter((request) => request.method === method && request.path === path);
const byNumber = (value: string) => ({ order: { __rl: true, mode: 'orderNumber', value } });
const newOrder = {
	orderNumber: 'WEB-8001',
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	itemsInput: 'none',
};

test('Max Retries 0 and the connection drops after a create: the order is looked for, found, and not created again', async () => {
	sandbox.faults.add({ method: 'POST', path: '/api/orders', kind: 'drop-after-write', times: 1 });
	const { items, error } = await run('order', 'create', newOrder, { maxRetries: 0 });
	expect(error).toBeUndefined();
	expect(items[0].json.order_number).toBe('WEB-8001');
	expect(stored('WEB-8001')).toHaveLength(1);
	expect(calls('POST', '/api/orders')).toHaveLength(1);
});

test('an update that adds package rows is not sent again after a 502, and the error says to check Starshipit', async () => {
	sandbox.faults.add({ method: 'PUT', path: '/api/orders', kind: 'status', status: 502, times: 1 });
	const updateFields = { packages: { package: [{ weight: 2 }] } };
	const { error } = await run('order', 'update', {
		...byNumber(SEED.domesticOrder),
		updateFields,
		verify: false,
	});
	expect(error?.message).toMatch(/^Starshipit: /);
	expect(error?.description).toContain('may or may not have reached Starshipit');
	expect(calls('PUT', '/api/orders')).toHaveLength(1);
});

test('an update of plain fields is sent again after a 502: doing it twice does no harm', async () => {
	sandbox.faults.add({ method: 'PUT', path: '/api/orders', kind: 'status', status: 502, times: 1 });
	const { error } = await run('order', 'update', {
		...byNumber(SEED.domesticOrder),
		updateFields: { reference: 'AGAIN-1' },
		verify: false,
	});
	expect(error).toBeUndefined();
	expect(calls('PUT', '/api/orders').map((request) => request.status)).toEqual([502, 200]);
	expect(stored(SEED.domesticOrder)[0].reference).toBe('AGAIN-1');
});

test('a dropped connection on a write that cannot be checked: no answer named, not repeated, and the advice survives', async () => {
	sandbox.faults.add({
		method: 'POST',
		path: '/api/orders/shipment/clone',
		kind: 'drop',
		times: 1,
	});
	const { error } = await run('label', 'createReturn', byNumber(SEED.printedOrder));
	expect(error?.message).toBe(
		'Starshipit: no answer (the connection was lost or timed out: ECONNRESET)',
	);
	expect(error?.description).toContain('may or may not have reached Starshipit');
	expect(error?.description).toMatch(/no answer \(E[A-Z_]+\)/);
	expect(calls('POST', '/api/orders/shipment/clone')).toHaveLength(1);
});

test('Import: an existing order whose update fails fails alone; the orders created beside it stay created', async () => {
	sandbox.faults.add({
		method: 'PUT',
		path: '/api/orders/update',
		kind: 'status',
		status: 400,
		times: 1,
		body: { success: false, errors: [{ message: 'Street is too long', details: '' }] },
	});
	const input = [{ number: 'IMP-9001' }, { number: SEED.domesticOrder }, { number: 'IMP-9002' }];
	const { items, error } = await run(
		'order',
		'import',
		{ ...newOrder, orderNumber: '={{ $json.number }}' },
		{},
		input,
	);
	expect(error).toBeUndefined();
	expect(items.map((row) => row.json.outcome)).toEqual(['created', 'failed', 'created']);
	expect(items[1].json.error).toMatch(/Street is too long/);
});

test('Starshipit echoing a key in its error: the key is replaced in the message the user sees', async () => {
	const body = {
		success: false,
		errors: [
			{ message: `Key ${SANDBOX_API_KEY} is not allowed here`, details: `Seen ${SANDBOX_API_KEY}` },
		],
	};
	sandbox.faults.add({
		method: 'GET',
		path: '/api/track',
		kind: 'status',
		status: 400,
		times: 1,
		body,
	});
	const { error } = await run('tracking', 'get', {
		lookupBy: 'trackingNumber',
		trackingNumber: 'SSI000000999',
	});
	expect(error?.message).toBe('Starshipit: Key [redacted] is not allowed here');
	expect(JSON.stringify(error)).not.toContain(SANDBOX_API_KEY);
});

test('the create drops and the check for it fails too: the error still says the order may have reached Starshipit', async () => {
	sandbox.faults.add({ method: 'POST', path: '/api/orders', kind: 'drop-after-write', times: 1 });
	for (const path of ['/api/orders', '/api/orders/search'])
		sandbox.faults.add({ method: 'GET', path, kind: 'status', status: 500, times: 5 });
	const { error } = await run('order', 'create', newOrder, { maxRetries: 0 });
	expect(error?.description).toContain('may or may not have reached Starshipit');
	expect(calls('POST', '/api/orders')).toHaveLength(1);
});

test('a Base URL that is not a web address is refused plainly: nothing was sent, so no "may have reached" advice', async () => {
	const { error } = await run('order', 'create', newOrder, { baseUrl: 'api.starshipit.com' });
	expect(error?.message).toBe(
		'The Base URL in the Starshipit credential is not a web address: "api.starshipit.com"',
	);
	expect(error?.description).toContain('Nothing was sent to Starshipit');
	expect(sandbox.stats.requests).toBe(0);
});

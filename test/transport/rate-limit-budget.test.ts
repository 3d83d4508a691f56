import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';

// A 429 means Starshipit did not process the request: it is waited out (writes included) until the
// credential's wait budget is spent, and never counted against Max Retries (kept for 5xx and network).
const { sandbox, credentials } = useSandbox();
let trackingNumber: string;
beforeAll(
	() =>
		(trackingNumber = String(
			sandbox.store.orders.find((order) => order.tracking_number)?.tracking_number,
		)),
);

const track = (overrides = {}) =>
	runNode({
		parameters: {
			resource: 'tracking',
			operation: 'get',
			lookupBy: 'trackingNumber',
			trackingNumber,
		},
		credentials: credentials(overrides),
	});
const newOrder = {
	resource: 'order',
	operation: 'create',
	orderNumber: 'WEB-4291',
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	itemsInput: 'none',
};
const statuses = (method: string, path: string, from = 0) =>
	sandbox.requests
		.slice(from)
		.filter((request) => request.method === method && request.path === path)
		.map((request) => request.status);
const gatewayBusy = { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' };

test('more 429s than Max Retries allows: a read still succeeds, the 429s are waited out', async () => {
	sandbox.faults.add({
		method: 'GET',
		path: '/api/track',
		kind: 'status',
		status: 429,
		retryAfterSeconds: 0,
		body: gatewayBusy,
		times: 3,
	});
	const result = await track({ maxRetries: 0 });
	expect(result.error).toBeUndefined();
	expect(result.items[0].json.tracking_number).toBe(trackingNumber);
	expect(statuses('GET', '/api/track')).toEqual([429, 429, 429, 200]);
});

test('a write is retried after 429s too (it was not processed), and is created once', async () => {
	sandbox.faults.add({
		method: 'POST',
		path: '/api/orders',
		kind: 'status',
		status: 429,
		retryAfterSeconds: 0,
		body: gatewayBusy,
		times: 3,
	});
	const result = await runNode({
		parameters: newOrder,
		credentials: credentials({ maxRetries: 0 }),
	});
	expect(result.error).toBeUndefined();
	expect(result.items[0].json.order_number).toBe('WEB-4291');
	expect(statuses('POST', '/api/orders')).toEqual([429, 429, 429, 200]);
	expect(sandbox.store.orders.filter((order) => order.order_number === 'WEB-4291')).toHaveLength(1);
});

test('without a Retry-After header, the gateway’s "Try again in N seconds" sets the wait', async () => {
	sandbox.faults.add({
		method: 'GET',
		path: '/api/track',
		kind: 'status',
		status: 429,
		body: gatewayBusy,
		times: 1,
	});
	const result = await track();
	expect(result.error).toBeUndefined();
	const [limited, retried] = sandbox.requests.filter((request) => request.path === '/api/track');
	// A lower bound (the wait the gateway asked for), which load can only lengthen: not a speed check.
	expect(new Date(retried.at).getTime() - new Date(limited.at).getTime()).toBeGreaterThanOrEqual(
		950,
	);
});

test('Max Retries still limits 5xx answers that come after 429s', async () => {
	sandbox.faults.add({
		method: 'GET',
		path: '/api/track',
		kind: 'status',
		status: 429,
		retryAfterSeconds: 0,
		body: gatewayBusy,
		times: 2,
	});
	sandbox.faults.add({ method: 'GET', path: '/api/track', kind: 'status', status: 503, times: 5 });
	const result = await track({ maxRetries: 1 });
	expect(result.error?.message).toMatch(/^Starshipit: /);
	expect(statuses('GET', '/api/track')).toEqual([429, 429, 503, 503]);
});

test('once the wait budget is spent: an error that says how long it waited and what to change', async () => {
	sandbox.faults.add({
		method: 'GET',
		path: '/api/track',
		kind: 'status',
		status: 429,
		retryAfterSeconds: 1,
		body: gatewayBusy,
		times: 100,
	});
	// 0.05 minutes: three seconds, so the test does not wait minutes.
	const result = await track({ maxRetries: 0, rateLimitWaitMinutes: 0.05 });
	expect(result.error?.message).toBe('Starshipit: Rate limit is exceeded. Try again in 1 seconds.');
	expect(result.error?.description).toMatch(
		/kept answering "too many requests" \(429\) for \d+ seconds?/,
	);
	expect(result.error?.description).toMatch(/Wait When Rate-Limited/);
	expect(result.error?.description).toMatch(/fewer workflows/);
	expect(result.error?.description).toContain('not processed');
	// Tried more than Max Retries (0) allows, and gave up: the fault still had answers left.
	expect(statuses('GET', '/api/track').length).toBeGreaterThan(1);
	expect(statuses('GET', '/api/track').every((status) => status === 429)).toBe(true);
});

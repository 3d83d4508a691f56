import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from '../sandbox';
import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';

// Tracking > Get is the simplest read: it drives the transport the way every operation does.
const { sandbox, credentials } = useSandbox({ resetAfterEach: false });
let trackingNumber: string;

beforeAll(() => {
	const shipped = sandbox.store.orders.find((order) => order.tracking_number);
	if (!shipped?.tracking_number) throw new Error('The sandbox seed has no labelled order');
	trackingNumber = String(shipped.tracking_number);
});
afterEach(() => {
	sandbox.faults.clear();
	sandbox.setRateLimit(null);
});

const track = (count: number, overrides = {}, continueOnFail = false) =>
	runNode({
		parameters: {
			resource: 'tracking',
			operation: 'get',
			lookupBy: 'trackingNumber',
			trackingNumber,
		},
		input: Array.from({ length: count }, (_, index) => ({ index })),
		credentials: credentials(overrides),
		continueOnFail,
	});

const requestTimes = (from: number) =>
	sandbox.requests.slice(from).map((request) => new Date(request.at).getTime());

describe('pacing', () => {
	test('holds the credential rate across all items, so Starshipit never answers 429', async () => {
		sandbox.setRateLimit(5);
		const before = sandbox.requests.length;
		const rateLimitedBefore = sandbox.stats.rateLimited;
		const result = await track(12, { customRateLimit: 5 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(12);
		expect(sandbox.stats.rateLimited).toBe(rateLimitedBefore);
		const times = requestTimes(before);
		expect(times).toHaveLength(12);
		// No sliding one-second window holds more than five requests.
		for (const start of times)
			expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5);
	});

	test('a rate below one a second (custom 0.5) spaces requests two seconds apart', async () => {
		const before = sandbox.requests.length;
		const result = await track(2, { customRateLimit: 0.5 });
		expect(result.error).toBeUndefined();
		// A lower bound on the gap the sandbox recorded: what the throttle promises, not a speed; a slow
		// machine only widens it, so this cannot fail by load (speed is the benchmark's business).
		const [first, second] = requestTimes(before);
		expect(second - first).toBeGreaterThanOrEqual(2000);
	});
});

describe('retries', () => {
	test('a 429 is retried after the Retry-After the gateway sends', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 429,
			retryAfterSeconds: 1,
			times: 1,
		});
		const before = sandbox.requests.length;
		const result = await track(1);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.tracking_number).toBe(trackingNumber);
		const [limited, retried] = sandbox.requests.slice(before);
		expect(limited.status).toBe(429);
		expect(retried.status).toBe(200);
		expect(new Date(retried.at).getTime() - new Date(limited.at).getTime()).toBeGreaterThanOrEqual(
			950,
		);
	});

	test('a 500 then success: the read is repeated and succeeds', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 500,
			times: 1,
			body: { success: false, errors: [{ message: 'Internal error' }] },
		});
		const before = sandbox.requests.length;
		const result = await track(1);
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.slice(before).map((request) => request.status)).toEqual([500, 200]);
	});

	test('a 400 is not repeated, and Starshipit’s words reach the user', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 400,
			times: 1,
			body: {
				success: false,
				errors: [{ message: 'Invalid tracking number', details: 'Check the number' }],
			},
		});
		const before = sandbox.requests.length;
		const result = await track(1);
		expect(result.error?.message).toBe('Starshipit: Invalid tracking number');
		expect(result.error?.description).toContain('Check the number');
		expect(sandbox.requests.length - before).toBe(1);
	});

	test('502, 503 and a dropped connection are retried for a read', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 502,
			times: 1,
		});
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 503,
			times: 1,
		});
		sandbox.faults.add({ method: 'GET', path: '/api/track', kind: 'drop', times: 1 });
		const result = await track(1);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.tracking_number).toBe(trackingNumber);
	});

	test('gives up after Max Retries and says how often it tried', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 503,
			times: 10,
		});
		const result = await track(1, { maxRetries: 2 });
		expect(result.error?.message).toMatch(/^Starshipit: /);
		expect(result.error?.description).toContain('after 2 retries');
	});
});

describe('errors', () => {
	test('success:false in a 200 answer is an error with Starshipit’s message', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 200,
			body: {
				success: false,
				errors: [{ message: 'Tracking number not found', details: 'No shipment with that number' }],
			},
		});
		const result = await track(1);
		expect(result.error?.message).toBe('Starshipit: Tracking number not found');
		expect(result.error?.description).toContain('No shipment with that number');
	});

	test('wrong keys: a clear message and no key anywhere in the error item', async () => {
		const result = await track(1, { apiKey: 'the-wrong-api-key-123' }, true);
		const json = result.items[0].json;
		expect(json.error).toMatch(/^Starshipit: /);
		expect(json.description).toMatch(/API key and the subscription key/);
		expect(json.supportContext).toMatchObject({
			method: 'GET',
			endpoint: '/api/track',
			status: 403,
			retries: 0,
			action: 'read',
		});
		const everything = JSON.stringify(result.run.data);
		for (const secret of ['the-wrong-api-key-123', SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY])
			expect(everything).not.toContain(secret);
	});

	test('Continue On Fail keeps going and keeps every item paired', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 400,
			times: 1,
			body: { success: false, errors: [{ message: 'Bad request' }] },
		});
		const result = await track(3, {}, true);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[0].json.error).toBe('Starshipit: Bad request');
		expect(result.items[1].json.tracking_number).toBe(trackingNumber);
	});
});

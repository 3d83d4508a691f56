import type { RecordedRequest } from '../sandbox';
import { useSandbox } from './use-sandbox';

// The set-up most test files share: what each option promises, so a file moved onto it keeps its life cycle.
// A sandbox's `requests` array lives as long as the sandbox (a reset empties it), so it tells two sandboxes apart.

describe('by default: one sandbox for the block, reset after each test', () => {
	const { sandbox, credentials, runOperation } = useSandbox();
	let first: RecordedRequest[] = [];

	test('runOperation runs the node against this sandbox, with its credential', async () => {
		first = sandbox.requests;
		const trackingNumber = String(
			sandbox.store.orders.find((order) => order.tracking_number)?.tracking_number,
		);
		const { items, error } = await runOperation('tracking', 'get', {
			lookupBy: 'trackingNumber',
			trackingNumber,
			output: 'shipment',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ tracking_number: trackingNumber });
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/api/track']);
		expect(credentials()).toMatchObject({ baseUrl: sandbox.url });
		expect(credentials({ maxRetries: 0 })).toMatchObject({ baseUrl: sandbox.url, maxRetries: 0 });
		// Left for the reset to undo.
		sandbox.store.orders.length = 0;
	});

	test('the next test has the same sandbox, back to the seed', () => {
		expect(sandbox.requests).toBe(first);
		expect(sandbox.requests).toEqual([]);
		expect(sandbox.store.orders.length).toBeGreaterThan(0);
	});
});

describe('resetAfterEach: false keeps what a test left for the next', () => {
	const { sandbox } = useSandbox({ resetAfterEach: false });

	test('a test empties the store', () => {
		sandbox.store.orders.length = 0;
	});

	test('the next test finds it empty', () => {
		expect(sandbox.store.orders).toEqual([]);
	});
});

describe('perTest: a new sandbox for each test', () => {
	const { sandbox } = useSandbox({ perTest: true });
	let first: RecordedRequest[] = [];

	test('one sandbox', () => {
		first = sandbox.requests;
	});

	test('another', () => {
		expect(sandbox.requests).not.toBe(first);
	});
});

describe('start: options for startSandbox', () => {
	const { sandbox } = useSandbox({ start: { seed: false } });

	test('an empty sandbox when asked for one', () => {
		expect(sandbox.store.orders).toEqual([]);
	});
});

describe('the sandbox read before its hooks started it', () => {
	const { sandbox } = useSandbox();
	let early: unknown;
	try {
		void sandbox.url;
	} catch (error) {
		early = error;
	}

	test('says why, instead of failing on undefined', () => {
		expect(String(early)).toMatch(
			/No sandbox is running: useSandbox\(\) starts one in its beforeAll/,
		);
	});
});

import type { IDataObject } from 'n8n-workflow';

import { runNodeCancelled, type CancelledRun } from '../harness/cancel-execution';
import type { RunNodeOptions } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';

// A user who stops an execution must not wait for the node to sit out its wait first (a Retry-After of
// 30 s, a back-off, the pacing). Each case cancels the execution in the middle of a wait that lasts well
// over a second, as n8n does (the running execution's cancel()), and checks that the node's run ends
// within a second of it and that nothing more reached Starshipit. The second is a bound, not a benchmark.
const CANCEL_BOUND_MS = 1000;

// A sandbox per test: the pacing's lanes are per Base URL and live as long as the process, so a lane
// paused for 30 s by one case must not hold up the next.
const { sandbox } = useSandbox({ perTest: true });
let trackingNumber: string;
beforeEach(
	() =>
		(trackingNumber = String(
			sandbox.store.orders.find((order) => order.tracking_number)?.tracking_number,
		)),
);

const delay = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Resolves once the sandbox has seen `count` requests (it gives up after 20 s, and the test fails). */
async function requestsSeen(count: number): Promise<void> {
	for (
		const giveUpAt = Date.now() + 20_000;
		sandbox.requests.length < count && Date.now() < giveUpAt;

	)
		await delay(10);
}

const track = (credentials = {}, input: IDataObject[] = [{}]): RunNodeOptions => ({
	parameters: {
		resource: 'tracking',
		operation: 'get',
		lookupBy: 'trackingNumber',
		trackingNumber,
	},
	input,
	credentials: sandboxCredentials(sandbox, credentials),
});

/** Runs the node, cancels it 0.5 s after the sandbox has seen `requestsBefore` requests, and notes how many it had then. */
async function cancelDuringWait(
	options: RunNodeOptions,
	requestsBefore: number,
): Promise<CancelledRun & { requestsAtCancel: number }> {
	let requestsAtCancel = -1;
	const run = await runNodeCancelled(options, async () => {
		await requestsSeen(requestsBefore);
		await delay(500);
		requestsAtCancel = sandbox.requests.length;
	});
	return { ...run, requestsAtCancel };
}

function expectStoppedPromptly(run: CancelledRun & { requestsAtCancel: number }) {
	expect(run.cancelledAt).toBeGreaterThan(0);
	expect(run.endedAt - run.cancelledAt).toBeLessThan(CANCEL_BOUND_MS);
	expect(sandbox.requests.length).toBe(run.requestsAtCancel);
	expect(run.result.run.status).toBe('canceled');
	expect(run.result.error?.message).toBe('Execution was cancelled');
}

test('a 429 with Retry-After 30: the wait ends when the execution is cancelled', async () => {
	sandbox.faults.add({
		method: 'GET',
		path: '/api/track',
		kind: 'status',
		status: 429,
		retryAfterSeconds: 30,
		times: 100,
	});
	const run = await cancelDuringWait(track(), 1);
	expectStoppedPromptly(run);
	expect(sandbox.requests.map((request) => request.status)).toEqual([429]);
	expect(run.result.error?.description).toContain('sent nothing more to Starshipit');
});

test('a 503 storm: the back-off between retries ends when the execution is cancelled', async () => {
	sandbox.faults.add({
		method: 'GET',
		path: '/api/track',
		kind: 'status',
		status: 503,
		times: 100,
	});
	// After the fourth 503 the back-off is 2-4 s: cancelled 0.5 s into it, at least 1.5 s of it is left.
	const run = await cancelDuringWait(track({ maxRetries: 10 }), 4);
	expectStoppedPromptly(run);
	expect(sandbox.requests.every((request) => request.status === 503)).toBe(true);
});

test('a tight rate limit: the pacing wait ends when the execution is cancelled', async () => {
	// One request every 5 s: the first item is read at once, the second waits its turn.
	const run = await cancelDuringWait(track({ customRateLimit: 0.2 }, [{}, {}, {}]), 1);
	expectStoppedPromptly(run);
	expect(sandbox.requests.map((request) => request.status)).toEqual([200]);
});

test('a request on its way is aborted; a write says it may have reached Starshipit', async () => {
	// The sandbox never answers: only the credential's 60 s timeout, or the cancel, ends the request.
	sandbox.faults.add({ method: 'POST', path: '/api/orders', kind: 'timeout', times: 1 });
	const order = {
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
	const run = await cancelDuringWait(
		{ parameters: order, credentials: sandboxCredentials(sandbox) },
		1,
	);
	expectStoppedPromptly(run);
	expect(run.result.error?.description).toContain('on its way to Starshipit');
	expect(run.result.error?.description).toContain('may or may not have reached Starshipit');
});

import { useSandbox } from '../harness/use-sandbox';
import { runLanesTogether, type LaneResult } from './lanes';

// Several n8n processes (queue-mode workers) share one key, and n8n gives them no shared store: each
// process paces itself. Here two real OS processes run the real transport against one rate-limited
// sandbox; adaptive pacing must bring them near the account's rate with few 429s.
const RATE = 2;
const ITEMS = 20;
const { sandbox } = useSandbox({ resetAfterEach: false, start: { rateLimitPerSecond: RATE } });
let trackingNumber: string;
beforeAll(
	() =>
		(trackingNumber = String(
			sandbox.store.orders.find((order) => order.tracking_number)?.tracking_number,
		)),
);

/** Runs `count` processes side by side, each Tracking > Get for ITEMS items at the account's rate. */
async function runTogether(count: number): Promise<LaneResult[]> {
	const lanes = Array.from({ length: count }, () => ({
		items: ITEMS,
		rate: RATE,
		job: trackingNumber,
	}));
	return (await runLanesTogether(sandbox.url, lanes)).results;
}

test('two processes at the full rate on one key: every item done, few 429s', async () => {
	const before = sandbox.stats.rateLimited;
	const results = await runTogether(2);
	expect(results).toEqual([
		{ items: ITEMS, error: null },
		{ items: ITEMS, error: null },
	]);
	const answered = sandbox.requests.filter(
		(request) => request.path === '/api/track' && request.status === 200,
	);
	expect(answered).toHaveLength(2 * ITEMS);
	// Without adaptive pacing each process keeps sending at the full rate, twice what the account allows:
	// measured, 12 refusals for these 40 requests (each 429 pauses its process for the asked second). With it,
	// 4 when both settle at half the rate (the first collision, then one when a recovered share tries the full
	// rate again); 10 when one process wins the race and the other tries one request each second until the
	// winner is done (it then takes the whole rate: the time stays at the floor).
	const refused = sandbox.stats.rateLimited - before;
	console.log(`two processes, ${2 * ITEMS} requests: ${refused} answered 429`);
	expect(refused).toBeLessThanOrEqual(10);
}, 120_000);

test('a process alone at the account’s rate is never refused', async () => {
	sandbox.setRateLimit(RATE);
	const before = sandbox.stats.rateLimited;
	expect(await runTogether(1)).toEqual([{ items: ITEMS, error: null }]);
	expect(sandbox.stats.rateLimited - before).toBe(0);
}, 120_000);

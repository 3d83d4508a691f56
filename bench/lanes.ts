/**
 * `npm run bench:lanes`: the throttle's pacing alone, without n8n's queue machinery. 1, 2 or 4 OS processes
 * share one key (each process its own throttle, as queue-mode workers are) against the sandbox limited to the
 * credential's rate. Two jobs:
 * - Import: 1,000 orders (the one process runs four imports of 250 at once, two processes two each, four one
 *   each): 20 requests of 50 orders.
 * - Tracking: each process runs Tracking > Get for 20 items (one small request each), with its own tracking number.
 * Prints one table: requests, 429s, failures, duplicates, wall time and its ratio to the floor (the requests
 * needed divided by the rate). `--trace` also prints each request as "+ms process status"; `--processes=N`,
 * `--rate=R` and `--job=import|tracking` pick rows. `npm run bench:queue` measures the import job in a real queue-mode cluster.
 */
import { startSandbox, type Sandbox } from '../test/sandbox';
import { runLanesTogether, type LaneJob } from '../test/transport/lanes';
import { firstOrderNumber, printTrace, type Recorded } from './trace';

const ORDERS = 1000;
const IMPORTS = 4;
const TRACKING_ITEMS = 20;

type JobName = 'import' | 'tracking';
interface Row {
	job: JobName;
	processes: number;
	rate: number;
	needed: number;
	requests: number;
	limited: number;
	failed: number;
	duplicates: number;
	wall: number;
}

const option = (name: string) =>
	process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
let round = 0;

function countOrders(sandbox: Sandbox, prefix: string) {
	const numbers = sandbox.store.orders
		.map((order) => order.order_number)
		.filter((number) => number.startsWith(`${prefix}x`));
	return { created: new Set(numbers).size, duplicates: numbers.length - new Set(numbers).size };
}

/** Which process sent a recorded request: from its order numbers (import) or its tracking number. */
function processOf(record: Recorded, prefix: string, trackingNumbers: string[]): string {
	const sender = firstOrderNumber(record)
		?.slice(prefix.length + 1)
		.split('-')[0];
	// The seed has fewer tracking numbers than processes: processes 0 and 2 (1 and 3) share one.
	return `process ${sender ?? trackingNumbers.indexOf(String(record.query.tracking_number))}`;
}

function lanesFor(
	job: JobName,
	processes: number,
	rate: number,
	prefix: string,
	trackingNumbers: string[],
): LaneJob[] {
	return Array.from({ length: processes }, (_, index) =>
		job === 'import'
			? { items: ORDERS / IMPORTS, rate, job: `import:${prefix}x${index}:${IMPORTS / processes}` }
			: { items: TRACKING_ITEMS, rate, job: trackingNumbers[index % trackingNumbers.length] },
	);
}

async function measure(
	sandbox: Sandbox,
	job: JobName,
	processes: number,
	rate: number,
): Promise<Row> {
	sandbox.setRateLimit(rate);
	const prefix = `L${++round}`;
	const trackingNumbers = sandbox.store.orders
		.map((order) => order.tracking_number)
		.filter(Boolean) as string[];
	const before = {
		limited: sandbox.stats.rateLimited,
		requests: sandbox.stats.requests,
		records: sandbox.requests.length,
	};
	const { results, wallMs } = await runLanesTogether(
		sandbox.url,
		lanesFor(job, processes, rate, prefix, trackingNumbers),
	);
	for (const result of results)
		if (result.error) console.error(`a process failed: ${result.error}`);
	if (process.argv.includes('--trace')) {
		console.log(`${job}, ${processes} process(es) at ${rate}/s:`);
		printTrace(sandbox, before.records, (record) => processOf(record, prefix, trackingNumbers));
	}
	const orders = job === 'import' ? countOrders(sandbox, prefix) : { created: 0, duplicates: 0 };
	const items = results.reduce((sum, result) => sum + result.items, 0);
	return {
		job,
		processes,
		rate,
		needed: job === 'import' ? ORDERS / 50 : processes * TRACKING_ITEMS,
		requests: sandbox.stats.requests - before.requests,
		limited: sandbox.stats.rateLimited - before.limited,
		failed: job === 'import' ? ORDERS - orders.created : processes * TRACKING_ITEMS - items,
		duplicates: orders.duplicates,
		wall: wallMs / 1000,
	};
}

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	const rows: Row[] = [];
	const jobs = (['import', 'tracking'] as JobName[]).filter(
		(job) => !option('job') || option('job') === job,
	);
	const counts = [1, 2, 4].filter(
		(count) => !option('processes') || String(count) === option('processes'),
	);
	try {
		for (const job of jobs) {
			for (const rate of (job === 'import' ? [2, 20] : [2]).filter(
				(one) => !option('rate') || String(one) === option('rate'),
			)) {
				for (const processes of counts) rows.push(await measure(sandbox, job, processes, rate));
			}
		}
	} finally {
		await sandbox.close();
	}
	console.log(
		'| Job | Processes | Rate (req/s) | Requests sent | 429s | Not done | Duplicates | Wall (s) | Floor (s) | Ratio to floor |',
	);
	console.log('|---|---|---|---|---|---|---|---|---|---|');
	for (const row of rows) {
		const floor = row.needed / row.rate;
		console.log(
			`| ${row.job} | ${row.processes} | ${row.rate} | ${row.requests} | ${row.limited} | ${row.failed} | ${row.duplicates} | ${row.wall.toFixed(1)} | ${floor.toFixed(1)} | ${(row.wall / floor).toFixed(2)} |`,
		);
	}
}

void main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});

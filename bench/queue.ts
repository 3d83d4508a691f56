/**
 * `npm run bench:queue`: four webhook-started imports of 250 orders in n8n's queue mode (Postgres, Redis,
 * one main, 1, 2 or 4 workers) against the sandbox at 2 and 20 requests per second. Prints one table.
 * Import wall: from the first Import node's start to the last one's end, as n8n records them in the run data
 * (the README's single-process figures measure the node the same way); execution wall: from the first
 * execution's start to the last one's end (execution_entity), n8n's own work per execution included.
 * Floor: the requests needed (1,000 orders in batches of 50 = 20) divided by the rate.
 */
import { startSandbox, type Sandbox } from '../test/sandbox';
import { importSandboxCredential } from '../test/e2e/workspace';
import { logIn, prepareCluster, workerOfExecution, type Cluster } from '../test/queue/cluster';
import { executionRun, finishedExecutions, post } from '../test/queue/executions';
import { startServices, waitUntil, type Services } from '../test/queue/services';
import { IMPORT_PATH, IMPORT_WORKFLOW, importWorkflow } from '../test/queue/workflows';
import { firstOrderNumber, printTrace } from './trace';

const IMPORTS = 4;
const ORDERS = 250;
const REQUESTS = (IMPORTS * ORDERS) / 50;

interface Row {
	workers: number;
	rate: number;
	ranOn: number;
	limited: number;
	failedExecutions: number;
	failedItems: number;
	duplicates: number;
	wall: number;
	importWall: number;
}

/**
 * `--workers=N` and `--rate=R` pick rows (a full run takes about eight minutes); `--repeat=N` measures each row N
 * times (runs vary by 0.1 of the floor); `--trace` prints each request and when each Import node started and ended.
 */
const option = (name: string) =>
	process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
let round = 0;

async function measure(
	sandbox: Sandbox,
	services: Services,
	cluster: Cluster,
	cookie: string,
	workers: number,
	rate: number,
): Promise<Row> {
	// Each worker takes an equal part of the four imports.
	await cluster.startWorkers(workers, Math.max(1, IMPORTS / workers));
	const seen = new Set(
		finishedExecutions(services, IMPORT_WORKFLOW).map((execution) => execution.id),
	);
	const prefixes = Array.from({ length: IMPORTS }, (_, index) => `B${++round}x${index}`);
	const limitedBefore = sandbox.stats.rateLimited;
	const recordsBefore = sandbox.requests.length;
	await Promise.all(
		prefixes.map((prefix) =>
			post(cluster.base, `/webhook/${IMPORT_PATH}`, { prefix, count: ORDERS }),
		),
	);
	const mine = () =>
		finishedExecutions(services, IMPORT_WORKFLOW).filter((execution) => !seen.has(execution.id));
	await waitUntil(() => mine().length === IMPORTS, 'the imports to finish', 900_000);
	const executions = mine();
	const ids = executions.map((execution) => execution.id).join(',');
	const [wallMs] = services
		.sql(
			`SELECT EXTRACT(EPOCH FROM (MAX("stoppedAt") - MIN("startedAt"))) * 1000 FROM execution_entity WHERE id IN (${ids})`,
		)
		.split('\n');
	const spans = await Promise.all(
		executions.map(async (execution) => {
			const run = await executionRun(cluster.base, cookie, execution.id);
			const [task] = run.resultData.runData.Import as Array<{
				startTime: number;
				executionTime: number;
				data: { main: Array<Array<{ json: { order_number?: string } }>> };
			}>;
			const prefix = task.data.main[0]?.[0]?.json.order_number?.split('-')[0] ?? '';
			return {
				import: prefixes.indexOf(prefix),
				start: task.startTime,
				end: task.startTime + task.executionTime,
			};
		}),
	);
	if (process.argv.includes('--trace')) {
		console.log(`${workers} worker(s) at ${rate}/s (sender: the import's number):`);
		// The Import nodes' own spans on the same clock: time spent before the first request and after the last answer.
		const spanMarks = spans
			.map((span) => [
				{ at: span.start, text: `import ${span.import}  node starts` },
				{ at: span.end, text: `import ${span.import}  node ends` },
			])
			.flat();
		printTrace(
			sandbox,
			recordsBefore,
			(record) => `import ${prefixes.indexOf(firstOrderNumber(record)?.split('-')[0] ?? '')}`,
			spanMarks,
		);
	}
	let created = 0;
	let duplicates = 0;
	for (const prefix of prefixes) {
		const numbers = sandbox.store.orders
			.filter((order) => order.order_number.startsWith(`${prefix}-`))
			.map((order) => order.order_number);
		created += new Set(numbers).size;
		duplicates += numbers.length - new Set(numbers).size;
	}
	const row: Row = {
		workers,
		rate,
		ranOn: new Set(executions.map((execution) => workerOfExecution(cluster.workers, execution.id)))
			.size,
		limited: sandbox.stats.rateLimited - limitedBefore,
		failedExecutions: executions.filter((execution) => execution.status !== 'success').length,
		failedItems: IMPORTS * ORDERS - created,
		duplicates,
		wall: Number(wallMs) / 1000,
		importWall:
			(Math.max(...spans.map((span) => span.end)) - Math.min(...spans.map((span) => span.start))) /
			1000,
	};
	await cluster.stopWorkers();
	return row;
}

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	const services = await startServices();
	let cluster: Cluster | undefined;
	const rows: Row[] = [];
	// Stopped with Ctrl+C or a kill: stop what was started (workers, main, Redis, Postgres) before leaving.
	const stopAll = async () => {
		await cluster?.stop();
		await services.stop();
		await sandbox.close();
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.once(signal, () => void stopAll().finally(() => process.exit(1)));
	try {
		cluster = await prepareCluster({
			services,
			sandboxUrl: sandbox.url,
			rateLimit: 2,
			workflows: [importWorkflow()],
		});
		await cluster.startMain();
		const cookie = await logIn(cluster.base);
		for (const rate of [2, 20].filter((one) => !option('rate') || String(one) === option('rate'))) {
			// Workers read the credential at each execution: replacing it changes the rate for the next runs.
			await importSandboxCredential(
				{ install: cluster.install, env: cluster.mainEnv },
				{ sandboxUrl: sandbox.url, rateLimit: rate, maxRetries: 4 },
			);
			sandbox.setRateLimit(rate);
			for (const workers of [1, 2, 4].filter(
				(count) => !option('workers') || String(count) === option('workers'),
			)) {
				for (let repeat = 0; repeat < Number(option('repeat') ?? 1); repeat++) {
					const row = await measure(sandbox, services, cluster, cookie, workers, rate);
					rows.push(row);
					console.error(`[bench] ${JSON.stringify(row)}`);
				}
			}
		}
	} finally {
		await stopAll();
	}
	console.log(
		`\n${IMPORTS} webhook-started imports of ${ORDERS} orders (Order > Import, ${REQUESTS} requests), the pinned n8n in queue mode, sandbox on loopback.\n`,
	);
	console.log(
		'| Workers | Rate (req/s) | Workers that ran imports | 429s | Failed executions | Failed items | Duplicates | Import wall (s) | Execution wall (s) | Floor (s) | Ratio to floor (import) | Ratio to floor (executions) |',
	);
	console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const row of rows) {
		const floor = REQUESTS / row.rate;
		const cells = [
			row.workers,
			row.rate,
			row.ranOn,
			row.limited,
			row.failedExecutions,
			row.failedItems,
			row.duplicates,
			row.importWall.toFixed(1),
			row.wall.toFixed(1),
			floor.toFixed(1),
			(row.importWall / floor).toFixed(2),
			(row.wall / floor).toFixed(2),
		];
		console.log(`| ${cells.join(' | ')} |`);
	}
	process.exit(0);
}

void main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});

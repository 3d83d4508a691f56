/**
 * `npm run bench:queue`: four webhook-started imports of 250 orders in n8n's queue mode (Postgres, Redis,
 * one main, 1, 2 or 4 workers) against the sandbox at 2 and 20 requests per second. Prints one table.
 * Wall: from the first import's start to the last one's end, as n8n records them (execution_entity).
 * Floor: the requests needed (1,000 orders in batches of 50 = 20) divided by the rate.
 */
import { startSandbox, type Sandbox } from '../test/sandbox';
import { importSandboxCredential } from '../test/e2e/workspace';
import { prepareCluster, workerOfExecution, type Cluster } from '../test/queue/cluster';
import { finishedExecutions, post } from '../test/queue/executions';
import { startServices, waitUntil, type Services } from '../test/queue/services';
import { IMPORT_PATH, IMPORT_WORKFLOW, importWorkflow } from '../test/queue/workflows';

const IMPORTS = 4;
const ORDERS = 250;
const REQUESTS = (IMPORTS * ORDERS) / 50;

interface Row { workers: number; rate: number; ranOn: number; limited: number; failedExecutions: number; failedItems: number; duplicates: number; wall: number }

let round = 0;

async function measure(sandbox: Sandbox, services: Services, cluster: Cluster, workers: number, rate: number): Promise<Row> {
	// Each worker takes an equal part of the four imports.
	await cluster.startWorkers(workers, Math.max(1, IMPORTS / workers));
	const seen = new Set(finishedExecutions(services, IMPORT_WORKFLOW).map((execution) => execution.id));
	const prefixes = Array.from({ length: IMPORTS }, (_, index) => `B${++round}x${index}`);
	const limitedBefore = sandbox.stats.rateLimited;
	await Promise.all(prefixes.map((prefix) => post(cluster.base, `/webhook/${IMPORT_PATH}`, { prefix, count: ORDERS })));
	const mine = () => finishedExecutions(services, IMPORT_WORKFLOW).filter((execution) => !seen.has(execution.id));
	await waitUntil(() => mine().length === IMPORTS, 'the imports to finish', 900_000);
	const executions = mine();
	const ids = executions.map((execution) => execution.id).join(',');
	const [wallMs] = services.sql(`SELECT EXTRACT(EPOCH FROM (MAX("stoppedAt") - MIN("startedAt"))) * 1000 FROM execution_entity WHERE id IN (${ids})`).split('\n');
	let created = 0;
	let duplicates = 0;
	for (const prefix of prefixes) {
		const numbers = sandbox.store.orders.filter((order) => order.order_number.startsWith(`${prefix}-`)).map((order) => order.order_number);
		created += new Set(numbers).size;
		duplicates += numbers.length - new Set(numbers).size;
	}
	const row: Row = {
		workers,
		rate,
		ranOn: new Set(executions.map((execution) => workerOfExecution(cluster.workers, execution.id))).size,
		limited: sandbox.stats.rateLimited - limitedBefore,
		failedExecutions: executions.filter((execution) => execution.status !== 'success').length,
		failedItems: IMPORTS * ORDERS - created,
		duplicates,
		wall: Number(wallMs) / 1000,
	};
	await cluster.stopWorkers();
	return row;
}

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	const services = await startServices();
	let cluster: Cluster | undefined;
	const rows: Row[] = [];
	try {
		cluster = await prepareCluster({ services, sandboxUrl: sandbox.url, rateLimit: 2, workflows: [importWorkflow()] });
		await cluster.startMain();
		for (const rate of [2, 20]) {
			// Workers read the credential at each execution: replacing it changes the rate for the next runs.
			await importSandboxCredential({ install: cluster.install, env: cluster.mainEnv }, { sandboxUrl: sandbox.url, rateLimit: rate, maxRetries: 4 });
			sandbox.setRateLimit(rate);
			for (const workers of [1, 2, 4]) {
				const row = await measure(sandbox, services, cluster, workers, rate);
				rows.push(row);
				console.error(`[bench] ${JSON.stringify(row)}`);
			}
		}
	} finally {
		await cluster?.stop();
		await services.stop();
		await sandbox.close();
	}
	console.log(`\n${IMPORTS} webhook-started imports of ${ORDERS} orders (Order > Import, ${REQUESTS} requests), n8n 2.40.7 in queue mode, sandbox on loopback.\n`);
	console.log('| Workers | Rate (req/s) | Workers that ran imports | 429s | Failed executions | Failed items | Duplicates | Wall (s) | Floor (s) | Ratio to floor |');
	console.log('|---|---|---|---|---|---|---|---|---|---|');
	for (const row of rows) {
		const floor = REQUESTS / row.rate;
		console.log(`| ${row.workers} | ${row.rate} | ${row.ranOn} | ${row.limited} | ${row.failedExecutions} | ${row.failedItems} | ${row.duplicates} | ${row.wall.toFixed(1)} | ${floor.toFixed(1)} | ${(row.wall / floor).toFixed(2)} |`);
	}
	process.exit(0);
}

void main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});

/**
 * `npm run test:queue`: the packed package in n8n's queue mode (Postgres, Redis, one main and two
 * `n8n worker` processes) against the sandbox at the developer tier's 2 requests per second.
 */
import { SEED, startSandbox, type Sandbox } from '../sandbox';
import { logIn, prepareCluster, workerOfExecution, type Cluster } from './cluster';
import { executionRun, finishedExecutions, post } from './executions';
import { startServices, waitUntil, type Services } from './services';
import {
	IMPORT_PATH,
	IMPORT_WORKFLOW,
	importWorkflow,
	LABEL_PATH,
	LABEL_WORKFLOW,
	labelWorkflow,
	TRACKING_SECRET,
	TRACKING_WEBHOOK_ID,
	TRACKING_WORKFLOW,
	trackingWorkflow,
} from './workflows';

const RATE = 2;
let sandbox: Sandbox;
let services: Services | undefined;
let cluster: Cluster | undefined;
let cookie = '';

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: RATE });
	services = await startServices();
	cluster = await prepareCluster({
		services,
		sandboxUrl: sandbox.url,
		rateLimit: RATE,
		workflows: [importWorkflow(), labelWorkflow(), trackingWorkflow()],
		webhook: { signingSecret: TRACKING_SECRET },
	});
	// Concurrency 2 on each worker: the four imports cannot all land on one of them.
	await Promise.all([cluster.startMain(), cluster.startWorkers(2, 2)]);
	cookie = await logIn(cluster.base);
});

// Everything this suite started is stopped, whatever failed (a failed beforeAll included).
afterAll(async () => {
	await cluster?.stop();
	await services?.stop();
	await sandbox?.close();
});

const ordersWithPrefix = (prefix: string) =>
	sandbox.store.orders
		.filter((order) => order.order_number.startsWith(`${prefix}-`))
		.map((order) => order.order_number);

test('four webhook-started imports of 250 orders run on both workers: 1,000 orders stored once, nothing failed', async () => {
	const prefixes = ['QA', 'QB', 'QC', 'QD'];
	const rateLimitedBefore = sandbox.stats.rateLimited;
	const answers = await Promise.all(
		prefixes.map((prefix) =>
			post(cluster!.base, `/webhook/${IMPORT_PATH}`, { prefix, count: 250 }),
		),
	);
	expect(answers).toEqual([200, 200, 200, 200]);
	await waitUntil(
		() => finishedExecutions(services!, IMPORT_WORKFLOW).length === 4,
		'the four imports to finish',
		600_000,
	);

	const executions = finishedExecutions(services!, IMPORT_WORKFLOW);
	expect(executions.map((execution) => execution.status)).toEqual([
		'success',
		'success',
		'success',
		'success',
	]);
	const workers = new Set(
		executions.map((execution) => workerOfExecution(cluster!.workers, execution.id)),
	);
	expect([...workers].sort()).toEqual([0, 1]);

	for (const prefix of prefixes) {
		const numbers = ordersWithPrefix(prefix);
		expect(new Set(numbers).size).toBe(250);
		expect(numbers).toHaveLength(250);
	}
	const outcomes: Record<string, number> = {};
	for (const execution of executions) {
		const run = await executionRun(cluster!.base, cookie, execution.id);
		for (const item of run.resultData.runData.Import[0].data.main[0])
			outcomes[item.json.outcome] = (outcomes[item.json.outcome] ?? 0) + 1;
	}
	expect(outcomes).toEqual({ created: 1000 });
	console.log(
		`queue mode, 2 workers, 4 x 250 orders at ${RATE}/s: ${sandbox.stats.rateLimited - rateLimitedBefore} answers were 429`,
	);
}, 900_000);

test('a label PDF made on a worker is readable from the execution data through main', async () => {
	expect(await post(cluster!.base, `/webhook/${LABEL_PATH}`, { order: SEED.domesticOrder })).toBe(
		200,
	);
	await waitUntil(
		() => finishedExecutions(services!, LABEL_WORKFLOW).length === 1,
		'the label run',
		300_000,
	);
	const [execution] = finishedExecutions(services!, LABEL_WORKFLOW);
	expect(execution.status).toBe('success');
	expect(workerOfExecution(cluster!.workers, execution.id)).toBeDefined();

	const run = await executionRun(cluster!.base, cookie, execution.id);
	const label = run.resultData.runData.Label[0].data.main[0][0];
	expect(label.binary.label).toMatchObject({ mimeType: 'application/pdf' });
	const file = await fetch(
		`${cluster!.base}/rest/binary-data?id=${encodeURIComponent(label.binary.label.id)}&action=download`,
		{ headers: { cookie } },
	);
	expect(file.status).toBe(200);
	expect(
		Buffer.from(await file.arrayBuffer())
			.subarray(0, 5)
			.toString('latin1'),
	).toBe('%PDF-');
}, 600_000);

describe('the Starshipit Trigger’s repeat memory (the webhook is received by main, the run happens on a worker)', () => {
	const trackingUrl = () => `${cluster!.base}/webhook/${TRACKING_WEBHOOK_ID}/tracking`;

	test('the same tracking update sent again after its run starts nothing', async () => {
		sandbox.setWebhook(trackingUrl(), TRACKING_SECRET);
		await sandbox.setOrderStatus(SEED.printedOrder, 'InTransit'); // the sandbox posts the webhook
		await waitUntil(
			() => finishedExecutions(services!, TRACKING_WORKFLOW).length >= 1,
			'the tracking run',
			300_000,
		);
		const again = await sandbox.sendTrackingWebhook(SEED.printedOrder);
		expect(again.status).toBe(200);
		expect(again.body).toContain('"repeat"');
		expect(finishedExecutions(services!, TRACKING_WORKFLOW)).toHaveLength(1);
	}, 600_000);

	// n8n's LiveWebhooks loads the workflow's static data for each request and saves it after the trigger
	// answers, so two deliveries arriving together both read a memory that holds neither: the trigger's
	// in-process claims (StarshipitTrigger/process-memory.ts) let only one start a run.
	test('the same tracking update arriving twice at once starts one run', async () => {
		sandbox.setWebhook(null);
		await sandbox.setOrderStatus(SEED.printedOrder, 'OutForDelivery'); // a new event, not posted yet
		sandbox.setWebhook(trackingUrl(), TRACKING_SECRET);
		const answers = await Promise.all([
			sandbox.sendTrackingWebhook(SEED.printedOrder),
			sandbox.sendTrackingWebhook(SEED.printedOrder),
		]);
		expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
		expect(answers.filter((answer) => answer.body.includes('"repeat"'))).toHaveLength(1);
	}, 600_000);
});

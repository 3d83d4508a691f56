/**
 * Support and replay in a real n8n: template 7 keeps a failed request in an n8n Data table and replays
 * it once the fault is gone; template 0 runs the guide's checks before production against the sandbox.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import { parseRawOutput, runCli, startServer, stopServer } from './n8n';
import {
	cli,
	importSandboxCredential,
	ownerEnvironment,
	prepareWorkspace,
	type Workspace,
} from './workspace';

// E2E_N8N_PORT lets two checkouts run the suite side by side (n8n also takes the port after it).
const N8N_PORT = Number(process.env.E2E_N8N_PORT ?? 5690);
const OWNER = { email: 'e2e@example.com', password: 'E2e-password-1' };
let sandbox: Sandbox;
let workspace: Workspace;
let scratch: string;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	workspace = await prepareWorkspace({ sandboxUrl: sandbox.url, port: N8N_PORT, rateLimit: 50 });
	// No retries: a fault fails at once instead of after Starshipit's backoff.
	await importSandboxCredential(workspace, {
		sandboxUrl: sandbox.url,
		rateLimit: 50,
		maxRetries: 0,
	});
	scratch = mkdtempSync(join(tmpdir(), 'starshipit-support-'));
});
afterAll(async () => {
	await sandbox?.close();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs a workflow from its manual trigger; returns each node's outputs (main and error) by node name. */
async function execute(id: string): Promise<Record<string, any[][]>> {
	const result = await runCli(workspace.install, workspace.env, [
		'execute',
		`--id=${id}`,
		'--rawOutput',
	]);
	if (
		result.code !== 0 ||
		/Execution was NOT successful|Execution error|Error executing workflow/.test(result.stdout)
	) {
		throw new Error(
			`n8n execute ${id} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
		);
	}
	const run = parseRawOutput(result.stdout);
	const runData = run.data?.resultData?.runData ?? run.resultData?.runData ?? {};
	return Object.fromEntries(
		Object.entries(runData).map(([name, runs]: [string, any]) => [
			name,
			runs.at(-1)?.data?.main ?? [],
		]),
	);
}

const template = (id: string) => {
	const found = workspace.templates.find((entry) => entry.id === id);
	if (!found) throw new Error(`No template ${id}`);
	return found.json;
};
const stored = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const withoutId = (rows: unknown, id: string) =>
	((rows ?? []) as Array<Record<string, unknown>>).map(({ [id]: _id, ...row }) => row);
const creates = () =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/orders')
		.length;

describe('0: verify before production', () => {
	// Three runs against one Starshipit: the clean-up archives each run's orders, and the next run must pass all the same.
	test.each([1, 2, 3])(
		'run %i: one passed item per check; everything the checks created is cleaned up',
		async () => {
			const output = await execute('starshipitTpl0');
			const summary = output['Summary: one item per check'][0].map((item: any) => item.json);
			expect(summary.map((row: any) => [row.check, row.result])).toEqual([
				['Domestic order', 'passed'],
				['International order with customs', 'passed'],
				['Multi-item, multi-package order', 'passed'],
				['A deliberate failure', 'passed'],
			]);
			for (const row of summary) expect(row.reason).toEqual(expect.any(String));
			// Each run numbers its orders anew (VERIFY-MULTI-<time of the run>): the summary says which.
			const numberOf = (check: string): string =>
				summary.find((row: any) => row.check === check).order_number;
			for (const number of [
				'Domestic order',
				'International order with customs',
				'Multi-item, multi-package order',
			].map(numberOf)) {
				expect(number).toMatch(/^VERIFY-[A-Z]+-\d+$/);
				expect(stored(number)).toEqual([
					expect.objectContaining({ archived: true, tracking_number: expect.any(String) }),
				]);
			}
			// Every line and package of the multi-item order, from its lists.
			expect(
				withoutId(stored(numberOf('Multi-item, multi-package order'))[0].items, 'item_id'),
			).toEqual([
				{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5, weight: 0.4 },
				{ description: 'Cotton T-shirt', sku: 'TEE-M-BLACK', quantity: 1, value: 30, weight: 0.2 },
				{ description: 'A2 poster', sku: 'POSTER-A2', quantity: 3, value: 12, weight: 0.1 },
			]);
			expect(
				withoutId(stored(numberOf('Multi-item, multi-package order'))[0].packages, 'package_id'),
			).toEqual([
				{ weight: 1, length: 0.3, width: 0.2, height: 0.2 },
				{ weight: 0.4, length: 0.65, width: 0.08, height: 0.08 },
			]);
			expect(stored(numberOf('A deliberate failure'))).toHaveLength(0);
		},
	);
});

/**
 * Template 7 in a running n8n (Data tables are a module that `n8n start` loads and `n8n execute` does
 * not): the same nodes and parameters, with its two triggers swapped for webhooks so that the test
 * starts each half when it wants, the schedule included. Each webhook answers with the data of the last
 * node that ran: the row just stored, or the row just marked done.
 */
function templateWithWebhooks(): any {
	const workflow = JSON.parse(JSON.stringify(template('starshipitTpl7')));
	workflow.id = 'starshipitTpl7e2e';
	workflow.name = `${workflow.name} (webhooks for the test)`;
	const asWebhook = (type: string, path: string) => {
		const node = workflow.nodes.find((candidate: any) => candidate.type === type);
		Object.assign(node, {
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: `starshipit-e2e-${path}`,
			parameters: {
				httpMethod: 'POST',
				path,
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			},
		});
	};
	asWebhook('n8n-nodes-base.manualTrigger', 'starshipit-keep-now');
	asWebhook('n8n-nodes-base.scheduleTrigger', 'starshipit-replay-now');
	return workflow;
}

describe('7: failed requests are kept in a Data table and replayed once the fault is gone', () => {
	let server: ChildProcess;
	/** Starts one half and returns what its last node produced; n8n registers a published workflow's webhooks shortly after it starts. */
	const call = async (path: string) => {
		const post = () =>
			fetch(`http://127.0.0.1:${N8N_PORT}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
		let answer = await post();
		for (let tries = 0; answer.status === 404 && tries < 60; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			answer = await post();
		}
		const text = await answer.text();
		if (!answer.ok) throw new Error(`webhook ${path}: ${answer.status} ${text}`);
		const rows = text ? JSON.parse(text) : [];
		return (Array.isArray(rows) ? rows : [rows]).filter(
			(row: any) => row && Object.keys(row).length > 0,
		);
	};

	beforeAll(async () => {
		const workflow = templateWithWebhooks();
		const file = join(scratch, 'template-7-webhooks.json');
		writeFileSync(file, JSON.stringify(workflow));
		await cli(workspace, ['import:workflow', `--input=${file}`]);
		// n8n 2.x publishes; n8n 1.x activates.
		await cli(workspace, ['publish:workflow', `--id=${workflow.id}`]).catch(
			async () => await cli(workspace, ['update:workflow', `--id=${workflow.id}`, '--active=true']),
		);
		Object.assign(workspace.env, ownerEnvironment(workspace.install, OWNER));
		server = await startServer(workspace.install, workspace.env);
	});
	afterAll(async () => server && (await stopServer(server)));

	test('Starshipit fails: the failed request is stored as pending, with its support fields and replay', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders',
			kind: 'status',
			status: 503,
			times: 100,
		});
		const [kept, ...more] = await call('starshipit-keep-now');
		sandbox.faults.clear();
		expect(more).toEqual([]);
		expect(kept).toMatchObject({
			status: 'pending',
			tries: 0,
			order_number: 'KEEP-7001',
			operation: 'order > createOrUpdate',
		});
		expect(JSON.parse(kept.support)).toMatchObject({
			endpoint: '/api/orders',
			method: 'POST',
			status: 503,
			sourceOrderId: 'KEEP-7001',
		});
		expect(JSON.parse(kept.replay)).toMatchObject({
			resource: 'order',
			operation: 'createOrUpdate',
			parameters: { orderNumber: 'KEEP-7001' },
		});
		expect(stored('KEEP-7001')).toHaveLength(0);
	});

	test('the fault cleared: the pending row is replayed once and marked done; the next run finds nothing to do', async () => {
		const before = creates();
		const [done, ...more] = await call('starshipit-replay-now');
		expect(more).toEqual([]);
		expect(done).toMatchObject({
			status: 'done',
			tries: 1,
			order_number: 'KEEP-7001',
			result: 'replayed',
		});
		expect(stored('KEEP-7001')).toHaveLength(1);
		expect(creates()).toBe(before + 1);
		// The replay sent the order's two lines and the package weighing them, as the first attempt would have.
		expect(withoutId(stored('KEEP-7001')[0].items, 'item_id')).toEqual([
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 1, value: 19.5, weight: 0.4 },
			{ description: 'Cotton T-shirt', sku: 'TEE-M-BLACK', quantity: 2, value: 30, weight: 0.2 },
		]);
		expect(withoutId(stored('KEEP-7001')[0].packages, 'package_id')).toEqual([{ weight: 0.8 }]);

		expect(await call('starshipit-replay-now')).toEqual([]);
		expect(stored('KEEP-7001')).toHaveLength(1);
		expect(creates()).toBe(before + 1);
	});
});

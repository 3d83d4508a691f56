/**
 * Support and replay in a real n8n: template 7 keeps a failed request in an n8n Data table and replays
 * it once the fault is gone; template 0 runs the guide's checks before production against the sandbox.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import { parseRawOutput, runCli } from './n8n';
import { cli, importSandboxCredential, prepareWorkspace, type Workspace } from './workspace';

// E2E_N8N_PORT lets two checkouts run the suite side by side (n8n also takes the port after it).
const N8N_PORT = Number(process.env.E2E_N8N_PORT ?? 5690);
let sandbox: Sandbox;
let workspace: Workspace;
let scratch: string;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	workspace = await prepareWorkspace({ sandboxUrl: sandbox.url, port: N8N_PORT, rateLimit: 50 });
	// No retries: a fault fails at once instead of after Starshipit's backoff.
	await importSandboxCredential(workspace, { sandboxUrl: sandbox.url, rateLimit: 50, maxRetries: 0 });
	scratch = mkdtempSync(join(tmpdir(), 'starshipit-support-'));
});
afterAll(async () => {
	await sandbox?.close();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs a workflow from its manual trigger; returns each node's outputs (main and error) by node name. */
async function execute(id: string): Promise<Record<string, any[][]>> {
	const result = await runCli(workspace.install, workspace.env, ['execute', `--id=${id}`, '--rawOutput']);
	if (result.code !== 0 || /Execution was NOT successful|Execution error|Error executing workflow/.test(result.stdout)) {
		throw new Error(`n8n execute ${id} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
	}
	const run = parseRawOutput(result.stdout);
	const runData = run.data?.resultData?.runData ?? run.resultData?.runData ?? {};
	return Object.fromEntries(Object.entries(runData).map(([name, runs]: [string, any]) => [name, runs.at(-1)?.data?.main ?? []]));
}

const template = (id: string) => {
	const found = workspace.templates.find((entry) => entry.id === id);
	if (!found) throw new Error(`No template ${id}`);
	return found.json;
};
const stored = (number: string) => sandbox.store.orders.filter((row) => row.order_number === number);
const creates = () => sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/orders').length;

/**
 * Template 7's scheduled half, started by hand: the same nodes and parameters, with the schedule
 * replaced by a manual trigger so that `n8n execute` can start it now instead of in a quarter hour.
 */
async function importReplayHalf(): Promise<string> {
	const workflow = JSON.parse(JSON.stringify(template('starshipitPattern7')));
	workflow.id = 'starshipitPattern7now';
	workflow.name = `${workflow.name} (replay now)`;
	const manual = workflow.nodes.find((node: any) => node.type === 'n8n-nodes-base.manualTrigger');
	workflow.nodes = workflow.nodes.filter((node: any) => node !== manual);
	delete workflow.connections[manual.name];
	const schedule = workflow.nodes.find((node: any) => node.type === 'n8n-nodes-base.scheduleTrigger');
	Object.assign(schedule, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
	const file = join(scratch, 'replay-now.json');
	writeFileSync(file, JSON.stringify(workflow));
	await cli(workspace, ['import:workflow', `--input=${file}`]);
	return workflow.id;
}

describe('7: failed requests are kept in a Data table and replayed once the fault is gone', () => {
	let replayNow: string;
	beforeAll(async () => (replayNow = await importReplayHalf()));

	test('Starshipit fails: the failed request is stored as pending, with its support fields and replay', async () => {
		sandbox.faults.add({ method: 'POST', path: '/api/orders', kind: 'status', status: 503, times: 100 });
		const output = await execute('starshipitPattern7');
		sandbox.faults.clear();
		expect(output['The order is in Starshipit']).toBeUndefined();
		const [kept] = output['Keep the failed request'][0];
		expect(kept.json).toMatchObject({ status: 'pending', tries: 0, order_number: 'KEEP-7001', operation: 'order > createOrUpdate' });
		expect(JSON.parse(kept.json.support)).toMatchObject({ endpoint: '/api/orders', method: 'POST', status: 503, sourceOrderId: 'KEEP-7001' });
		expect(JSON.parse(kept.json.replay)).toMatchObject({ resource: 'order', operation: 'createOrUpdate', parameters: { orderNumber: 'KEEP-7001' } });
		expect(stored('KEEP-7001')).toHaveLength(0);
	});

	test('the fault cleared: the pending row is replayed once and marked done; the next run finds nothing to do', async () => {
		const before = creates();
		const output = await execute(replayNow);
		expect(output['Replay the failed request'][0]).toHaveLength(1);
		expect(output['Mark failed again']).toBeUndefined();
		const [done] = output['Mark done'][0];
		expect(done.json).toMatchObject({ status: 'done', tries: 1, order_number: 'KEEP-7001', result: 'replayed' });
		expect(stored('KEEP-7001')).toHaveLength(1);
		expect(creates()).toBe(before + 1);

		const again = await execute(replayNow);
		expect(again['Replay the failed request']).toBeUndefined();
		expect(stored('KEEP-7001')).toHaveLength(1);
		expect(creates()).toBe(before + 1);
	});
});

describe('0: verify before production', () => {
	test('one passed item per check; everything the checks created is cleaned up', async () => {
		const output = await execute('starshipitVerify0');
		const summary = output['Summary: one item per check'][0].map((item: any) => item.json);
		expect(summary.map((row: any) => [row.check, row.result])).toEqual([
			['Domestic order', 'passed'],
			['International order with customs', 'passed'],
			['Multi-item, multi-package order', 'passed'],
			['A deliberate failure', 'passed'],
		]);
		for (const row of summary) expect(row.reason).toEqual(expect.any(String));
		for (const number of ['VERIFY-DOMESTIC', 'VERIFY-INTERNATIONAL', 'VERIFY-MULTI']) {
			expect(stored(number)).toEqual([expect.objectContaining({ archived: true, tracking_number: expect.any(String) })]);
		}
		expect(stored('VERIFY-MULTI')[0].items).toHaveLength(3);
		expect(stored('VERIFY-MULTI')[0].packages).toHaveLength(2);
		expect(stored('VERIFY-FAILURE')).toHaveLength(0);
	});
});

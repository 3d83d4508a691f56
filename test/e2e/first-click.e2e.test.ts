/**
 * The big "Execute workflow" button of templates 1 and 7 in a real n8n, first and second click: n8n's editor picks a
 * trigger (test/harness/editor-rules.ts, from n8n's editor) and posts it to /rest/workflows/:id/run, as done here.
 * Template 1 imports its sample orders; template 7 keeps a sample failure in its Data table and replays it. Both
 * green on both clicks, and the second click creates nothing twice. n8n 1.x's run call takes another shape: 2.x only.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { autoSelectedTrigger } from '../harness/editor-rules';
import { startSandbox, type Sandbox } from '../sandbox';
import { startServer, stopServer } from './n8n';
import { ownerEnvironment, prepareWorkspace, type Workspace } from './workspace';

// Beside the other real-n8n suites (E2E_N8N_PORT), 84 ports up; n8n's task broker takes the next port.
const N8N_PORT = Number(process.env.E2E_N8N_PORT ?? 5690) + 84;
const OWNER = { email: 'e2e@example.com', password: 'E2e-password-1' };
const base = `http://127.0.0.1:${N8N_PORT}`;
let sandbox: Sandbox;
let workspace: Workspace;
let server: ChildProcess;
let cookie = '';
const describeOn2 = process.env.N8N_LINE === '1' ? describe.skip : describe;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	workspace = await prepareWorkspace({ sandboxUrl: sandbox.url, port: N8N_PORT, rateLimit: 50 });
	Object.assign(workspace.env, ownerEnvironment(workspace.install, OWNER));
	server = await startServer(workspace.install, workspace.env);
	const login = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!login.ok) throw new Error(`n8n refused the log-in: ${login.status} ${await login.text()}`);
	cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
}, 900_000);
afterAll(async () => {
	if (server) await stopServer(server);
	await sandbox?.close();
});

/** n8n keeps a run's data as `flatted` text: its own copy of flatted reads it. */
function runDataOf(execution: {
	data: string;
}): Record<string, Array<{ data?: { main?: Array<Array<{ json: any }> | null> } }>> {
	const flatted = require(join(workspace.install.dir, 'node_modules', 'flatted')) as {
		parse(text: string): any;
	};
	return flatted.parse(execution.data).resultData.runData;
}

/** Presses Execute workflow: the trigger the editor picks, posted as the editor posts it; the finished run. */
async function click(
	workflowId: string,
): Promise<{ status: string; runData: ReturnType<typeof runDataOf>; trigger: string }> {
	const trigger = autoSelectedTrigger(
		workspace.templates.find((template) => template.id === workflowId)!.json.nodes,
	)!.name;
	const answer = await fetch(`${base}/rest/workflows/${workflowId}/run`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ triggerToStartFrom: { name: trigger } }),
	});
	const { data } = (await answer.json()) as {
		data: { executionId?: string; waitingForWebhook?: boolean };
	};
	expect(data.waitingForWebhook).toBeUndefined();
	expect(data.executionId).toBeDefined();
	for (let tries = 0; tries < 240; tries++) {
		const execution = (await (
			await fetch(`${base}/rest/executions/${data.executionId}`, { headers: { cookie } })
		).json()) as { data?: { status: string; data: string } };
		if (execution.data && !['running', 'new', 'waiting'].includes(execution.data.status))
			return { status: execution.data.status, runData: runDataOf(execution.data), trigger };
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`the run of ${workflowId} did not end within 2 minutes`);
}

/** The items a node gave on one output in its last run. */
const output = (runData: ReturnType<typeof runDataOf>, node: string, index = 0) =>
	(runData[node]?.at(-1)?.data?.main?.[index] ?? []).map((item) => item.json);
const stored = (number: string) =>
	sandbox.store.orders.filter((order) => order.order_number === number);

describeOn2('1: Execute workflow imports the sample orders', () => {
	test('first click: the three sample orders are created in Starshipit; the tracking rows do not run', async () => {
		const { status, runData, trigger } = await click('starshipitTpl1');
		expect(trigger).toBe('When your shop sends orders');
		expect(status).toBe('success');
		expect(
			output(runData, 'Import into Starshipit').map((item) => [
				item.order_number ?? item.orderNumber,
				item.outcome,
			]),
		).toEqual([
			['WEB-1001', 'created'],
			['WEB-1002', 'created'],
			['WEB-1003', 'created'],
		]);
		expect(runData['Write tracking back to your shop']).toBeUndefined();
		for (const number of ['WEB-1001', 'WEB-1002', 'WEB-1003'])
			expect(stored(number)).toHaveLength(1);
	});

	test('second click: green again, the same three orders, none created twice', async () => {
		const { status, runData } = await click('starshipitTpl1');
		expect(status).toBe('success');
		expect(output(runData, 'Import into Starshipit').map((item) => item.outcome)).not.toContain(
			'failed',
		);
		expect(output(runData, 'Import into Starshipit')).toHaveLength(3);
		for (const number of ['WEB-1001', 'WEB-1002', 'WEB-1003'])
			expect(stored(number)).toHaveLength(1);
	});
});

describeOn2('7: Execute workflow keeps a failure in the Data table, then replays it', () => {
	test('first click: the sample failure is kept as pending, then replayed for real and marked done', async () => {
		const { status, runData, trigger } = await click('starshipitTpl7');
		expect(trigger).toBe('Every 15 minutes');
		expect(status).toBe('success');
		expect(output(runData, 'Keep the sample failure')).toEqual([
			expect.objectContaining({
				status: 'pending',
				tries: 0,
				order_number: 'KEEP-7001',
				operation: 'order > createOrUpdate',
			}),
		]);
		expect(output(runData, 'Replay the failed request')).toEqual([
			expect.objectContaining({ replayed: true, order_number: 'KEEP-7001' }),
		]);
		expect(output(runData, 'Replay the failed request', 1)).toEqual([]);
		expect(output(runData, 'Mark done')).toEqual([
			expect.objectContaining({
				status: 'done',
				tries: 1,
				order_number: 'KEEP-7001',
				result: 'replayed',
			}),
		]);
		expect(stored('KEEP-7001')).toHaveLength(1);
	});

	test('second click: a new sample failure kept and replayed; the order is found, not created twice', async () => {
		const { status, runData } = await click('starshipitTpl7');
		expect(status).toBe('success');
		expect(output(runData, 'Keep the sample failure')).toHaveLength(1);
		// Only the new row was pending: the first click's row is done.
		expect(output(runData, 'Pending failed requests')).toHaveLength(1);
		expect(output(runData, 'Mark done')).toEqual([
			expect.objectContaining({ status: 'done', order_number: 'KEEP-7001' }),
		]);
		expect(output(runData, 'Alert: replay gave up')).toEqual([]);
		expect(stored('KEEP-7001')).toHaveLength(1);
	});
});

/**
 * Template 1 published in a real n8n with both triggers in one workflow: a repeated tracking webhook
 * starts no second run, also after a poll has started a run (n8n then saves the workflow's static data
 * whole, from the poll's copy); the webhook's guards (Signing Secret and URL Token, from its Starshipit
 * Webhook credential) hold in n8n's own webhook server; and neither is in the workflow n8n exports.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SEED, signBody, startSandbox, webhookPayload, type Sandbox } from '../sandbox';
import { startServer, stopServer } from './n8n';
import { logInAsOwner, waitFor } from './rest';
import {
	cli,
	ownerEnvironment,
	pollingEveryMinute,
	prepareWorkspace,
	WEBHOOK_CREDENTIAL,
	type Workspace,
} from './workspace';

// Its own port (and the one after it, for n8n's task runners), so it can run beside the templates suite.
const N8N_PORT = Number(process.env.E2E_TRIGGERS_N8N_PORT ?? 5710);
const WEBHOOK_SECRET = 'e2e-webhook-secret';
/** Both guards are set in the trigger's credential: every request must be signed and carry this token. */
const URL_TOKEN = 'e2eUrlToken-made-up-by-the-user-7Qx';
const OWNER = { email: 'e2e@example.com', password: 'E2e-password-1' };
const WORKFLOW_ID = 'starshipitTpl1';
const base = `http://127.0.0.1:${N8N_PORT}`;
const productionUrl = `${base}/webhook/5a1b2c3d-0001-4000-8000-00000000a001/tracking`;
/** The URL pasted into Starshipit: the Production URL with the URL Token added. */
const webhookUrl = `${productionUrl}?token=${URL_TOKEN}`;

let sandbox: Sandbox;
let workspace: Workspace;
let server: ChildProcess;
let cookie = '';
/** n8n's output once it is up: shown when the Production URL is not served (the workflow failed to activate). */
let n8nLog = '';

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	workspace = await prepareWorkspace({
		sandboxUrl: sandbox.url,
		port: N8N_PORT,
		rateLimit: 50,
		adjust: pollingEveryMinute,
		webhook: { signingSecret: WEBHOOK_SECRET, urlToken: URL_TOKEN },
	});
	await cli(workspace, ['publish:workflow', `--id=${WORKFLOW_ID}`]).catch(
		async () => await cli(workspace, ['update:workflow', `--id=${WORKFLOW_ID}`, '--active=true']),
	);
	Object.assign(workspace.env, ownerEnvironment(workspace.install, OWNER));
	server = await startServer(workspace.install, workspace.env);
	server.stdout?.on('data', (chunk: Buffer) => (n8nLog += chunk.toString()));
	server.stderr?.on('data', (chunk: Buffer) => (n8nLog += chunk.toString()));
	cookie = await logInAsOwner(base, OWNER);
	// n8n 2.x activates published workflows after it answers: wait until the Production URL is served
	// (an unsigned request is refused with 401 once it is, and starts nothing).
	const served = async () =>
		(
			await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			})
		).status !== 404;
	await waitFor(served, 'n8n to serve template 1’s Production URL', 120_000);
}, 900_000);
afterAll(async () => {
	if (server) await stopServer(server);
	await sandbox?.close();
});

/** How many runs of template 1 started in one mode ('webhook', or 'trigger' for a poll), by n8n's own executions list. */
async function executionCount(mode: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	// 100 is n8n's largest page: 2.40 cut a larger limit down to it, 2.41 refuses one with 400.
	const response = await fetch(`${base}/rest/executions?filter=${filter}&limit=100`, {
		headers: { cookie },
	});
	if (!response.ok)
		throw new Error(`n8n refused the executions list: ${response.status} ${await response.text()}`);
	const answer = (await response.json()) as { data: { results: Array<{ mode: string }> } };
	return answer.data.results.filter((execution) => execution.mode === mode).length;
}

/** Posts exactly these bytes to the URL (with the token, unless told), signed with the secret (or not); the status and n8n's answer. */
async function send(
	body: string,
	signed = true,
	url = webhookUrl,
): Promise<{ status: number; answer: string }> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signed) headers['x-starshipit-signature'] = signBody(body, WEBHOOK_SECRET);
	const response = await fetch(url, { method: 'POST', headers, body });
	if (response.status === 404)
		throw new Error(
			`n8n does not serve the Production URL (the workflow is not active):\n${n8nLog.slice(-3000)}`,
		);
	return { status: response.status, answer: await response.text() };
}

const post = async (body: string, signed = true, url = webhookUrl) =>
	(await send(body, signed, url)).status;
const updateOf = (orderNumber: string) =>
	JSON.stringify(
		webhookPayload(sandbox.store.orders.find((order) => order.order_number === orderNumber)!),
	);

/**
 * Sends a genuine update of another order and waits for its run: once n8n has recorded it, a run the
 * requests before it started would be recorded too, so the count after it is exact.
 */
async function countAfterGenuineUpdate(
	orderNumber: string,
	status: string,
	expected: number,
): Promise<number> {
	await sandbox.setOrderStatus(orderNumber, status);
	expect(await post(updateOf(orderNumber))).toBe(200);
	await waitFor(
		async () => (await executionCount('webhook')) >= expected,
		`the run of ${orderNumber} ${status}`,
	);
	return await executionCount('webhook');
}

const polled = () =>
	sandbox.requests.filter((request) => request.path === '/api/orders/shipped').length;

test('a captured webhook sent again starts no second run, before and after a poll saved the workflow', async () => {
	const webhookRuns = await executionCount('webhook');
	await sandbox.setOrderStatus(SEED.printedOrder, 'OutForDelivery');
	const captured = JSON.stringify(
		webhookPayload(sandbox.store.orders.find((order) => order.order_number === SEED.printedOrder)!),
	);
	expect(await post(captured)).toBe(200);
	await waitFor(async () => (await executionCount('webhook')) === webhookRuns + 1, 'the first run');
	expect(await post(captured)).toBe(200);
	expect(await countAfterGenuineUpdate(SEED.internationalOrder, 'Printed', webhookRuns + 2)).toBe(
		webhookRuns + 2,
	);

	// The poll trigger's first check only takes stock; after it, another order changes with no webhook:
	// the next check starts a run, and n8n saves the workflow's static data from the poll's copy.
	const checksBefore = polled();
	await waitFor(() => polled() > checksBefore, 'the first poll', 90_000);
	const pollRuns = await executionCount('trigger');
	await sandbox.setOrderStatus(SEED.domesticOrder, 'Printed');
	await waitFor(async () => (await executionCount('trigger')) > pollRuns, 'a poll run', 150_000);

	expect(await post(captured)).toBe(200);
	expect(await countAfterGenuineUpdate(SEED.printedOrder, 'Delivered', webhookRuns + 3)).toBe(
		webhookRuns + 3,
	);
}, 300_000);

test('forged, unsigned, token-less and non-object requests are refused by n8n’s webhook server and start nothing', async () => {
	const webhookRuns = await executionCount('webhook');
	const body = JSON.stringify({
		order_number: SEED.deliveredOrder,
		tracking_number: 'SSI000000998',
		tracking_status: 'Delivered',
		last_updated_date: new Date().toISOString(),
	});
	expect(await post(body, false)).toBe(401);
	// Signed, but without the URL Token or with another one.
	expect([
		await post(body, true, productionUrl),
		await post(body, true, `${productionUrl}?token=guessed`),
	]).toEqual([401, 401]);
	expect([await post('null'), await post('[]'), await post('"Delivered"')]).toEqual([
		400, 400, 400,
	]);
	await sandbox.setOrderStatus(SEED.multiItemOrder, 'Printed');
	expect(
		await post(
			JSON.stringify(
				webhookPayload(
					sandbox.store.orders.find((order) => order.order_number === SEED.multiItemOrder)!,
				),
			),
		),
	).toBe(200);
	await waitFor(
		async () => (await executionCount('webhook')) >= webhookRuns + 1,
		'the next genuine run',
	);
	expect(await executionCount('webhook')).toBe(webhookRuns + 1);
}, 120_000);

describe('secrets at rest', () => {
	/** Runs one of n8n's export commands into a scratch folder and returns what it wrote. */
	async function exported(command: string, id: string): Promise<string> {
		const folder = mkdtempSync(join(tmpdir(), 'starshipit-export-'));
		try {
			await cli(workspace, [command, `--id=${id}`, `--output=${join(folder, 'export.json')}`]);
			return readFileSync(join(folder, 'export.json'), 'utf8');
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}

	test('the workflow n8n exports holds neither the Signing Secret nor the URL Token; the credential holds them encrypted', async () => {
		const workflow = await exported('export:workflow', WORKFLOW_ID);
		const trigger = (
			JSON.parse(workflow) as Array<{ nodes: Array<{ type: string; credentials?: unknown }> }>
		)[0].nodes.find((node) => node.type === 'n8n-nodes-starshipit.starshipitTrigger');
		expect(trigger?.credentials).toEqual({ starshipitWebhookApi: WEBHOOK_CREDENTIAL });
		expect(workflow).not.toContain(WEBHOOK_SECRET);
		expect(workflow).not.toContain(URL_TOKEN);
		// n8n's credential export (not --decrypted) is the encrypted form: the values are not readable in it either.
		const credential = await exported('export:credentials', WEBHOOK_CREDENTIAL.id);
		expect(credential).toContain('starshipitWebhookApi');
		expect(credential).not.toContain(WEBHOOK_SECRET);
		expect(credential).not.toContain(URL_TOKEN);
	}, 120_000);

	test('"Test" on the Starshipit Webhook credential runs the trigger’s check in n8n', async () => {
		const testCredential = async (data: object) => {
			const body = JSON.stringify({
				credentials: { ...WEBHOOK_CREDENTIAL, type: 'starshipitWebhookApi', data },
			});
			const answer = await fetch(`${base}/rest/credentials/test`, {
				method: 'POST',
				headers: { cookie, 'content-type': 'application/json' },
				body,
			});
			return ((await answer.json()) as { data: { status: string; message: string } }).data;
		};
		expect(
			await testCredential({ signingSecret: WEBHOOK_SECRET, urlToken: URL_TOKEN }),
		).toMatchObject({ status: 'OK' });
		expect(await testCredential({ signingSecret: '', urlToken: '' })).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/Set a Signing Secret or a URL Token/),
		});
	});
});

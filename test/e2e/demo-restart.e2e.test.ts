/**
 * `npm start` twice, as a user does: scripts/demo.ts itself, with its real n8n. A workflow, a credential and an
 * execution the user made in the first demo are there after the restart; a template the user changed is back as
 * shipped, and still runs green against the sandbox (which starts from its demo orders again). Template 8 runs green
 * at the first click against the demo's WooCommerce store, after each start. `--fresh` starts anew.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_OWNER } from '../../scripts/demo-owner';
import { autoSelectedTrigger } from '../harness/editor-rules';
import { WOO_CONSUMER_KEY, WOO_CONSUMER_SECRET } from '../shops/woocommerce';
import { WOO_TEMPLATE_ID } from '../shops/woocommerce/n8n';
import { demoCertificateFile } from '../shops/woocommerce/demo';
import { readTemplates } from './workspace';
import { REPO } from './n8n';

// Beside the other real-n8n suites (E2E_N8N_PORT), 80 ports up; n8n's task broker takes the next port.
const N8N_PORT = Number(process.env.E2E_N8N_PORT ?? 5690) + 80;
const SANDBOX_PORT = N8N_PORT + 2;
const WOO_PORT = N8N_PORT + 3;
const base = `http://127.0.0.1:${N8N_PORT}`;
// The n8n the other suites installed (install-n8n.sh's own default), so that the demo does not install it again.
const N8N_CACHE_DIR =
	process.env.N8N_CACHE_DIR ??
	join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-starshipit');
let cache: string;

interface Demo {
	child: ChildProcess;
	output: () => string;
}

/** Starts `npm start`'s script and waits until it says n8n is ready. */
async function startDemo(args: string[] = []): Promise<Demo> {
	const child = spawn(
		process.execPath,
		[require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'scripts/demo.ts', ...args],
		{
			cwd: REPO,
			env: {
				...process.env,
				NODE_ENV: undefined,
				XDG_CACHE_HOME: cache,
				N8N_CACHE_DIR,
				N8N_PORT: String(N8N_PORT),
				SANDBOX_PORT: String(SANDBOX_PORT),
				WOO_PORT: String(WOO_PORT),
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const deadline = Date.now() + 600_000;
	while (!output.includes('n8n is ready')) {
		if (child.exitCode !== null)
			throw new Error(`npm start stopped (${child.exitCode}):\n${output.slice(-3000)}`);
		if (Date.now() > deadline)
			throw new Error(
				`npm start did not say n8n is ready within 10 minutes:\n${output.slice(-3000)}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return { child, output: () => output };
}

/** Ctrl+C: the demo stops n8n and the sandbox, says so, and exits. */
async function stopDemo(demo: Demo): Promise<string> {
	const ended = new Promise<void>((resolve) => demo.child.once('exit', () => resolve()));
	demo.child.kill('SIGINT');
	await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 60_000))]);
	if (demo.child.exitCode === null) demo.child.kill('SIGKILL');
	return demo.output();
}

async function logIn(): Promise<string> {
	const login = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: DEMO_OWNER.email, password: DEMO_OWNER.password }),
	});
	if (!login.ok)
		throw new Error(`n8n refused the demo log-in: ${login.status} ${await login.text()}`);
	return (login.headers.get('set-cookie') ?? '').split(';')[0];
}

/** n8n's REST API with the demo owner's session; `data` of the answer. */
async function rest(cookie: string, method: string, path: string, body?: object): Promise<any> {
	const answer = await fetch(`${base}/rest${path}`, {
		method,
		headers: { cookie, 'content-type': 'application/json' },
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await answer.text();
	if (!answer.ok) throw new Error(`${method} /rest${path}: ${answer.status} ${text.slice(0, 500)}`);
	return (JSON.parse(text) as { data: unknown }).data;
}

/** The finished executions of one workflow, newest first. */
async function executions(
	cookie: string,
	workflowId: string,
): Promise<Array<{ id: string; status: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (
		(await rest(cookie, 'GET', `/executions?filter=${filter}&limit=50`)) as {
			results: Array<{ id: string; status: string }>;
		}
	).results;
}

/** Presses Execute workflow from the trigger given and waits for the run to end; returns its status. */
async function runFrom(cookie: string, workflowId: string, trigger: string): Promise<string> {
	const before = (await executions(cookie, workflowId)).length;
	await rest(cookie, 'POST', `/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: trigger },
	});
	for (let tries = 0; tries < 240; tries++) {
		const runs = await executions(cookie, workflowId);
		if (runs.length > before && !['running', 'new', 'waiting'].includes(runs[0].status))
			return runs[0].status;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`no run of ${workflowId} ended within 2 minutes`);
}

/** An order in the demo's WooCommerce store, read as a user's script would (its keys, its certificate). */
function wooOrder(id: number): Promise<{ status: string }> {
	const ca = readFileSync(
		demoCertificateFile(join(cache, 'n8n-nodes-starshipit', `demo-${N8N_PORT}`)),
	);
	const auth = Buffer.from(`${WOO_CONSUMER_KEY}:${WOO_CONSUMER_SECRET}`).toString('base64');
	return new Promise((resolve, reject) => {
		get(
			`https://127.0.0.1:${WOO_PORT}/wp-json/wc/v3/orders/${id}`,
			{ ca, headers: { authorization: `Basic ${auth}` } },
			(answer) => {
				let body = '';
				answer.on('data', (chunk: Buffer) => (body += chunk.toString()));
				answer.on('end', () =>
					answer.statusCode === 200
						? resolve(JSON.parse(body))
						: reject(new Error(`the store answered ${answer.statusCode}: ${body}`)),
				);
			},
		).on('error', reject);
	});
}

/** Template 8's first click (the trigger n8n's editor picks: its pinned tracking event for sample order 4101). */
async function clickTemplate8(cookie: string): Promise<string> {
	const trigger = autoSelectedTrigger(
		readTemplates().find((template) => template.id === WOO_TEMPLATE_ID)!.json.nodes,
	)!;
	expect(trigger.name).toBe('When Starshipit sends tracking');
	return await runFrom(cookie, WOO_TEMPLATE_ID, trigger.name);
}

const MY_WORKFLOW = {
	name: 'My own workflow, made in the demo',
	nodes: [
		{
			id: 'my-start',
			name: 'When clicking Execute workflow',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'my-order',
			name: 'Read an order',
			type: 'n8n-nodes-starshipit.starshipit',
			typeVersion: 1,
			position: [240, 0],
			parameters: {
				resource: 'order',
				operation: 'get',
				order: { __rl: true, mode: 'orderNumber', value: 'SO-1001' },
			},
			credentials: { starshipitApi: { id: 'starshipitSandbox', name: 'Starshipit sandbox' } },
		},
	],
	connections: {
		'When clicking Execute workflow': {
			main: [[{ node: 'Read an order', type: 'main', index: 0 }]],
		},
	},
	settings: { executionOrder: 'v1' },
};

beforeAll(() => (cache = mkdtempSync(join(tmpdir(), 'starshipit-demo-restart-'))));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

test('a workflow, credential and execution made in the demo survive npm start again; templates are put back and run green; --fresh starts anew', async () => {
	// The first demo: the user builds a workflow, runs it, makes a credential and changes a template.
	let demo = await startDemo();
	let cookie: string;
	let mine: { id: string };
	let credential: { id: string };
	try {
		expect(demo.output()).toMatch(
			/Preparing n8n[\s\S]*importing the \d+ templates[\s\S]*Starting n8n/,
		);
		expect(demo.output()).toContain('npm start -- --fresh');
		expect(demo.output()).toContain(
			`WooCommerce store (a local stand-in): https://127.0.0.1:${WOO_PORT}`,
		);
		cookie = await logIn();
		// Template 8 at the first click, on a new machine: the store's sample order 4101 is completed, with its note.
		expect((await wooOrder(4101)).status).toBe('processing');
		expect(await clickTemplate8(cookie)).toBe('success');
		expect((await wooOrder(4101)).status).toBe('completed');
		mine = await rest(cookie, 'POST', '/workflows', MY_WORKFLOW);
		expect(await runFrom(cookie, mine.id, 'When clicking Execute workflow')).toBe('success');
		credential = await rest(cookie, 'POST', '/credentials', {
			name: 'My own Starshipit',
			type: 'starshipitApi',
			data: {
				apiKey: 'my-api-key-not-a-secret',
				subscriptionApiKey: 'my-subscription-key-not-a-secret',
				baseUrl: `http://127.0.0.1:${SANDBOX_PORT}`,
			},
		});
		const template = await rest(cookie, 'GET', '/workflows/starshipitTpl2');
		await rest(cookie, 'PATCH', '/workflows/starshipitTpl2', {
			versionId: template.versionId,
			name: 'Pattern 2, changed by the user',
		});
	} finally {
		expect(await stopDemo(demo)).toMatch(/n8n, the sandbox and the WooCommerce store have stopped/);
	}

	// npm start again: all of it is there; the changed template is back as shipped and runs green.
	demo = await startDemo();
	try {
		expect(demo.output()).toMatch(/Your demo is kept/);
		cookie = await logIn();
		expect((await rest(cookie, 'GET', `/workflows/${mine.id}`)).name).toBe(MY_WORKFLOW.name);
		expect((await executions(cookie, mine.id)).map((run) => run.status)).toEqual(['success']);
		const credentials = (await rest(cookie, 'GET', '/credentials')) as Array<{
			id: string;
			name: string;
		}>;
		expect(credentials.map((row) => row.id)).toEqual(
			expect.arrayContaining([credential.id, 'starshipitSandbox']),
		);
		expect((await rest(cookie, 'GET', '/workflows/starshipitTpl2')).name).toMatch(/^Starshipit 2:/);
		// The template's sample order was printed in the first demo's sandbox; this sandbox starts from its seed again.
		expect(await runFrom(cookie, 'starshipitTpl2', 'Test with sample data')).toBe('success');
		// The sandbox's page (the address the start printed) shows the order the template made, printed and manifested.
		expect(demo.output()).toContain(`Starshipit sandbox: http://127.0.0.1:${SANDBOX_PORT}/`);
		const page = await (await fetch(`http://127.0.0.1:${SANDBOX_PORT}/`)).text();
		expect(page).toMatch(/<tr data-order="ERP-2001">.*SSI\d+.*label PDF/);
		expect(page).toMatch(/<tr data-manifest="[^"]+">.*ERP-2001/);
		expect(await runFrom(cookie, mine.id, 'When clicking Execute workflow')).toBe('success');
		// The store starts from its sample orders again, and the credential and template 8 still reach it.
		expect((await wooOrder(4101)).status).toBe('processing');
		expect(await clickTemplate8(cookie)).toBe('success');
		expect((await wooOrder(4101)).status).toBe('completed');
	} finally {
		await stopDemo(demo);
	}

	// --fresh: the user's workflow is gone, the templates are there.
	demo = await startDemo(['--fresh']);
	try {
		expect(demo.output()).toMatch(/A fresh demo/);
		cookie = await logIn();
		const workflows = (await rest(cookie, 'GET', '/workflows')) as Array<{ id: string }>;
		expect(workflows.map((row) => row.id)).not.toContain(mine.id);
		expect(workflows.map((row) => row.id)).toContain('starshipitTpl2');
	} finally {
		await stopDemo(demo);
	}
}, 1_800_000);

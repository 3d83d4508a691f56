import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';

// Several n8n processes (queue-mode workers) share one key, and n8n gives them no shared store: each
// process paces itself. Here two real OS processes run the real transport against one rate-limited
// sandbox; adaptive pacing must bring them near the account's rate with few 429s.
const RATE = 2;
const ITEMS = 20;
let sandbox: Sandbox;
let trackingNumber: string;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: RATE });
	trackingNumber = String(sandbox.store.orders.find((order) => order.tracking_number)?.tracking_number);
});
afterAll(async () => await sandbox.close());

interface ProcessResult { items: number; error: string | null }

/** Starts one process with its own throttle; it loads n8n-core, says "ready", and waits for `go`. */
function startProcess(): { ready: Promise<void>; go: () => void; result: Promise<ProcessResult> } {
	const script = join(__dirname, 'lane-process.ts');
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script, sandbox.url, String(ITEMS), String(RATE), trackingNumber], {
		cwd: join(__dirname, '../..'),
		// Starshipit.node.json sits beside Starshipit.node.ts: without this, require finds the JSON first.
		env: { ...process.env, TS_NODE_PREFER_TS_EXTS: 'true' },
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	let output = '';
	let signalReady: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (signalReady = resolve));
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString();
		if (output.startsWith('ready\n')) signalReady();
	});
	const result = new Promise<ProcessResult>((resolve, reject) =>
		child.on('close', () => {
			signalReady();
			try {
				resolve(JSON.parse(output.trim().split('\n').pop() ?? '') as ProcessResult);
			} catch {
				reject(new Error(`the process printed no result:\n${output.slice(-2000)}`));
			}
		}),
	);
	return { ready, go: () => child.stdin.end('go\n'), result };
}

/** Runs the processes side by side, started together once all have loaded. */
async function runTogether(count: number): Promise<ProcessResult[]> {
	const processes = Array.from({ length: count }, startProcess);
	await Promise.all(processes.map((one) => one.ready));
	for (const one of processes) one.go();
	return await Promise.all(processes.map((one) => one.result));
}

test('two processes at the full rate on one key: every item done, few 429s', async () => {
	const before = sandbox.stats.rateLimited;
	const results = await runTogether(2);
	expect(results).toEqual([{ items: ITEMS, error: null }, { items: ITEMS, error: null }]);
	const answered = sandbox.requests.filter((request) => request.path === '/api/track' && request.status === 200);
	expect(answered).toHaveLength(2 * ITEMS);
	// Without adaptive pacing each process keeps sending at the full rate, twice what the account allows:
	// measured, 12 refusals for these 40 requests (each 429 pauses its process for the asked second). With it,
	// 4 to 5: the first collision, then one when a recovered share tries the full rate again.
	const refused = sandbox.stats.rateLimited - before;
	console.log(`two processes, ${2 * ITEMS} requests: ${refused} answered 429`);
	expect(refused).toBeLessThanOrEqual(8);
}, 120_000);

test('a process alone at the account’s rate is never refused', async () => {
	sandbox.setRateLimit(RATE);
	const before = sandbox.stats.rateLimited;
	expect(await runTogether(1)).toEqual([{ items: ITEMS, error: null }]);
	expect(sandbox.stats.rateLimited - before).toBe(0);
}, 120_000);

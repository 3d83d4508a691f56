/**
 * `npm run bench:cpu`: the node's own CPU per order for Order > Import of orders of 5 lines read from a list in the
 * input (Items From: A List in the Input). Runs through n8n's engine (the test harness's runNode) against the
 * sandbox started in a child process with no rate limit, so that the sandbox's CPU is not counted: this process's
 * CPU time (process.cpuUsage) around each run, after one warm-up run. Every line is checked in the sandbox afterwards.
 * Prints figures, never assertions.
 *
 * Each expression engine of n8n in turn: `legacy` (in this process; what the jest suites use) and `vm` (isolated-vm,
 * the default of n8n 2.x, which the real-n8n rows of `npm run bench` run). The vm engine needs Node 22 or later:
 * under an older Node the bench runs itself again with the Node of the n8n install that `npm run bench` uses.
 * Options: `--engine=legacy|vm`, `--orders=N`, `--lines=N`, `--runs=N`; `--fields=woo` maps every field from a
 * WooCommerce order (ten expressions an item instead of two); `--profile` profiles as many runs again and prints where
 * the CPU goes (bench/profile.ts), saving each profile in the system's temporary folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Expression, type IDataObject } from 'n8n-workflow';

import { installN8n } from '../test/e2e/n8n';
import { wooCommerceFields, wooCommerceOrder } from '../test/fixtures/shop-orders';
import { runNode } from '../test/harness/run-workflow';
import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from '../test/sandbox';
import { printSplit, splitProfile, type CpuProfile } from './profile';
import { lineItem, listImportFields, listOrders } from './workflows';

const text = (name: string) =>
	process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const option = (name: string, fallback: number) => Number(text(name) ?? fallback);
const ORDERS = option('orders', 1000);
const LINES = option('lines', 5);
const RUNS = option('runs', 5);
/** `--fields=woo`: every field mapped from a WooCommerce order as a builder maps it (ten expressions an item, as in the tests). */
const WOO = text('fields') === 'woo';
type Engine = 'legacy' | 'vm';
const ENGINES = (text('engine') ? [text('engine')] : ['legacy', 'vm']) as Engine[];

/** The sandbox in its own process (no rate limit): resolves with its URL once it prints it. */
function startSandboxProcess(): Promise<{ url: string; child: ChildProcess }> {
	const root = join(__dirname, '..');
	const child = spawn(
		process.execPath,
		[
			require.resolve('ts-node/dist/bin.js'),
			'--transpile-only',
			join(root, 'test/sandbox/cli.ts'),
			'--port',
			'0',
		],
		{ cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
	);
	return new Promise((resolve, reject) => {
		let said = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			said += chunk.toString();
			const url = /listening on (\S+)/.exec(said)?.[1];
			if (url) resolve({ url, child });
		});
		child.on('exit', (code) =>
			reject(new Error(`the sandbox exited (${code}) before it listened`)),
		);
	});
}

async function sandboxRequests(url: string): Promise<number> {
	const answer = (await (await fetch(`${url}/__sandbox/stats`)).json()) as {
		stats: { requests: number };
	};
	return answer.stats.requests;
}

type StoredOrder = {
	order_number: string;
	items?: Array<{ sku?: string; description?: string; quantity?: number; value?: number }>;
};

/** Every order the sandbox holds, read through its API after the measured runs (not counted in any figure). */
async function storedOrders(url: string): Promise<StoredOrder[]> {
	const all: StoredOrder[] = [];
	const headers = {
		'StarShipIT-Api-Key': SANDBOX_API_KEY,
		'Ocp-Apim-Subscription-Key': SANDBOX_SUBSCRIPTION_KEY,
	};
	for (let page = 1; ; page++) {
		const answer = (await (
			await fetch(`${url}/api/orders?status=All&page_size=500&page_number=${page}`, { headers })
		).json()) as { total_pages: number; data: { orders: StoredOrder[] } };
		all.push(...answer.data.orders);
		if (page >= answer.total_pages) return all;
	}
}

/** Of a run's orders: how many the sandbox holds with every line as sent, every line it holds, and how many it holds twice. */
function countStored(
	orders: StoredOrder[],
	prefix: string,
): { complete: number; lines: number; duplicates: number } {
	const mine = orders.filter((order) => order.order_number.startsWith(`${prefix}-`));
	const wanted = Array.from({ length: LINES }, (_, l) => lineItem(l));
	const exact = (order: StoredOrder) =>
		order.items?.length === LINES &&
		order.items.every(
			(item, l) =>
				item.sku === wanted[l].sku &&
				item.description === wanted[l].name &&
				item.quantity === wanted[l].quantity &&
				item.value === wanted[l].price,
		);
	const numbers = new Set(mine.map((order) => order.order_number));
	return {
		complete: new Set(mine.filter(exact).map((order) => order.order_number)).size,
		lines: mine.reduce((sum, order) => sum + (order.items?.length ?? 0), 0),
		duplicates: mine.length - numbers.size,
	};
}

/** n8n's expression engine, set up as n8n 2.40.7 starts it (its default settings: one isolate, no compile cache). */
async function useEngine(engine: Engine): Promise<void> {
	if (engine === 'vm')
		await Expression.initExpressionEngine({
			engine: 'vm',
			poolSize: 1,
			maxCodeCacheSize: 1024,
			bridgeTimeout: 5000,
			bridgeMemoryLimit: 128,
			lazyAcquire: false,
			compileCache: false,
		});
	Expression.setExpressionEngine(engine);
}

async function main() {
	const { url, child } = await startSandboxProcess();
	const credentials = {
		apiKey: SANDBOX_API_KEY,
		subscriptionApiKey: SANDBOX_SUBSCRIPTION_KEY,
		baseUrl: url,
		rateLimitTier: 'custom',
		customRateLimit: 100000,
		maxRetries: 3,
	};
	const parameters: IDataObject = {
		resource: 'order',
		operation: 'import',
		...(WOO ? wooCommerceFields : listImportFields),
	};
	const inputFor = (prefix: string) =>
		listOrders(prefix, ORDERS, LINES).map((order) =>
			WOO ? { ...wooCommerceOrder(order.number), line_items: order.line_items } : order,
		);
	const importRun = async (prefix: string) => {
		const input = inputFor(prefix);
		const before = await sandboxRequests(url);
		const cpu = process.cpuUsage();
		const started = process.hrtime.bigint();
		const { items, error, run } = await runNode({ parameters, input, credentials });
		const used = process.cpuUsage(cpu);
		const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
		if (error) throw new Error(`the import failed: ${error.message}`);
		const created = items.filter((item) => item.json.outcome === 'created').length;
		const nodeMs = run.data.resultData.runData.Starshipit?.[0]?.executionTime ?? 0;
		return {
			prefix,
			cpuMs: (used.user + used.system) / 1000,
			wallMs,
			nodeMs,
			created,
			requests: (await sandboxRequests(url)) - before,
		};
	};
	const results: Array<{
		engine: Engine;
		runs: Array<Awaited<ReturnType<typeof importRun>>>;
		profile?: CpuProfile;
	}> = [];
	try {
		for (const engine of ENGINES) {
			await useEngine(engine);
			await importRun(`${engine}-warm`);
			const runs = [];
			for (let index = 0; index < RUNS; index++) runs.push(await importRun(`${engine}${index}`));
			// Profiled apart, after the measured runs, so that the profiler's own cost is in no figure.
			let profile: CpuProfile | undefined;
			if (process.argv.includes('--profile')) {
				const session = new Session();
				session.connect();
				await session.post('Profiler.enable');
				await session.post('Profiler.setSamplingInterval', { interval: 100 });
				await session.post('Profiler.start');
				for (let index = 0; index < RUNS; index++) await importRun(`${engine}-profiled${index}`);
				profile = (await session.post('Profiler.stop')).profile as unknown as CpuProfile;
				session.disconnect();
			}
			results.push({ engine, runs, profile });
		}
		const stored = await storedOrders(url);
		const n = (value: number) => value.toLocaleString('en-US');
		const mapping = WOO
			? 'every field mapped from a WooCommerce order (10 expressions an item)'
			: 'the order number and the lines mapped (2 expressions an item), the address typed';
		console.log(
			`\nOrder > Import, ${n(ORDERS)} orders × ${LINES} lines from a list in the input, ${mapping}; through n8n's engine (test harness, Node ${process.versions.node}), sandbox in another process, no rate limit.`,
		);
		console.log(
			"CPU: this process's user + system time around a run (the Input node and n8n's engine included), after one warm-up run.\n",
		);
		console.log(
			"| Expressions | Run | Outcome created | Stored with every line | Lines stored | Failed | Duplicates | Requests | Wall (ms) | Node time (ms, n8n's record) | CPU (ms) | CPU per order (ms) |",
		);
		console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
		const medians = new Map<Engine, number>();
		for (const { engine, runs } of results) {
			runs.forEach((run, index) => {
				const held = countStored(stored, run.prefix);
				console.log(
					`| ${engine} | ${index + 1} | ${n(run.created)} | ${n(held.complete)} | ${n(held.lines)} | ${n(ORDERS - Math.min(run.created, held.complete))} | ${n(held.duplicates)} | ${run.requests} | ${run.wallMs.toFixed(0)} | ${run.nodeMs} | ${run.cpuMs.toFixed(0)} | ${(run.cpuMs / ORDERS).toFixed(3)} |`,
				);
			});
			const perOrder = runs.map((run) => run.cpuMs / ORDERS).sort((a, b) => a - b);
			medians.set(engine, perOrder[Math.floor(perOrder.length / 2)]);
		}
		console.log('');
		for (const { engine, runs } of results) {
			const perOrder = runs.map((run) => run.cpuMs / ORDERS).sort((a, b) => a - b);
			console.log(
				`CPU per order, ${engine} expressions: median ${(medians.get(engine) as number).toFixed(3)} ms (min ${perOrder[0].toFixed(3)}, max ${perOrder[perOrder.length - 1].toFixed(3)})`,
			);
		}
		for (const { engine, profile } of results) {
			if (!profile) continue;
			const file = join(tmpdir(), `bench-cpu-${engine}-${Date.now()}.cpuprofile`);
			writeFileSync(file, JSON.stringify(profile));
			console.log(
				`\n${engine} expressions: profile of ${RUNS} more runs; ms per order is each share of the median above. The profile (Chrome DevTools > Performance can open it): ${file}`,
			);
			printSplit(splitProfile(profile, 4), medians.get(engine));
		}
	} finally {
		child.kill('SIGTERM');
	}
}

/** The vm engine (isolated-vm) needs Node 22+: under an older Node, the bench runs again with the n8n install's Node. */
const major = Number(process.versions.node.split('.')[0]);
if (ENGINES.includes('vm') && major < 22) {
	const { node } = installN8n('2');
	console.log(
		`Node ${process.versions.node} cannot run n8n's vm expression engine: running with the Node of the pinned n8n's install.`,
	);
	const again = spawnSync(
		node,
		[
			require.resolve('ts-node/dist/bin.js'),
			'--transpile-only',
			'--prefer-ts-exts',
			__filename,
			...process.argv.slice(2),
		],
		{ stdio: 'inherit', cwd: join(__dirname, '..') },
	);
	process.exit(again.status ?? 1);
} else {
	void main()
		.then(() => process.exit(0))
		.catch((error: Error) => {
			console.error(error.message);
			process.exit(1);
		});
}

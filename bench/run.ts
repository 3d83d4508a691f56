/**
 * `npm run bench`: our node against n8n's HTTP Request node, in a real n8n, against the sandbox with
 * Starshipit's rate limits switched on. Prints one table. Figures, never assertions.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../test/sandbox';
import { parseRawOutput } from '../test/e2e/n8n';
import {
	cli,
	importSandboxCredential,
	prepareWorkspace,
	type Workspace,
} from '../test/e2e/workspace';
import {
	getAllWithHttpNode,
	getAllWithNode,
	importListWithNode,
	importWithHttpNode,
	importWithNode,
	lineItem,
	perItem,
} from './workflows';

/** Row labels as the README's Performance table words them. */
const PER_ITEM_JOB = 'Same GET per item, no limit (500 items)';
const thousands = (value: number) => value.toLocaleString('en-US');

interface Row {
	job: string;
	tool: string;
	wall: number;
	requests: number;
	limited: number;
	failed: number;
	duplicates: number;
	floor?: number;
	cpuPerItemMs?: number;
}

/** Runs one workflow with `n8n execute` and measures wall time and the CPU time n8n used (bash's `times`). */
async function execute(
	workspace: Workspace,
	id: string,
): Promise<{ cpu: number; nodeSeconds: number }> {
	const outFile = join(tmpdir(), `${id}.out`);
	const command = `"${workspace.install.node}" "${workspace.install.bin}" execute --id=${id} --rawOutput > "${outFile}"; times`;
	const output = await new Promise<string>((resolve) => {
		const child = spawn('bash', ['-c', command], { env: workspace.env });
		let text = '';
		child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
		child.on('close', () => resolve(text));
	});
	// `times` prints the shell's own times, then its children's: "0m1.234s 0m0.123s".
	const [, children] = output.trim().split('\n').slice(-2);
	const seconds = (children ?? '').split(' ').map((part) => {
		const [m, s] = part.replace('s', '').split('m');
		return Number(m) * 60 + Number(s);
	});
	return {
		cpu: (seconds[0] ?? 0) + (seconds[1] ?? 0),
		nodeSeconds: measuredNodeTime(readFileSync(outFile, 'utf8')),
	};
}

/** n8n's own record of how long the measured node (the last one) ran, from the run data. */
function measuredNodeTime(stdout: string): number {
	const run = parseRawOutput(stdout);
	const runData = (run.data?.resultData?.runData ?? {}) as Record<
		string,
		Array<{ executionTime: number }>
	>;
	const last = Object.values(runData).at(-1) ?? [];
	return last.reduce((sum, entry) => sum + entry.executionTime, 0) / 1000;
}

function countOrders(sandbox: Sandbox, prefix: string) {
	const numbers = sandbox.store.orders
		.map((order) => order.order_number)
		.filter((number) => number.startsWith(`${prefix}-`));
	return { created: new Set(numbers).size, duplicates: numbers.length - new Set(numbers).size };
}

/**
 * Orders of `lines` lines (bench/workflows.ts lineItem): `created` counts the orders the sandbox holds with every line
 * exactly as sent (description, SKU, quantity, value, in order), `lines` every line it holds for the run.
 */
function countOrdersWithLines(sandbox: Sandbox, prefix: string, lines: number) {
	const orders = sandbox.store.orders.filter((order) =>
		order.order_number.startsWith(`${prefix}-`),
	);
	const wanted = Array.from({ length: lines }, (_, l) => lineItem(l));
	const exact = (order: (typeof orders)[number]) => {
		const held = (order.items ?? []) as Array<Record<string, unknown>>;
		return (
			held.length === lines &&
			held.every(
				(item, l) =>
					item.sku === wanted[l].sku &&
					item.description === wanted[l].name &&
					item.quantity === wanted[l].quantity &&
					item.value === wanted[l].price,
			)
		);
	};
	const numbers = new Set(orders.map((order) => order.order_number));
	return {
		created: new Set(orders.filter(exact).map((order) => order.order_number)).size,
		duplicates: orders.length - numbers.size,
		lines: orders.reduce((sum, order) => sum + ((order.items ?? []) as unknown[]).length, 0),
	};
}

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	const workspace = await prepareWorkspace({ sandboxUrl: sandbox.url, port: 5695, rateLimit: 20 });
	const scratch = join(tmpdir(), 'starshipit-bench');
	const load = async (workflow: object) => {
		const file = `${scratch}-${(workflow as { id: string }).id}.json`;
		writeFileSync(file, JSON.stringify(workflow).split('BASE_URL').join(sandbox.url));
		await cli(workspace, ['import:workflow', `--input=${file}`]);
	};
	const credential = (rate: number) =>
		importSandboxCredential(workspace, { sandboxUrl: sandbox.url, rateLimit: rate, maxRetries: 6 });
	// What `n8n execute` itself costs in CPU (start-up), taken off every CPU figure so that rows compare node work.
	await load(perItem('baseline', 1, true));
	const baseline = await execute(workspace, 'baseline');
	const rows: Row[] = [];

	const notes: string[] = [];
	// `lines`: each order has that many lines, and an order counts as created only when every line is held as sent.
	const measure = async (
		job: string,
		tool: string,
		id: string,
		rate: number | null,
		floor: number,
		prefix?: string,
		items?: number,
		lines?: number,
	) => {
		sandbox.setRateLimit(rate);
		const before = { requests: sandbox.stats.requests, limited: sandbox.stats.rateLimited };
		const run = await execute(workspace, id);
		const counts: { created: number; duplicates: number; lines?: number } = prefix
			? lines
				? countOrdersWithLines(sandbox, prefix, lines)
				: countOrders(sandbox, prefix)
			: { created: 0, duplicates: 0 };
		if (lines && items && counts.lines !== undefined)
			notes.push(
				`${job}: ${thousands(counts.lines)} of ${thousands(items * lines)} lines stored, ${thousands(counts.created)} of ${thousands(items)} orders with every line as sent.`,
			);
		rows.push({
			job,
			tool,
			wall: run.nodeSeconds,
			requests: sandbox.stats.requests - before.requests,
			limited: sandbox.stats.rateLimited - before.limited,
			failed: prefix && items ? items - counts.created : 0,
			duplicates: counts.duplicates,
			floor,
			cpuPerItemMs: items ? (Math.max(0, run.cpu - baseline.cpu) * 1000) / items : undefined,
		});
	};

	for (const [count, rate] of [
		[1000, 20],
		[200, 2],
	] as const) {
		await credential(rate);
		const ours = `imp${count}n`;
		const theirs = `imp${count}h`;
		await load(importWithNode(ours, count));
		await load(importWithHttpNode(theirs, count, rate));
		await measure(
			`Import ${thousands(count)} @ ${rate}/s`,
			'Starshipit node (Order > Import)',
			ours,
			rate,
			Math.ceil(count / 50) / rate,
			ours,
			count,
		);
		await measure(
			`Import ${thousands(count)} @ ${rate}/s`,
			'HTTP Request node',
			theirs,
			rate,
			Math.ceil(count / 50) / rate,
			theirs,
			count,
		);
	}

	// Re-imports at the developer tier: the orders of the 1,000 import above, every one with a new street
	// (all exist: updated in bulk), then 1,000 of which the first 500 exist. The floor is the node's own
	// requests ÷ rate, as the issue defines it.
	await credential(2);
	const reimports = [
		{
			job: 'Re-import 1,000 orders that all exist @ 2/s',
			id: 'reimp1000',
			first: 0,
			street: '2 Again St',
		},
		{ job: 'Import 1,000, half exist @ 2/s', id: 'half1000', first: 500, street: '3 Half St' },
	];
	for (const { job, id, first, street } of reimports) {
		await load(importWithNode(id, 1000, { prefix: 'imp1000n', first, street }));
		const before = { requests: sandbox.stats.requests, limited: sandbox.stats.rateLimited };
		const run = await execute(workspace, id);
		const requests = sandbox.stats.requests - before.requests;
		const wanted = Array.from({ length: 1000 }, (_, n) => `imp1000n-${n + first}`);
		const held = wanted.map((number) =>
			sandbox.store.orders.filter((order) => order.order_number === number),
		);
		rows.push({
			job,
			tool: 'Starshipit node (Order > Import)',
			wall: run.nodeSeconds,
			requests,
			limited: sandbox.stats.rateLimited - before.limited,
			failed: held.filter(
				(copies) => copies.length !== 1 || copies[0].destination.street !== street,
			).length,
			duplicates: held.filter((copies) => copies.length > 1).length,
			floor: requests / 2,
		});
	}

	await credential(20);
	sandbox.seedBulkOrders(5000);
	await load(getAllWithNode('all5kn'));
	await load(getAllWithHttpNode('all5kh'));
	// Every order in the sandbox by then (the seed, the imports above and the 5,000), 500 per page.
	const pagesNeeded = Math.ceil(sandbox.store.orders.length / 500);
	const getMany = `Get Many, Return All, ${thousands(sandbox.store.orders.length)} orders @ 20/s`;
	await measure(getMany, 'Starshipit node', 'all5kn', 20, pagesNeeded / 20);
	await measure(getMany, 'HTTP Request node (its pagination)', 'all5kh', 20, pagesNeeded / 20);

	await credential(100000);
	await load(perItem('cpu500n', 500, false));
	await load(perItem('cpu500h', 500, true));
	await measure(PER_ITEM_JOB, 'Starshipit node', 'cpu500n', null, 0, undefined, 500);
	await measure(PER_ITEM_JOB, 'HTTP Request node', 'cpu500h', null, 0, undefined, 500);

	// Orders of 5 lines, the lines mapped with one list expression (Items From: A List in the Input). Run last so that
	// the Get Many row above counts the same orders as before; printed beside the other imports.
	await credential(20);
	await load(importListWithNode('imp1000x5', 1000, 5));
	await measure(
		'Import 1,000 orders × 5 lines @ 20/s',
		'Starshipit node (Order > Import, lines from a list)',
		'imp1000x5',
		20,
		Math.ceil(1000 / 50) / 20,
		'imp1000x5',
		1000,
		5,
	);
	const listRow = rows.pop() as Row;
	rows.splice(
		rows.findIndex((row) => row.job.startsWith('Import 200')),
		0,
		listRow,
	);

	console.log(
		`\nn8n ${workspace.install.dir.split('n8n-').pop()}, sandbox on loopback. Wall: the measured node's run time as n8n records it. CPU per item: n8n's CPU time minus a one-item run's (${baseline.cpu.toFixed(2)} s), divided by the items.\n`,
	);
	console.log(
		'| Job | Tool | Wall (s) | Requests | 429s | Failed items | Duplicates | Ratio to floor | CPU per item (ms) |',
	);
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const row of rows) {
		const ratio = row.floor ? (row.wall / row.floor).toFixed(2) : '—';
		const cpu =
			row.job === PER_ITEM_JOB && row.cpuPerItemMs !== undefined
				? row.cpuPerItemMs.toFixed(2)
				: '—';
		console.log(
			`| ${row.job} | ${row.tool} | ${row.wall.toFixed(1)} | ${thousands(row.requests)} | ${thousands(row.limited)} | ${thousands(row.failed)} | ${thousands(row.duplicates)} | ${ratio} | ${cpu} |`,
		);
	}
	for (const note of notes) console.log(`\n${note}`);
	await sandbox.close();
	process.exit(0);
}

void main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});

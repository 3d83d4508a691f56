/**
 * Splits a V8 CPU profile (`.cpuprofile`, from the inspector or `node --cpu-prof`) into where a node run's
 * CPU goes: n8n's parameter resolution, our validation, list reading, the comparison, JSON/HTTP, the rest.
 * Every sample with getNodeParameter on its stack is n8n's parameter resolution (expressions included);
 * otherwise the outermost frame of a category decides (validation called by the comparison is the comparison's).
 * `ts-node bench/profile.ts FILE [TOP] [--ours]` prints the split of a saved profile; bench/cpu.ts --profile prints it
 * too. `--ours` keeps only the samples with a frame of this package on their stack (garbage collection left out): for
 * a profile of a whole n8n process, e.g. `n8n execute` run with NODE_OPTIONS=--cpu-prof, where start-up is most of it.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
}
interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}
export interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	startTime: number;
	endTime: number;
}

const short = (url: string) =>
	url.replace(/.*node_modules\//, '').replace(/^file:\/\/.*?\/(nodes|test|bench)\//, '$1/');
const PARAMETERS = 'n8n parameter resolution (getNodeParameter, expressions)';
/** Checked from the root of a stack to its leaf: the first frame that matches one decides. */
const CATEGORIES: Array<[string, (frame: CallFrame) => boolean]> = [
	[
		'list reading (validation/lists.ts, order/lists.ts)',
		(frame) => /validation\/lists\.[jt]s|actions\/order\/lists\.[jt]s/.test(frame.url),
	],
	['comparison (order/compare.ts)', (frame) => /actions\/order\/compare\.[jt]s/.test(frame.url)],
	[
		'validation (zod, checks, order schema)',
		(frame) =>
			/validation\/(validate|checks|rules|read|countries)\.[jt]s|actions\/order\/schema\.[jt]s/.test(
				frame.url,
			) || /^zod\//.test(short(frame.url)),
	],
	[
		'harness (making and passing the test input items)',
		(frame) =>
			(/test\/harness\/(node-types|run-workflow)\.ts/.test(frame.url) &&
				/execute|runNode/.test(frame.functionName)) ||
			/\/bench\/[^/]+\.ts$/.test(frame.url),
	],
	[
		'JSON/HTTP',
		(frame) =>
			/nodes\/Starshipit\/transport\/|request-helper|^axios\/|^follow-redirects\/|^form-data\//.test(
				short(frame.url),
			),
	],
];
/** When no frame of a stack matches the categories: the first of these that any frame matches. */
const FALLBACKS: Array<[string, (frame: CallFrame) => boolean]> = [
	[
		'our node, other (building the order, outcomes)',
		(frame) => /nodes\/Starshipit\//.test(frame.url),
	],
	[
		'JSON/HTTP',
		(frame) =>
			/^node:/.test(frame.url) ||
			(frame.url === '' && /^(stringify|parse)$/.test(frame.functionName)),
	],
	['n8n engine, other', (frame) => /^n8n-(core|workflow)\//.test(short(frame.url))],
];

export interface Split {
	busy: number;
	idle: number;
	categories: Array<{ name: string; share: number; top: Array<{ name: string; share: number }> }>;
}

const OURS = /nodes\/Starshipit\//;

export function splitProfile(profile: CpuProfile, topCount = 5, onlyOurs = false): Split {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const hits = new Map<number, number>();
	for (const sample of profile.samples) hits.set(sample, (hits.get(sample) ?? 0) + 1);
	const byCategory = new Map<string, number>();
	const byFunction = new Map<string, Map<string, number>>();
	let busy = 0;
	let idle = 0;
	for (const [id, count] of hits) {
		const leaf = (byId.get(id) as ProfileNode).callFrame;
		if (leaf.functionName === '(idle)') {
			idle += count;
			continue;
		}
		const stack: CallFrame[] = [];
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
			stack.unshift((byId.get(at) as ProfileNode).callFrame);
		if (onlyOurs && !stack.some((frame) => OURS.test(frame.url))) continue;
		busy += count;
		let name: string | undefined;
		if (leaf.functionName === '(garbage collector)') name = 'garbage collector';
		else if (
			stack.some((frame) =>
				/^(_?getNodeParameter|ExecuteContext\.getNodeParameter)$/.test(frame.functionName),
			)
		)
			name = PARAMETERS;
		else
			name =
				stack.map((frame) => CATEGORIES.find(([, test]) => test(frame))?.[0]).find(Boolean) ??
				FALLBACKS.find(([, test]) => stack.some(test))?.[0];
		name ??= 'other (program, timers)';
		byCategory.set(name, (byCategory.get(name) ?? 0) + count);
		const functions = byFunction.get(name) ?? new Map<string, number>();
		const where = `${leaf.functionName || '(anonymous)'} ${short(leaf.url)}:${leaf.lineNumber + 1}`;
		functions.set(where, (functions.get(where) ?? 0) + count);
		byFunction.set(name, functions);
	}
	const categories = [...byCategory]
		.sort((a, b) => b[1] - a[1])
		.map(([name, count]) => ({
			name,
			share: count / busy,
			top: [...(byFunction.get(name) ?? [])]
				.sort((a, b) => b[1] - a[1])
				.slice(0, topCount)
				.map(([where, hitsOf]) => ({ name: where, share: hitsOf / busy })),
		}));
	return { busy, idle, categories };
}

export function printSplit(split: Split, perOrderMs?: number): void {
	console.log(`\n| Where the CPU goes | Share |${perOrderMs ? ' ms per order |' : ''}`);
	console.log(`|---|---|${perOrderMs ? '---|' : ''}`);
	for (const category of split.categories)
		console.log(
			`| ${category.name} | ${(category.share * 100).toFixed(1)}% |${perOrderMs ? ` ${(category.share * perOrderMs).toFixed(3)} |` : ''}`,
		);
	console.log(`\nBusiest functions (self time) in each (${split.busy} samples):`);
	for (const category of split.categories) {
		console.log(`  ${category.name}`);
		for (const line of category.top)
			console.log(`    ${(line.share * 100).toFixed(1).padStart(5)}%  ${line.name}`);
	}
}

if (require.main === module) {
	const [file, top] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
	printSplit(
		splitProfile(
			JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
			Number(top ?? 5),
			process.argv.includes('--ours'),
		),
	);
}

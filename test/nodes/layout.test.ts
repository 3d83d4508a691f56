import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';

/**
 * The folders' rules: an operation file (`*.operation.ts`) holds one operation's description and
 * `execute`, and is read only by its resource's `index.ts`. Shared code lives in modules named for
 * what they do (e.g. `actions/order/write/`), never in an operation file another file reaches into.
 * A resource folder (`actions/<resource>/`) reads another resource's folder only through its shared
 * modules, listed below; editor fields shared by resources sit in `descriptions/`, credential reads
 * in `transport/`, order reads in `actions/orderReads.ts`.
 */

const ROOT = resolve(__dirname, '../..');
const NODES = join(ROOT, 'nodes');

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** The files one file imports or re-exports from, relative imports only, resolved to a path without extension. */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [
		...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/g),
		...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
	];
	return specifiers
		.map((match) => match[1])
		.filter((specifier) => specifier.startsWith('.'))
		.map((specifier) => resolve(dirname(file), specifier).replace(/\.ts$/, ''));
}

const ACTIONS = join(NODES, 'Starshipit', 'actions');

/** The modules of a resource folder that other resources may read: the order's data, its rules and its write service. */
const SHARED = ['order/write/', 'order/rows', 'order/lists', 'order/schema', 'order/changes'];

/** Failed Request replays the other resources' writes: before a product create runs again, it reads the product's own checks. */
const REPLAY_READS = ['product/compare', 'product/fields', 'product/lookup'];

/** The resource folder (one with the resource's `index.ts`: `order`, `label`...) a path lies in; undefined elsewhere (`failures/`). */
function resourceOf(path: string): string | undefined {
	const inside = relative(ACTIONS, path).split(/[\\/]/);
	const isResource =
		inside.length > 1 && inside[0] !== '..' && existsSync(join(ACTIONS, inside[0], 'index.ts'));
	return isResource ? inside[0] : undefined;
}

function isShared(from: string, to: string): boolean {
	const target = relative(ACTIONS, to).split(/[\\/]/).join('/');
	const allowed = resourceOf(from) === 'failedRequest' ? [...SHARED, ...REPLAY_READS] : SHARED;
	return allowed.some((shared) =>
		shared.endsWith('/') ? target.startsWith(shared) : target === shared,
	);
}

const isOperation = (path: string) => /\.operation(\.ts)?$/.test(path);
const name = (path: string) => relative(ROOT, path).replace(/\.ts$/, '');

const edges = sourceFiles(NODES).flatMap((file) =>
	importsOf(file).map((target) => ({ from: file, to: target })),
);

describe('the layout of nodes/', () => {
	it('reads the import lines it checks (a parser that finds nothing would pass anything)', () => {
		const fromIndex = edges.filter(
			(edge) => edge.from.endsWith(join('actions', 'order', 'index.ts')) && isOperation(edge.to),
		);
		expect(fromIndex.length).toBeGreaterThan(10);
	});

	it('no operation file imports another operation file', () => {
		const crossings = edges
			.filter((edge) => isOperation(edge.from) && isOperation(edge.to))
			.map((edge) => `${name(edge.from)} imports ${name(edge.to)}`);
		expect(crossings).toEqual([]);
	});

	it("an operation file is imported only by its own resource's index.ts", () => {
		const reachedInto = edges
			.filter(
				(edge) =>
					isOperation(edge.to) &&
					!(edge.from.endsWith('index.ts') && dirname(edge.from) === dirname(edge.to)),
			)
			.map((edge) => `${name(edge.from)} imports ${name(edge.to)}`);
		expect(reachedInto).toEqual([]);
	});

	it("reads resource folders' imports of each other (else the next rule would pass anything)", () => {
		const across = edges.filter(
			(edge) => resourceOf(edge.from) === 'label' && resourceOf(edge.to) === 'order',
		);
		expect(across.length).toBeGreaterThan(3);
	});

	it("no resource folder imports another resource's folder except through its shared modules", () => {
		const crossings = edges
			.filter((edge) => {
				const [from, to] = [resourceOf(edge.from), resourceOf(edge.to)];
				return (
					from !== undefined && to !== undefined && from !== to && !isShared(edge.from, edge.to)
				);
			})
			.map((edge) => `${name(edge.from)} imports ${name(edge.to)}`);
		expect(crossings).toEqual([]);
	});
});

/** The two triggers share only through a module below both (nodes/shared/tracking/), never sideways. */
describe('the triggers share downward', () => {
	const WEBHOOK = join(NODES, 'StarshipitTrigger');
	const POLL = join(NODES, 'StarshipitPollTrigger');
	const inside = (path: string, folder: string) => path.startsWith(folder + sep);
	const crossings = (from: string, to: string) =>
		edges
			.filter((edge) => inside(edge.from, from) && inside(edge.to, to))
			.map((edge) => `${name(edge.from)} imports ${name(edge.to)}`);

	it('reads the import lines of both triggers (each reaches outside its folder)', () => {
		for (const folder of [WEBHOOK, POLL])
			expect(
				edges.filter((edge) => inside(edge.from, folder) && !inside(edge.to, folder)).length,
			).toBeGreaterThan(0);
	});

	it("the poll trigger imports nothing from the webhook trigger's folder", () => {
		expect(crossings(POLL, WEBHOOK)).toEqual([]);
	});

	it("the webhook trigger imports nothing from the poll trigger's folder", () => {
		expect(crossings(WEBHOOK, POLL)).toEqual([]);
	});
});

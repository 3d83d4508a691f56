/**
 * Issue 23: Starshipit documents 40 operations (the strict sandbox's reference, test/sandbox/strict/reference.ts,
 * holds them as data: 41 entries, GET /api/orders read two ways). Every one must be called by the node's code
 * through a named endpoint of nodes/Starshipit/transport/api-reference.ts, or sit in NOT_YET below, by name.
 * A new documented endpoint, an endpoint whose caller is removed, or one that gets a caller while still listed
 * here fails the test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

import { ENDPOINTS } from '../../nodes/Starshipit/transport/api-reference';
import { REFERENCE } from '../sandbox/strict/reference';

/** Documented operations the node does not call yet, by `METHOD path`. Remove a line when its operation lands. */
const NOT_YET: string[] = [];

const ROOT = join(__dirname, '..', '..');
const SOURCE_FOLDERS = ['nodes', 'credentials'];
const ENDPOINT_TABLE = join('nodes', 'Starshipit', 'transport', 'api-reference.ts');

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** Every string literal in the node's code outside the endpoint table (comments do not count: they are no caller). */
function stringLiteralsInNodeCode(): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const file of SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)))) {
		const name = relative(ROOT, file);
		if (name === ENDPOINT_TABLE) continue;
		const visit = (node: ts.Node) => {
			if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
				found.set(node.text, [...(found.get(node.text) ?? []), name]);
			ts.forEachChild(node, visit);
		};
		visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
	}
	return found;
}

const documented = [...new Set(REFERENCE.map((endpoint) => `${endpoint.method} ${endpoint.path}`))];
const endpointNameOf = (operation: string) =>
	Object.entries(ENDPOINTS).find(
		([, endpoint]) => `${endpoint.method} ${endpoint.path}` === operation,
	)?.[0];
const literals = stringLiteralsInNodeCode();
const callersOf = (operation: string) => {
	const name = endpointNameOf(operation);
	return name ? (literals.get(name) ?? []) : [];
};

describe('the whole documented API', () => {
	test('the reference holds the 40 operations Starshipit documents', () => {
		expect(documented).toHaveLength(40);
	});

	test('every documented operation has a caller in the node, or is listed as not yet covered', () => {
		const uncovered = documented.filter(
			(operation) => !NOT_YET.includes(operation) && callersOf(operation).length === 0,
		);
		expect(uncovered).toEqual([]);
	});

	test('the not-yet list holds only documented operations that still have no caller (remove a line when its operation lands)', () => {
		expect(NOT_YET.filter((operation) => !documented.includes(operation))).toEqual([]);
		expect(NOT_YET.filter((operation) => callersOf(operation).length > 0)).toEqual([]);
	});

	test('every path the node can call is a documented one', () => {
		const undocumented = Object.entries(ENDPOINTS)
			.filter(([, endpoint]) => !documented.includes(`${endpoint.method} ${endpoint.path}`))
			.map(([name]) => name);
		expect(undocumented).toEqual([]);
	});
});

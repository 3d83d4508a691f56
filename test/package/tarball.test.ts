/**
 * What `npm pack` puts in the tarball: dist/, the package's main (index.js), README.md, LICENSE.md, CHANGELOG.md and
 * package.json, nothing else; no source map (the build emits none, and files excludes any left in dist/).
 * Builds the package first when dist/ is missing (`npm ci && npm test` on a fresh clone).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import packageJson from '../../package.json';

const REPO = resolve(__dirname, '../..');

describe('the packed tarball', () => {
	let files: string[];
	beforeAll(() => {
		if (!existsSync(resolve(REPO, 'dist', 'nodes')))
			execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'ignore' });
		const [pack] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: REPO,
				encoding: 'utf8',
			}),
		) as Array<{ files: Array<{ path: string }> }>;
		files = pack.files.map((file) => file.path).sort();
	}, 180_000);

	test('holds only dist/, index.js (main), README.md, LICENSE.md, CHANGELOG.md and package.json', () => {
		expect(packageJson.main).toBe('index.js');
		const topLevel = [
			...new Set(files.map((file) => (file.startsWith('dist/') ? 'dist/' : file))),
		].sort();
		expect(topLevel).toEqual([
			'CHANGELOG.md',
			'LICENSE.md',
			'README.md',
			'dist/',
			'index.js',
			'package.json',
		]);
	});

	test('holds no source map', () => {
		expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
	});

	test('holds every node and credential that package.json’s n8n block lists', () => {
		for (const entry of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials])
			expect(files).toContain(entry);
	});

	test('the build emits no source maps (tsconfig.build.json)', () => {
		const config = JSON.parse(
			execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--showConfig'], {
				cwd: REPO,
				encoding: 'utf8',
			}),
		) as { compilerOptions: Record<string, unknown> };
		expect(config.compilerOptions.sourceMap).toBe(false);
		expect(config.compilerOptions.declarationMap ?? false).toBe(false);
		expect(config.compilerOptions.inlineSourceMap ?? false).toBe(false);
	});
});

/**
 * `npm run scan`: n8n's own community-package scanner (@n8n/scan-community-package) on this package, before it is
 * published. Its CLI only scans a published <package>@<version> (provenance, then the attested source commit, then
 * the tarball); this runs the same two analysis legs here with the functions the scanner exports:
 *   - the source tree: analyzePackage(repository, SOURCE_FILE_PATTERNS): package.json, nodes/, credentials/;
 *   - the tarball: `npm pack` into a temporary folder, unpacked, analyzePackage(folder, ['**\/*.js', 'package.json']).
 * Inline eslint-disable comments are ignored, as in the scanner. The scanner fails on errors only; this also runs
 * the scanner's ESLint configuration (buildScanConfig) itself to print warnings, and fails on any finding.
 * Needs `npm run build` first (the tarball ships dist/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint as ESLintClass, Linter } from 'eslint';

const ROOT = resolve(__dirname, '..');

interface Analysis {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(packageDir: string, filePatterns?: string[]): Promise<Analysis>;
	buildScanConfig(): Promise<Linter.Config[]>;
	SOURCE_FILE_PATTERNS: string[];
}

// The scanner is an ES module; TypeScript compiles import() to require() under "module": "commonjs".
const importModule = new Function('specifier', 'return import(specifier)') as (
	specifier: string,
) => Promise<unknown>;

const SCANNER_PATH = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs', {
	paths: [ROOT],
});
// ESLint and fast-glob as the scanner resolves them.
const scannerRequire = createRequire(SCANNER_PATH);

interface Leg {
	name: string;
	dir: string;
	patterns: string[];
}

/** Every message (errors and warnings) the scanner's configuration gives on a leg's files. */
async function findings(
	scanner: Scanner,
	leg: Leg,
): Promise<{ count: number; files: number; report: string }> {
	const { ESLint } = scannerRequire('eslint') as { ESLint: typeof ESLintClass };
	const glob = scannerRequire('fast-glob') as {
		sync(patterns: string[], options: object): string[];
	};
	const eslint = new ESLint({
		cwd: leg.dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = glob.sync(leg.patterns, {
		cwd: leg.dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	const count = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
	const report = count > 0 ? await (await eslint.loadFormatter('stylish')).format(results) : '';
	return { count, files: files.length, report };
}

/** `npm pack` of the working tree, unpacked into a temporary folder: what npm would publish. */
function packAndUnpack(work: string): string {
	const packDir = join(work, 'pack');
	const unpacked = join(work, 'package');
	mkdirSync(packDir);
	mkdirSync(unpacked);
	execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(packDir).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack made no tarball');
	execFileSync('tar', ['-xzf', join(packDir, tarball), '-C', unpacked, '--strip-components=1']);
	return unpacked;
}

async function main(): Promise<void> {
	if (!existsSync(join(ROOT, 'dist'))) {
		console.error('scan: no dist/ folder: run `npm run build` first (the tarball ships dist/).');
		process.exitCode = 1;
		return;
	}
	const scanner = (await importModule(pathToFileURL(SCANNER_PATH).href)) as Scanner;
	const work = mkdtempSync(join(tmpdir(), 'starshipit-scan-'));
	let total = 0;
	try {
		const legs: Leg[] = [
			{
				name: 'source tree (package.json, nodes/, credentials/)',
				dir: ROOT,
				patterns: scanner.SOURCE_FILE_PATTERNS,
			},
			{
				name: 'packed tarball (its .js files and package.json)',
				dir: packAndUnpack(work),
				patterns: ['**/*.js', 'package.json'],
			},
		];
		for (const leg of legs) {
			const verdict = await scanner.analyzePackage(leg.dir, leg.patterns);
			const found = await findings(scanner, leg);
			const failed = !verdict.passed || found.count > 0;
			total += Math.max(found.count, verdict.passed ? 0 : 1);
			console.log(
				`${failed ? '✗' : '✓'} ${leg.name}: ${found.files} files, ${found.count} findings${verdict.passed ? '' : ` (scanner: ${verdict.message})`}`,
			);
			const report = found.report || verdict.details || '';
			if (report)
				console.log(report.split(leg.dir + '/').join(leg.dir === ROOT ? '' : `<tarball>/`));
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	console.log(total === 0 ? 'scan: 0 findings' : `scan: ${total} findings`);
	if (total > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});

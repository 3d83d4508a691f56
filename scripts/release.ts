/**
 * `npm run release -- <patch|minor|major|x.y.z> [--dry-run]`: bumps the version and pushes the tag v<version>;
 * .github/workflows/publish.yml then publishes that tag to npm with provenance (nothing is published from here).
 *
 * Refuses unless the work tree is clean, the branch is main, and CHANGELOG.md already has a section for the new
 * version (rename "## Unreleased" to "## <version> - <date>" and commit that first).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** The version a bump gives: patch, minor, major, or an explicit x.y.z above the current one. */
export function nextVersion(current: string, bump: string): string | undefined {
	const parse = (version: string) => /^(\d+)\.(\d+)\.(\d+)$/.exec(version)?.slice(1).map(Number);
	const now = parse(current);
	if (!now) return undefined;
	const [major, minor, patch] = now;
	if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
	if (bump === 'minor') return `${major}.${minor + 1}.0`;
	if (bump === 'major') return `${major + 1}.0.0`;
	const wanted = parse(bump);
	if (!wanted) return undefined;
	for (let index = 0; index < 3; index++)
		if (wanted[index] !== now[index]) return wanted[index] > now[index] ? bump : undefined;
	return undefined;
}

/** Whether CHANGELOG.md has a heading for the version ("## 0.2.0", "## [0.2.0] - 2026-12-06"). */
export function changelogHasVersion(changelog: string, version: string): boolean {
	const escaped = version.replace(/\./g, '\\.');
	return new RegExp(`^##\\s+\\[?v?${escaped}\\]?(\\s|$)`, 'm').test(changelog);
}

function git(...args: string[]): string {
	return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

function run(dryRun: boolean, command: string, args: string[]): void {
	console.log(`${dryRun ? '(dry run) ' : ''}$ ${command} ${args.join(' ')}`);
	if (!dryRun) execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
}

function main(): void {
	const args = process.argv.slice(2);
	const dryRun = args.includes('--dry-run');
	const bump = args.find((arg) => !arg.startsWith('--'));
	const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
		version: string;
	};
	const version = bump ? nextVersion(pkg.version, bump) : undefined;
	const problems: string[] = [];
	if (!version)
		problems.push(
			`usage: npm run release -- <patch|minor|major|x.y.z above ${pkg.version}> [--dry-run]`,
		);
	if (git('status', '--porcelain') !== '')
		problems.push('the work tree has uncommitted changes: commit or stash them first');
	const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
	if (branch !== 'main') problems.push(`releases are made from main, not ${branch}`);
	if (
		version &&
		!changelogHasVersion(readFileSync(resolve(ROOT, 'CHANGELOG.md'), 'utf8'), version)
	) {
		problems.push(
			`CHANGELOG.md has no section for ${version}: rename "## Unreleased" to "## ${version} - <date>" and commit it`,
		);
	}
	if (problems.length > 0 || !version) {
		for (const problem of problems) console.error(`release: ${problem}`);
		process.exitCode = 1;
		return;
	}
	// npm version commits package.json and package-lock.json and tags the commit v<version>.
	run(dryRun, 'npm', ['version', version, '--message', 'Release v%s']);
	run(dryRun, 'git', ['push', '--atomic', 'origin', 'HEAD', `refs/tags/v${version}`]);
	console.log(
		`Pushed v${version}: .github/workflows/publish.yml publishes it to npm with provenance.`,
	);
}

if (require.main === module) main();

/**
 * The README's "install from this repository" commands, run as they are written: the end-to-end suite, the
 * demo and the benchmark install the packed package into their n8n user folder with exactly these lines, so
 * the route the README gives a user is the one tested.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const START = '<!-- install-from-tarball:start -->';
const END = '<!-- install-from-tarball:end -->';

/** The shell lines of the README's tarball route (comments dropped), in order. */
export function readmeInstallLines(repo: string): string[] {
	const readme = readFileSync(join(repo, 'README.md'), 'utf8');
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start)
		throw new Error(
			`README.md has no ${START} … ${END} block: the install route it documents cannot be tested`,
		);
	return readme
		.slice(start + START.length, end)
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('```') && !line.startsWith('#'));
}

/**
 * Runs the README's lines after the build (the caller has packed the package already, with `npm pack`) in the
 * tarball's folder, with HOME at the n8n user folder, so `~/.n8n/nodes` is that folder's. npm keeps the real
 * user's configuration and cache.
 */
export function installAsReadmeSays(repo: string, tarball: string, userFolder: string): void {
	const lines = readmeInstallLines(repo);
	const build = lines.findIndex((line) => /\bnpm pack\b/.test(line));
	if (build < 0) throw new Error('The README’s install route does not pack the package (npm pack)');
	const script = ['set -euo pipefail', ...lines.slice(build + 1)].join('\n');
	const realHome = homedir();
	execFileSync('bash', ['-c', script], {
		cwd: dirname(tarball),
		env: {
			...process.env,
			HOME: userFolder,
			npm_config_userconfig: process.env.npm_config_userconfig ?? join(realHome, '.npmrc'),
			npm_config_cache: process.env.npm_config_cache ?? join(realHome, '.npm'),
			npm_config_audit: 'false',
			npm_config_fund: 'false',
		},
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

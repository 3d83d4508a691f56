/**
 * Debian's headless Chromium for the browser tests (driven by playwright-core, as scripts/screenshot.ts does).
 * Installed with apt-get when missing and we are root (CI), as the queue suite installs Postgres; otherwise the test
 * fails at once with what to install, never waits for a browser that is not there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = () => process.getuid?.() === 0;

/** The path of a Chromium to drive, installing Debian's `chromium` package first when it is missing and we may. */
export function ensureChromium(): string {
	if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
	const install = 'apt-get install -y chromium';
	if (process.env.CHROMIUM_PATH || !isRoot() || !existsSync('/usr/bin/apt-get')) {
		throw new Error(
			`The browser test needs Chromium at ${CHROMIUM_PATH}, and there is none: install it (${install}) or set CHROMIUM_PATH to a Chromium or Chrome binary`,
		);
	}
	process.stderr.write("[browser] installing chromium from Debian's packages (once)\n");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	// Bounded, so that a stuck mirror fails the test with apt-get's own message instead of holding CI.
	execFileSync('apt-get', ['update'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env,
		timeout: 300_000,
	});
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env,
		timeout: 600_000,
	});
	if (!existsSync(CHROMIUM_PATH))
		throw new Error(`apt-get installed chromium, but there is no ${CHROMIUM_PATH}`);
	return CHROMIUM_PATH;
}

/** A headless Chromium; gives up after a minute with playwright's reason rather than hanging. */
export async function launchChromium(): Promise<Browser> {
	return await chromium.launch({
		executablePath: ensureChromium(),
		args: ['--no-sandbox'],
		timeout: 60_000,
	});
}

/**
 * A real n8n with this package installed the way a user's community install does it, for the
 * end-to-end suite, the demo and the benchmark. Nothing here is mocked: n8n's own CLI and server.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { installAsReadmeSays } from './readme-install';

export const REPO = resolve(__dirname, '../..');
export const ENCRYPTION_KEY = 'starshipit-e2e-encryption-key-not-a-secret';

export interface N8nInstall {
	dir: string;
	node: string;
	bin: string;
}

/** Installs the pinned n8n once into a cache folder outside the repository (line '2' or '1'). */
export function installN8n(line = process.env.N8N_LINE ?? '2'): N8nInstall {
	const dir = execFileSync('bash', [join(__dirname, 'install-n8n.sh'), line], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.trim()
		.split('\n')
		.pop() as string;
	return { dir, node: join(dir, 'node'), bin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

/** `npm pack` of the built package: what a user gets from the registry. */
export function packPackage(destination: string): string {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], {
		cwd: REPO,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(destination).find(
		(name) => name.startsWith('n8n-nodes-starshipit-') && name.endsWith('.tgz'),
	);
	if (!tarball) throw new Error('npm pack made no tarball');
	return join(destination, tarball);
}

/** A fresh n8n user folder with the package installed under .n8n/nodes, by the README's own install commands. */
export function createUserFolder(
	tarball: string,
	folder = mkdtempSync(join(tmpdir(), 'n8n-starshipit-')),
): string {
	installAsReadmeSays(REPO, tarball, folder);
	if (
		!existsSync(
			join(folder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-starshipit', 'package.json'),
		)
	) {
		throw new Error(
			'The README’s install commands ran but did not install n8n-nodes-starshipit under ~/.n8n/nodes/node_modules',
		);
	}
	return folder;
}

export function n8nEnvironment(userFolder: string, port: number): NodeJS.ProcessEnv {
	// Jest sets NODE_ENV=test, under which n8n's CLI quietly does nothing: run it as a user does.
	const { NODE_ENV: _testEnv, JEST_WORKER_ID: _worker, ...inherited } = process.env;
	return {
		...inherited,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		// info: the CLI reports a failed execution at this level only.
		N8N_LOG_LEVEL: 'info',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// n8n 1.123's default expression engine runs in isolated-vm, which needs Node 22+; on this
		// machine's Node 20 the 1.x line uses n8n's own legacy engine (n8n 2.x here runs on Node 24).
		...(process.env.N8N_LINE === '1' ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		NODE_OPTIONS: '',
	};
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs one n8n CLI command to its end. */
export function runCli(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	args: string[],
): Promise<CliResult> {
	return new Promise((done) => {
		const child = spawn(install.node, [install.bin, ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('close', (code) => done({ code, stdout, stderr }));
	});
}

/** `n8n execute --rawOutput` prints logs, then the run data as JSON: take the JSON. */
export function parseRawOutput(stdout: string): any {
	// The JSON starts on the first line that opens an object and ends on the last line that closes one.
	const start = stdout.startsWith('{') ? 0 : stdout.indexOf('\n{') + 1;
	const end = stdout.lastIndexOf('\n}') + 2;
	try {
		return JSON.parse(stdout.slice(start, end));
	} catch {
		throw new Error(`n8n printed no run data:\n${stdout.slice(-3000)}`);
	}
}

/** Starts `n8n start` and waits until /healthz answers. */
export async function startServer(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	timeoutMs = 180_000,
	onSpawn?: (child: ChildProcess) => void,
): Promise<ChildProcess> {
	const child = spawn(install.node, [install.bin, 'start'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	// The caller can stop n8n while it is still starting (the demo on Ctrl+C).
	onSpawn?.(child);
	let log = '';
	child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n stopped while starting:\n${log.slice(-3000)}`);
		try {
			// /healthz answers early; the REST routes (and active workflows' webhooks) come a little later.
			const answer = await fetch(`http://127.0.0.1:${env.N8N_PORT}/rest/settings`);
			if (answer.ok && (answer.headers.get('content-type') ?? '').includes('json')) return child;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error(`n8n did not start within ${timeoutMs / 1000} s:\n${log.slice(-3000)}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const ended = new Promise((resolve) => child.on('exit', resolve));
	child.kill('SIGTERM');
	await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 15_000))]);
	if (child.exitCode === null) child.kill('SIGKILL');
}

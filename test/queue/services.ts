/**
 * Postgres and Redis for queue mode, from Debian's packages, each on loopback on a free port with its
 * data in a temporary folder, and stopped again by `stop()`. Installed with apt-get when missing (CI runs
 * as root). Postgres refuses to run as root, so it runs as the unprivileged `postgres` user there.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Services {
	postgres: { port: number; database: string; user: string };
	redis: { port: number };
	/** Runs one SQL statement against n8n's database; rows as tab-separated lines. */
	sql(statement: string): string;
	stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;
const log = (text: string) => process.stderr.write(`[queue] ${text}\n`);

/** A port that was free a moment ago on loopback. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

const hasCommand = (name: string) => {
	try {
		execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
};

/** apt-get update once, then install what is missing (Debian's postgresql and redis-server). */
export function ensureInstalled(): void {
	const missing = [
		...(postgresBin() ? [] : ['postgresql']),
		...(hasCommand('redis-server') ? [] : ['redis-server']),
	];
	if (!missing.length) return;
	if (!isRoot())
		throw new Error(
			`Queue mode needs ${missing.join(' and ')}: install them (apt-get install -y ${missing.join(' ')}) or run as root`,
		);
	log(`installing ${missing.join(', ')} from Debian's packages`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env,
	});
}

/** Runs a Postgres tool as the `postgres` user when we are root (Postgres refuses root). */
function asPostgres(bin: string, tool: string, args: string[]): string {
	const [command, commandArgs] = isRoot()
		? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
		: [join(bin, tool), args];
	return execFileSync(command, commandArgs, {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

export async function startServices(): Promise<Services> {
	ensureInstalled();
	const bin = postgresBin();
	if (!bin)
		throw new Error(
			'Postgres was installed but its initdb was not found under /usr/lib/postgresql',
		);
	const folder = mkdtempSync(join(tmpdir(), 'starshipit-queue-'));
	const stops: Array<() => Promise<void> | void> = [
		() => rmSync(folder, { recursive: true, force: true }),
	];
	const stop = async () => {
		for (const one of stops.reverse()) await Promise.resolve(one()).catch(() => undefined);
	};
	try {
		const pgPort = await freePort();
		const data = join(folder, 'postgres');
		if (isRoot())
			chownSync(
				folder,
				Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
				Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
			);
		asPostgres(bin, 'initdb', [
			'-D',
			data,
			'-U',
			'postgres',
			'--auth=trust',
			'-E',
			'UTF8',
			'--no-sync',
		]);
		const options = `-p ${pgPort} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
		asPostgres(bin, 'pg_ctl', [
			'-D',
			data,
			'-l',
			join(folder, 'postgres.log'),
			'-o',
			options,
			'-w',
			'start',
		]);
		stops.push(() => void asPostgres(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']));
		asPostgres(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', 'n8n']);
		log(`Postgres on 127.0.0.1:${pgPort}`);

		const redisPort = await freePort();
		const redis: ChildProcess = spawn(
			'redis-server',
			[
				'--port',
				String(redisPort),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				folder,
			],
			{ stdio: 'ignore' },
		);
		stops.push(() => stopChild(redis));
		await waitUntil(() => redisAnswers(redisPort), 'Redis to start', 30_000);
		log(`Redis on 127.0.0.1:${redisPort}`);

		const psql = join(bin, 'psql');
		return {
			postgres: { port: pgPort, database: 'n8n', user: 'postgres' },
			redis: { port: redisPort },
			sql: (statement) =>
				execFileSync(
					psql,
					[
						'-h',
						'127.0.0.1',
						'-p',
						String(pgPort),
						'-U',
						'postgres',
						'-d',
						'n8n',
						'-At',
						'-F',
						'\t',
						'-c',
						statement,
					],
					{ encoding: 'utf8' },
				).trim(),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

function redisAnswers(port: number): boolean {
	try {
		return (
			execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).trim() === 'PONG'
		);
	} catch {
		return false;
	}
}

export async function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const ended = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, graceMs))]);
	if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function waitUntil(
	condition: () => boolean | Promise<boolean>,
	what: string,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline)
			throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

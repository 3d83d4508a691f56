/**
 * n8n in queue mode with the packed package: one main (receives webhooks, runs pollers) and N
 * `n8n worker` processes (run the executions), sharing Postgres and Redis. Ports 5740-5769.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	createUserFolder,
	installN8n,
	n8nEnvironment,
	packPackage,
	REPO,
	startServer,
	type N8nInstall,
} from '../e2e/n8n';
import {
	cli,
	importSandboxCredential,
	ownerEnvironment,
	type WebhookGuards,
} from '../e2e/workspace';
import { stopChild, waitUntil, type Services } from './services';

export const MAIN_PORT = 5740;
/** Worker i (0-based) takes 5750 + 3i (its unused web port), the next (task runner broker) and the one after (health check). */
const WORKER_PORT_BASE = 5750;
export const OWNER = { email: 'queue@example.com', password: 'Queue-password-1' };

export interface Worker {
	index: number;
	child: ChildProcess;
	/** Everything the worker printed: n8n logs "Worker started execution <id>" for each one it runs. */
	log: () => string;
}

export interface Cluster {
	install: N8nInstall;
	mainEnv: NodeJS.ProcessEnv;
	base: string;
	main?: ChildProcess;
	workers: Worker[];
	startMain(): Promise<void>;
	startWorkers(count: number, concurrency: number): Promise<void>;
	stopWorkers(): Promise<void>;
	stop(): Promise<void>;
}

export interface ClusterOptions {
	services: Services;
	sandboxUrl: string;
	/** The credential's Custom rate (requests per second). */
	rateLimit: number;
	/** Workflow JSON objects to import and publish before main starts. */
	workflows: Array<{ id: string }>;
	/** What the "Starshipit webhook (sandbox)" credential holds, for workflows with the Starshipit Trigger (none: not imported). */
	webhook?: WebhookGuards;
}

/** What every process of one installation needs: the same database, queue and encryption key. */
function queueEnvironment(userFolder: string, port: number, services: Services): NodeJS.ProcessEnv {
	return {
		...n8nEnvironment(userFolder, port),
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_DATABASE: services.postgres.database,
		DB_POSTGRESDB_USER: services.postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		N8N_RUNNERS_ENABLED: 'true',
	};
}

/** Packs the package, installs it into a user folder, imports the credentials and workflows, publishes them. */
export async function prepareCluster(options: ClusterOptions): Promise<Cluster> {
	if (!existsSync(join(REPO, 'dist', 'nodes')))
		throw new Error('Build the package first: npm run build');
	const install = installN8n('2');
	const scratch = mkdtempSync(join(tmpdir(), 'starshipit-queue-n8n-'));
	const userFolder = createUserFolder(packPackage(scratch), join(scratch, 'main'));
	const mainEnv = {
		...queueEnvironment(userFolder, MAIN_PORT, options.services),
		...ownerEnvironment(install, OWNER),
	};
	const workspace = { install, env: mainEnv };
	await importSandboxCredential(
		workspace,
		{ sandboxUrl: options.sandboxUrl, rateLimit: options.rateLimit, maxRetries: 4 },
		options.webhook,
	);
	const file = join(scratch, 'workflows.json');
	writeFileSync(file, JSON.stringify(options.workflows));
	await cli(workspace, ['import:workflow', `--input=${file}`]);
	for (const workflow of options.workflows)
		await cli(workspace, ['publish:workflow', `--id=${workflow.id}`]);

	const cluster: Cluster = {
		install,
		mainEnv,
		base: `http://127.0.0.1:${MAIN_PORT}`,
		workers: [],
		async startMain() {
			cluster.main = await startServer(install, mainEnv, 300_000);
			// The REST API answers a few seconds before main has registered the published workflows' webhooks.
			const registered = () =>
				Number(options.services.sql('SELECT count(DISTINCT "workflowId") FROM webhook_entity'));
			await waitUntil(
				() => registered() >= options.workflows.length,
				'main to register the webhooks',
				120_000,
			);
		},
		async startWorkers(count, concurrency) {
			const started = Array.from({ length: count }, (_, index) =>
				startWorker(install, options.services, userFolder, scratch, index, concurrency),
			);
			const results = await Promise.allSettled(started);
			for (const result of results)
				if (result.status === 'fulfilled') cluster.workers.push(result.value);
			const failed = results.find((result) => result.status === 'rejected');
			if (failed) throw (failed as PromiseRejectedResult).reason;
		},
		async stopWorkers() {
			await Promise.all(cluster.workers.map((worker) => stopChild(worker.child)));
			cluster.workers = [];
		},
		async stop() {
			await cluster.stopWorkers();
			if (cluster.main) await stopChild(cluster.main);
			rmSync(scratch, { recursive: true, force: true });
		},
	};
	return cluster;
}

/** `n8n worker` with its own copy of the user folder (the installed package), ports and concurrency. */
async function startWorker(
	install: N8nInstall,
	services: Services,
	userFolder: string,
	scratch: string,
	index: number,
	concurrency: number,
): Promise<Worker> {
	const folder = join(scratch, `worker-${index}`);
	if (!existsSync(folder)) cpSync(userFolder, folder, { recursive: true });
	const port = WORKER_PORT_BASE + 3 * index;
	const healthPort = port + 2;
	const env = {
		...queueEnvironment(folder, port, services),
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
	};
	const child = spawn(install.node, [install.bin, 'worker', `--concurrency=${concurrency}`], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const worker = { index, child, log: () => output };
	try {
		await waitUntil(
			async () => {
				if (child.exitCode !== null)
					throw new Error(
						`n8n worker ${index + 1} stopped while starting:\n${output.slice(-3000)}`,
					);
				try {
					return (await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`)).ok;
				} catch {
					return false;
				}
			},
			`n8n worker ${index + 1}`,
			300_000,
		);
	} catch (error) {
		await stopChild(child);
		throw error;
	}
	return worker;
}

/** Logs in as the owner set up from the environment; returns the session cookie. */
export async function logIn(base: string): Promise<string> {
	const answer = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!answer.ok)
		throw new Error(`n8n refused the log-in: ${answer.status} ${await answer.text()}`);
	return (answer.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Which worker ran each execution, from the workers' own logs. */
export function workerOfExecution(workers: Worker[], executionId: string): number | undefined {
	return workers.find((worker) =>
		new RegExp(`Worker started execution ${executionId} \\(`).test(worker.log()),
	)?.index;
}

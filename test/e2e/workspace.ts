/**
 * Prepares an n8n user folder with this package, a sandbox credential and the template workflows:
 * the common ground of the end-to-end suite, the demo and the benchmark.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from '../sandbox';
import {
	createUserFolder,
	installN8n,
	n8nEnvironment,
	packPackage,
	REPO,
	runCli,
	type N8nInstall,
} from './n8n';

export const SANDBOX_CREDENTIAL = { id: 'starshipitSandbox', name: 'Starshipit sandbox' };
/** The Starshipit Trigger's credential in the templates: its Signing Secret and URL Token (n8n stores them encrypted). */
export const WEBHOOK_CREDENTIAL = {
	id: 'starshipitWebhookSandbox',
	name: 'Starshipit webhook (sandbox)',
};
export const TEMPLATES_DIR = join(REPO, 'templates');
/** Templates post tracking to this placeholder; the suite points it at the sandbox's inbox. */
export const SHOP_PLACEHOLDER = 'https://your-shop.example/api/tracking';

/** What the Starshipit Webhook credential holds: the guards the Starshipit Trigger checks each update against. */
export interface WebhookGuards {
	signingSecret?: string;
	urlToken?: string;
}

/** The demo's webhook credential: the sandbox signs its tracking webhooks with this when told to (a test value). */
export const SANDBOX_WEBHOOK_GUARDS: WebhookGuards = {
	signingSecret: 'sandbox-webhook-secret-not-a-secret',
};

/**
 * What the real-n8n suites change in the templates: the poll triggers run every minute (n8n's shortest poll)
 * instead of every quarter hour, so a test can wait for one. (The webhook trigger's secret is not in the
 * template: it is in the webhook credential, `webhook` in WorkspaceOptions.)
 */
export function pollingEveryMinute(template: {
	nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
}): void {
	for (const node of template.nodes) {
		if (node.type === 'n8n-nodes-starshipit.starshipitPollTrigger')
			node.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	}
}

export interface Workspace {
	install: N8nInstall;
	userFolder: string;
	env: NodeJS.ProcessEnv;
	port: number;
	templates: Array<{ file: string; id: string; name: string; json: any }>;
}

export function readTemplates(): Workspace['templates'] {
	return readdirSync(TEMPLATES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const json = JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8'));
			return { file, id: json.id as string, name: json.name as string, json };
		});
}

async function cli(workspace: Pick<Workspace, 'install' | 'env'>, args: string[]) {
	const result = await runCli(workspace.install, workspace.env, args);
	if (result.code !== 0)
		throw new Error(
			`n8n ${args.join(' ')} failed (${result.code}):\n${result.stderr.slice(-2000)}\n${result.stdout.slice(-2000)}`,
		);
	return result;
}

export interface WorkspaceOptions {
	sandboxUrl: string;
	port: number;
	rateLimit?: number;
	userFolder?: string;
	/** Changes a template before import (the suites poll every minute). */
	adjust?: (template: any) => void;
	/** What the templates' Starshipit Webhook credential holds (default: SANDBOX_WEBHOOK_GUARDS). */
	webhook?: WebhookGuards;
	/** Told each step as it begins (the demo prints them: n8n's CLI takes seconds per step). */
	onStep?: (step: string) => void;
}

export interface SandboxCredentialOptions {
	sandboxUrl: string;
	/** Requests per second (the Custom tier); none: the Production tier. */
	rateLimit?: number;
	maxRetries?: number;
}

/**
 * Imports (or replaces) the "Starshipit sandbox" credential (the sandbox's keys and URL) with n8n's CLI, and with
 * `webhook` the "Starshipit webhook (sandbox)" credential too, in the same command. n8n encrypts both on import.
 */
export async function importSandboxCredential(
	workspace: Pick<Workspace, 'install' | 'env'>,
	options: SandboxCredentialOptions,
	webhook?: WebhookGuards,
): Promise<void> {
	const credentials = [
		{
			...SANDBOX_CREDENTIAL,
			type: 'starshipitApi',
			data: {
				apiKey: SANDBOX_API_KEY,
				subscriptionApiKey: SANDBOX_SUBSCRIPTION_KEY,
				baseUrl: options.sandboxUrl,
				rateLimitTier: options.rateLimit ? 'custom' : 'production',
				customRateLimit: options.rateLimit ?? 20,
				maxRetries: options.maxRetries ?? 4,
			},
		},
		...(webhook
			? [{ ...WEBHOOK_CREDENTIAL, type: 'starshipitWebhookApi', data: { ...webhook } }]
			: []),
	];
	const folder = mkdtempSync(join(tmpdir(), 'starshipit-credential-'));
	try {
		const file = join(folder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await cli(workspace, ['import:credentials', `--input=${file}`]);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

export interface Owner {
	email: string;
	password: string;
	firstName?: string;
	lastName?: string;
}

/**
 * The environment that makes n8n 2.x set its owner up headlessly, so that the editor opens on a log-in
 * rather than the set-up wizard (n8n 1.x ignores it). The password is hashed with n8n's own bcryptjs.
 */
export function ownerEnvironment(install: N8nInstall, owner: Owner): NodeJS.ProcessEnv {
	const bcrypt = require(join(install.dir, 'node_modules', 'bcryptjs')) as {
		hashSync(value: string, rounds: number): string;
	};
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		...(owner.firstName ? { N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName } : {}),
		...(owner.lastName ? { N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName } : {}),
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
	};
}

export async function prepareWorkspace(options: WorkspaceOptions): Promise<Workspace> {
	if (!existsSync(join(REPO, 'dist', 'nodes')))
		throw new Error('Build the package first: npm run build');
	options.onStep?.('installing n8n (ready at once after the first time)');
	const install = installN8n();
	options.onStep?.('installing this package into the n8n folder');
	const scratch = mkdtempSync(join(tmpdir(), 'starshipit-pack-'));
	const userFolder = createUserFolder(packPackage(scratch), options.userFolder);
	const env = n8nEnvironment(userFolder, options.port);
	const workspace = { install, userFolder, env, port: options.port, templates: readTemplates() };

	options.onStep?.('importing the sandbox credentials');
	await importSandboxCredential(
		workspace,
		{ sandboxUrl: options.sandboxUrl, rateLimit: options.rateLimit },
		options.webhook ?? SANDBOX_WEBHOOK_GUARDS,
	);
	options.onStep?.(`importing the ${workspace.templates.length} templates`);

	for (const template of workspace.templates) {
		const file = join(scratch, template.file);
		options.adjust?.(template.json);
		writeFileSync(
			file,
			JSON.stringify(template.json)
				.split(SHOP_PLACEHOLDER)
				.join(`${options.sandboxUrl}/__sandbox/inbox`),
		);
		await cli(workspace, ['import:workflow', `--input=${file}`]);
	}
	return workspace;
}

export { cli };

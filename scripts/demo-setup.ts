/**
 * What `npm start` decides before it starts anything: kept or fresh, where the demo's n8n folder is, and what it
 * tells the user. Kept apart from scripts/demo.ts so that the same functions are tested without starting n8n.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from '../test/sandbox';

export interface DemoOptions {
	n8nPort: number;
	sandboxPort: number;
	/**
	 * The WooCommerce stand-in's port: fixed, so the "WooCommerce shop" credential stays right across restarts. 4015, so
	 * that a second demo's ports (each 10 up, as the busy-port message suggests) never meet the first demo's.
	 */
	wooPort: number;
	/** Start anew: the demo's n8n folder (workflows, executions, credentials) is deleted first. */
	fresh: boolean;
	folder: string;
}

/** `npm start -- --fresh` or DEMO_FRESH=1 starts anew; by default the user's work is kept. */
export function demoOptions(argv: string[], env: NodeJS.ProcessEnv): DemoOptions {
	const n8nPort = Number(env.N8N_PORT ?? 5678);
	const fresh = argv.includes('--fresh') || /^(1|true|yes)$/i.test(env.DEMO_FRESH ?? '');
	// One folder per port, so that a second demo on other ports leaves the first one's folder alone.
	const folder = join(
		env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
		'n8n-nodes-starshipit',
		`demo-${n8nPort}`,
	);
	return {
		n8nPort,
		sandboxPort: Number(env.SANDBOX_PORT ?? 4010),
		wooPort: Number(env.WOO_PORT ?? 4015),
		fresh,
		folder,
	};
}

export type FolderState = 'new' | 'kept' | 'fresh';

/**
 * The demo's n8n folder before n8n is prepared in it. Kept by default: n8n's database in it holds the user's
 * workflows, executions and credentials. Only a fresh start deletes it. Called after the ports were found free.
 */
export function prepareDemoFolder(options: Pick<DemoOptions, 'folder' | 'fresh'>): FolderState {
	const existed = existsSync(join(options.folder, '.n8n', 'database.sqlite'));
	if (options.fresh) rmSync(options.folder, { recursive: true, force: true });
	mkdirSync(options.folder, { recursive: true });
	if (options.fresh) return existed ? 'fresh' : 'new';
	return existed ? 'kept' : 'new';
}

/** The first lines `npm start` prints: what it keeps, and how to start anew. */
export function folderLines(state: FolderState, folder: string): string[] {
	if (state === 'kept') {
		return [
			`Your demo is kept (${folder}): your workflows, executions and credentials are still there.`,
			'The templates and the "Starshipit sandbox" and "WooCommerce shop" credentials are put back as shipped; a template you changed is reset (duplicate it to keep your changes).',
			'To start anew instead: npm start -- --fresh',
		];
	}
	if (state === 'fresh') return [`A fresh demo: the previous one was deleted (${folder}).`];
	return [
		`A new demo in ${folder}. Your work there is kept from one npm start to the next (npm start -- --fresh starts anew).`,
	];
}

/** The sandbox's address, its page and its keys: what a user needs to make a credential of their own. */
export function sandboxLines(sandboxUrl: string): string[] {
	return [
		`Starshipit sandbox: ${sandboxUrl}/  (open it in a browser: the orders, labels, manifests and requests it holds)`,
		`  Its keys, for a Starshipit credential of your own: API Key ${SANDBOX_API_KEY}, Subscription Key ${SANDBOX_SUBSCRIPTION_KEY}, Base URL ${sandboxUrl}`,
		'  The sandbox starts with the same demo orders each time: what workflows sent it before is gone after a restart.',
	];
}

/** The demo WooCommerce store: where it is, what it holds, and which credential and template use it. */
export function wooCommerceLines(storeUrl: string): string[] {
	return [
		`WooCommerce store (a local stand-in): ${storeUrl}  (three sample orders waiting to ship: 4101, W-1002 and 4103)`,
		'  The "WooCommerce shop" credential points at it; template 8 writes tracking back to it (Execute workflow completes order 4101).',
		'  The store starts with the same sample orders each time.',
	];
}

/**
 * `npm start`: the sandbox with demo data, a WooCommerce store stand-in with sample orders, and a real n8n with this
 * package, the templates, a sandbox credential and a WooCommerce credential for the store, on this machine. Prints
 * the editor's URL and the demo login. The user's work in n8n is kept from one start to the next;
 * `npm start -- --fresh` (or DEMO_FRESH=1) starts anew.
 */
import type { ChildProcess } from 'node:child_process';

import { startSandbox } from '../test/sandbox';
import type { WooStandIn } from '../test/shops/woocommerce';
import { startWooCommerceDemo } from '../test/shops/woocommerce/demo';
import { startServer, stopServer } from '../test/e2e/n8n';
import { ownerEnvironment, prepareWorkspace } from '../test/e2e/workspace';
import { DEMO_OWNER } from './demo-owner';
import {
	demoOptions,
	folderLines,
	prepareDemoFolder,
	sandboxLines,
	wooCommerceLines,
} from './demo-setup';
import { busyDemoPorts, busyPortsMessage } from './ports';

const options = demoOptions(process.argv.slice(2), process.env);

/** Nothing is deleted before this passes: a second `npm start` must not touch a demo already running. */
async function assertPortsFree(): Promise<void> {
	const ports = { n8n: options.n8nPort, sandbox: options.sandboxPort, woo: options.wooPort };
	const busy = await busyDemoPorts(ports);
	if (busy.length) throw new Error(busyPortsMessage(busy, ports));
}

/** n8n takes about a minute to answer: say so every 15 s, so the terminal does not look stuck. */
function whileWaiting(what: string): () => void {
	const started = Date.now();
	const timer = setInterval(
		() => console.log(`  ${what} (${Math.round((Date.now() - started) / 1000)} s)`),
		15_000,
	);
	return () => clearInterval(timer);
}

void (async () => {
	await assertPortsFree();
	const state = prepareDemoFolder(options);
	for (const line of folderLines(state, options.folder)) console.log(line);
	// The sandbox is in memory: it starts from its demo orders each time, so the templates run green after a restart.
	const sandbox = await startSandbox({ port: options.sandboxPort });
	for (const line of sandboxLines(sandbox.url)) console.log(line);
	// Stopping this process (Ctrl+C, or SIGTERM to npm's process, which npm passes on) stops n8n, the sandbox and the store.
	let n8n: ChildProcess | undefined;
	// Set once the store has started (a stop while n8n is prepared has no store to close).
	let store: WooStandIn | undefined = undefined;
	const stop = () =>
		void (n8n ? stopServer(n8n) : Promise.resolve())
			.then(() => store?.close())
			.then(() => sandbox.close())
			.then(() =>
				console.log(
					`\nn8n, the sandbox and the WooCommerce store have stopped. Your work is kept for the next npm start (npm start -- --fresh starts anew).`,
				),
			)
			.then(() => process.exit(0));
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
	console.log(
		'\nPreparing n8n: installing n8n (the first time only: a few minutes) and this package, then importing the templates and the sandbox credential...',
	);
	const workspace = await prepareWorkspace({
		sandboxUrl: sandbox.url,
		port: options.n8nPort,
		userFolder: options.folder,
		onStep: (step) => console.log(`  ${step}`),
	});
	// The store, its credential and template 8 pointed at it (imported again each start, as the templates are).
	console.log('  starting the WooCommerce store and importing its credential');
	store = await startWooCommerceDemo(workspace, { port: options.wooPort });
	for (const line of wooCommerceLines(store.url)) console.log(line);
	// A headless owner, so the editor opens on a login rather than a set-up wizard.
	Object.assign(
		workspace.env,
		ownerEnvironment(workspace.install, { ...DEMO_OWNER, firstName: 'Demo', lastName: 'User' }),
	);
	console.log('Starting n8n (about a minute)...');
	const stopWaiting = whileWaiting('waiting for n8n to answer');
	try {
		await startServer(workspace.install, workspace.env, undefined, (child) => (n8n = child));
	} finally {
		stopWaiting();
	}
	console.log(
		`\nn8n is ready: http://127.0.0.1:${options.n8nPort}/  (log in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password})`,
	);
	console.log(`Templates: ${workspace.templates.map((template) => template.name).join(', ')}`);
	console.log(
		`The "Starshipit sandbox" credential points at the sandbox (${sandbox.url}/ shows what it holds), the "WooCommerce shop" credential at the store (${store.url}). Ctrl+C (or kill ${process.pid}) stops all three.`,
	);
})().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});

/**
 * `npm start`: the sandbox with demo data and a real n8n with this package, the six templates and a
 * sandbox credential, on this machine. Prints the editor's URL and the demo login.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../test/sandbox';
import { startServer, stopServer } from '../test/e2e/n8n';
import { ownerEnvironment, prepareWorkspace } from '../test/e2e/workspace';
import { DEMO_OWNER } from './demo-owner';
import { busyDemoPorts, busyPortsMessage } from './ports';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);

/** Nothing is deleted before this passes: a second `npm start` must not touch a demo already running. */
async function assertPortsFree(): Promise<void> {
	const ports = { n8n: N8N_PORT, sandbox: SANDBOX_PORT };
	const busy = await busyDemoPorts(ports);
	if (busy.length) throw new Error(busyPortsMessage(busy, ports));
}

void (async () => {
	await assertPortsFree();
	// Every start is the same fresh demo: the sandbox's seed and an n8n folder made anew, so the templates
	// (which print and ship the demo orders) run green again after a restart and nothing piles up. One folder
	// per port, so that a second demo on other ports leaves the first one's folder alone.
	const userFolder = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-starshipit', `demo-${N8N_PORT}`);
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	console.log(`Starshipit sandbox on ${sandbox.url}`);
	// Stopping this process (Ctrl+C, or SIGTERM to npm's process, which npm passes on) stops n8n and the sandbox.
	let n8n: ChildProcess | undefined;
	const stop = () => void (n8n ? stopServer(n8n) : Promise.resolve()).then(() => sandbox.close()).then(() => process.exit(0));
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
	const workspace = await prepareWorkspace({ sandboxUrl: sandbox.url, port: N8N_PORT, userFolder });
	// A headless owner, so the editor opens on a login rather than a set-up wizard.
	Object.assign(workspace.env, ownerEnvironment(workspace.install, { ...DEMO_OWNER, firstName: 'Demo', lastName: 'User' }));
	await startServer(workspace.install, workspace.env, undefined, (child) => (n8n = child));
	console.log(`\nn8n is ready: http://127.0.0.1:${N8N_PORT}/  (log in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password})`);
	console.log(`Templates: ${workspace.templates.map((template) => template.name).join(', ')}`);
	console.log(`The "Starshipit sandbox" credential points at the sandbox. Ctrl+C (or kill ${process.pid}) stops both.`);
})().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});

/**
 * `npm start`: the sandbox with demo data and a real n8n with this package, the six templates and a
 * sandbox credential, on this machine. Prints the editor's URL and the demo login.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../test/sandbox';
import { startServer, stopServer } from '../test/e2e/n8n';
import { ownerEnvironment, prepareWorkspace } from '../test/e2e/workspace';
import { DEMO_OWNER } from './demo-owner';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);

void (async () => {
	// Every start is the same fresh demo: the sandbox's seed and an n8n folder made anew, so the templates
	// (which print and ship the demo orders) run green again after a restart and nothing piles up.
	const userFolder = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-starshipit', 'demo');
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	console.log(`Starshipit sandbox on ${sandbox.url}`);
	const workspace = await prepareWorkspace({ sandboxUrl: sandbox.url, port: N8N_PORT, userFolder });
	// A headless owner, so the editor opens on a login rather than a set-up wizard.
	Object.assign(workspace.env, ownerEnvironment(workspace.install, { ...DEMO_OWNER, firstName: 'Demo', lastName: 'User' }));
	const n8n = await startServer(workspace.install, workspace.env);
	console.log(`\nn8n is ready: http://127.0.0.1:${N8N_PORT}/  (log in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password})`);
	console.log(`Templates: ${workspace.templates.map((template) => template.name).join(', ')}`);
	console.log('The "Starshipit sandbox" credential points at the sandbox. Ctrl+C stops both.');
	const stop = () => void stopServer(n8n).then(() => sandbox.close()).then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});

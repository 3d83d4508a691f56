/**
 * The package in a real n8n: packed, installed as a community package, the template workflows
 * imported and run by n8n's own CLI against the sandbox. `N8N_LINE=1` runs the same on n8n 1.x.
 */
import { SEED, startSandbox, type Sandbox } from '../sandbox';
import { parseRawOutput, runCli } from './n8n';
import { prepareWorkspace, type Workspace } from './workspace';

const N8N_PORT = 5690;
let sandbox: Sandbox;
let workspace: Workspace;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	workspace = await prepareWorkspace({ sandboxUrl: sandbox.url, port: N8N_PORT, rateLimit: 50 });
});
afterAll(async () => await sandbox?.close());

/** Runs a template from its manual trigger; returns each node's output items by node name. */
async function execute(id: string): Promise<Record<string, any[]>> {
	const result = await runCli(workspace.install, workspace.env, ['execute', `--id=${id}`, '--rawOutput']);
	if (result.code !== 0 || /Execution was NOT successful|Execution error|Error executing workflow/.test(result.stdout)) throw new Error(`n8n execute ${id} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
	const run = parseRawOutput(result.stdout);
	const runData = run.data?.resultData?.runData ?? run.resultData?.runData ?? {};
	return Object.fromEntries(Object.entries(runData).map(([name, runs]: [string, any]) => [name, runs.at(-1)?.data?.main?.[0] ?? []]));
}

const order = (number: string) => sandbox.store.orders.filter((row) => row.order_number === number);

test('pattern 5: find, correct, verify', async () => {
	const output = await execute('starshipitPattern5');
	expect(output['Correct and enrich'][0].json).toMatchObject({ order_number: SEED.domesticOrder, verified: true });
	expect(order(SEED.domesticOrder)[0].destination.delivery_instructions).toBe('Leave at the back door');
});

/**
 * Orders of several lines in a real n8n: a WooCommerce order and a Shopify order of three lines each,
 * mapped with one list expression, in the form n8n's editor saves the new fields (defaults left out,
 * so the Lines expression is n8n's own default filled in at run time), run with `n8n execute`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { unexpectedDeviations } from '../harness/deviations';
import { savedForm } from '../fixtures/saved-form';
import {
	shopifyFields,
	shopifyOrder,
	wooCommerceFields,
	wooCommerceOrder,
} from '../fixtures/shop-orders';
import { startSandbox, type Sandbox } from '../sandbox';
import { parseRawOutput, runCli } from './n8n';
import { cli, prepareWorkspace, SANDBOX_CREDENTIAL, type Workspace } from './workspace';

const N8N_PORT = Number(process.env.E2E_N8N_PORT ?? 5690) + 20;
const WORKFLOW_ID = 'starshipitLinesE2e';
let sandbox: Sandbox;
let workspace: Workspace;

/** The fields a user changes on a new node: the Lines expression is left at its default. */
const changed = (fields: IDataObject, operation: string): INodeParameters => {
	const { itemsList: _default, ...rest } = fields;
	return savedForm({ resource: 'order', operation, ...rest } as INodeParameters);
};

function linesWorkflow() {
	const credentials = { starshipitApi: SANDBOX_CREDENTIAL };
	const shop = (name: string, order: IDataObject, y: number) => ({
		id: name,
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [220, y],
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(order), options: {} },
	});
	const starshipit = (name: string, parameters: INodeParameters, y: number) => ({
		id: name,
		name,
		type: 'n8n-nodes-starshipit.starshipit',
		typeVersion: 1,
		position: [440, y],
		credentials,
		parameters,
	});
	const nodes = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 100],
			parameters: {},
		},
		shop('WooCommerce order', wooCommerceOrder('E2E-WOO-1'), 0),
		shop('Shopify order', shopifyOrder('#E2E-SHOP-1'), 200),
		starshipit('Create from WooCommerce', changed(wooCommerceFields, 'create'), 0),
		starshipit('Import from Shopify', changed(shopifyFields, 'import'), 200),
	];
	const to = (node: string) => ({ node, type: 'main', index: 0 });
	const connections = {
		Start: { main: [[to('WooCommerce order'), to('Shopify order')]] },
		'WooCommerce order': { main: [[to('Create from WooCommerce')]] },
		'Shopify order': { main: [[to('Import from Shopify')]] },
	};
	return {
		id: WORKFLOW_ID,
		name: 'Orders with several lines (e2e)',
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	workspace = await prepareWorkspace({ sandboxUrl: sandbox.url, port: N8N_PORT, rateLimit: 50 });
	const folder = mkdtempSync(join(tmpdir(), 'starshipit-lines-'));
	try {
		const file = join(folder, 'lines.json');
		writeFileSync(file, JSON.stringify(linesWorkflow()));
		await cli(workspace, ['import:workflow', `--input=${file}`]);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});
afterAll(async () => {
	const deviations = unexpectedDeviations(sandbox?.deviations ?? []);
	await sandbox?.close();
	expect(deviations).toEqual([]);
});

const lines = (number: string) =>
	(
		(sandbox.store.orders.find((row) => row.order_number === number)?.items ?? []) as IDataObject[]
	).map(({ item_id: _id, ...line }) => line);

test('three-line WooCommerce and Shopify orders, saved as the editor saves them, arrive with every line exact', async () => {
	const result = await runCli(workspace.install, workspace.env, [
		'execute',
		`--id=${WORKFLOW_ID}`,
		'--rawOutput',
	]);
	if (result.code !== 0 || /Execution was NOT successful|Execution error/.test(result.stdout))
		throw new Error(
			`n8n execute failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
		);
	const run = parseRawOutput(result.stdout);
	const imported =
		run.data?.resultData?.runData?.['Import from Shopify']?.at(-1)?.data?.main?.[0] ?? [];
	expect(imported.map((item: { json: IDataObject }) => item.json.outcome)).toEqual(['created']);
	expect(lines('E2E-WOO-1')).toEqual([
		{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5 },
		{ description: 'Cotton T-shirt - M', sku: 'TEE-M', quantity: 1, value: 30 },
		{ description: 'Tea towel', sku: 'TOWEL-1', quantity: 3, value: 9 },
	]);
	expect(lines('#E2E-SHOP-1')).toEqual([
		{ description: 'Blue mug - Large', sku: 'MUG-BLUE-L', quantity: 1, value: 24, weight: 0.45 },
		{
			description: 'Cotton T-shirt - M / Black',
			sku: 'TEE-M-BLACK',
			quantity: 2,
			value: 30,
			weight: 0.2,
		},
		{ description: 'Linen apron', sku: 'APRON-1', quantity: 1, value: 45.5, weight: 0.35 },
	]);
	const shopify = sandbox.store.orders.find((row) => row.order_number === '#E2E-SHOP-1');
	expect((shopify?.packages as IDataObject[]).map(({ package_id: _id, ...pack }) => pack)).toEqual([
		{ weight: 1.2 },
	]);
});

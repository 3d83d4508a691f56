/**
 * The templates' sample orders have several lines and parcels, and every template node that creates, updates or rates
 * an order takes them from a list in the data (never one hand-made row). Each template's Starshipit nodes run here
 * through n8n's engine on the template's own sample data, with the template's own parameters, against the sandbox;
 * the n8n core nodes between them (Set, Split Out, If) are stood in for by the sample items they give. The whole
 * workflows, twice, run in a real n8n in test/e2e/templates.e2e.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { runWorkflow } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

interface Template {
	nodes: INode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	pinData?: Record<string, Array<{ json: IDataObject }>>;
}

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const files = readdirSync(TEMPLATES)
	.filter((file) => file.endsWith('.json'))
	.sort();
const template = (number: number) =>
	JSON.parse(
		readFileSync(join(TEMPLATES, files.find((file) => file.startsWith(`${number}-`))!), 'utf8'),
	) as Template;
const nodeOf = (workflow: Template, name: string) => {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`The template has no node “${name}”`);
	return node;
};

const { sandbox, credentials } = useSandbox();

/** What a sample node gives: a Set node's JSON (one item per entry when a Split Out follows), a Code node's items, a trigger's pinned items. */
function sampleItems(workflow: Template, name: string): IDataObject[] {
	const node = nodeOf(workflow, name);
	if (node.type === 'n8n-nodes-base.set') {
		const json = JSON.parse(node.parameters.jsonOutput as string) as IDataObject;
		const next = workflow.connections[name]?.main[0]?.[0]?.node;
		const split = next ? nodeOf(workflow, next) : undefined;
		return split?.type === 'n8n-nodes-base.splitOut'
			? (json[split.parameters.fieldToSplitOut as string] as IDataObject[])
			: [json];
	}
	// The template's own sample code (template 0), run as n8n's Code node runs it: it returns items.
	if (node.type === 'n8n-nodes-base.code')
		return (new Function(node.parameters.jsCode as string)() as Array<{ json: IDataObject }>).map(
			(item) => item.json,
		);
	return (workflow.pinData?.[name] ?? []).map((item) => item.json);
}

interface ChainRun {
	/** Each node's first output, by name. */
	output: Record<string, IDataObject[]>;
	/** Each node's error output (On Error: Continue (using error output)), by name. */
	errors: Record<string, IDataObject[]>;
}

/**
 * The template's sample node (named as in the template, so `$('Order to check')` resolves), then the named Starshipit
 * nodes one after another, exactly as the template has them.
 */
async function runChain(workflow: Template, sample: string, names: string[]): Promise<ChainRun> {
	const input: INode = {
		id: 'sample',
		name: sample,
		type: 'test.testItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(sampleItems(workflow, sample)) },
	};
	const nodes = [input, ...names.map((name) => nodeOf(workflow, name))];
	const connections: IConnections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	const run = await runWorkflow({ nodes, connections }, { starshipitApi: credentials() });
	const error = run.data.resultData.error;
	if (error)
		throw new Error(
			`The chain ${[sample, ...names].join(' → ')} failed: ${error.message} ${String((error as { description?: unknown }).description ?? '')}`,
		);
	const outputOf = (name: string, index: number) =>
		(run.data.resultData.runData[name]?.[0]?.data?.main?.[index] ?? []).map((item) => item.json);
	return {
		output: Object.fromEntries(names.map((name) => [name, outputOf(name, 0)])),
		errors: Object.fromEntries(names.map((name) => [name, outputOf(name, 1)])),
	};
}

const stored = (number: string) => {
	// Template 0 numbers each run's orders anew: VERIFY-MULTI-<time of the run>.
	const rows = sandbox.store.orders.filter(
		(row) =>
			row.order_number === number ||
			(number.startsWith('VERIFY-') && row.order_number.startsWith(`${number}-`)),
	);
	expect(rows).toHaveLength(1);
	return rows[0];
};
const withoutId = (rows: unknown, id: string) =>
	((rows ?? []) as IDataObject[]).map(({ [id]: _id, ...row }) => row);
const lines = (number: string) => withoutId(stored(number).items, 'item_id');
const packages = (number: string) => withoutId(stored(number).packages, 'package_id');
const sent = (path: string) =>
	sandbox.requests
		.filter((request) => request.path === path)
		.map((request) => request.body as IDataObject);

/** The three lines most samples share, as Starshipit stores them. */
const THREE_LINES = [
	{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5, weight: 0.4 },
	{ description: 'Cotton T-shirt', sku: 'TEE-M-BLACK', quantity: 1, value: 30, weight: 0.2 },
	{ description: 'A2 poster', sku: 'POSTER-A2', quantity: 3, value: 12, weight: 0.1 },
];

describe('no template maps one hand-made line', () => {
	const starshipitNodes = files.flatMap((file) =>
		(JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as Template).nodes
			.filter((node) => node.type === 'n8n-nodes-starshipit.starshipit')
			.map((node) => [file, node.name, node] as const),
	);
	const writes = starshipitNodes.filter(
		([, , node]) =>
			node.parameters.resource === 'order' &&
			['create', 'createOrUpdate', 'import'].includes(node.parameters.operation as string),
	);
	const rates = starshipitNodes.filter(
		([, , node]) => node.parameters.resource === 'rate' && node.parameters.operation === 'getRates',
	);

	test('the templates create orders in 0, 1, 2 and 7 and rate a cart in 3', () => {
		// The shop templates (8 WooCommerce, 9 Shopify) import each shop order too, once they are here.
		const shopTemplates = ['8', '9'].filter((number) =>
			files.some((file) => file.startsWith(`${number}-`)),
		);
		expect([...new Set(writes.map(([file]) => file[0]))]).toEqual([
			'0',
			'1',
			'2',
			'7',
			...shopTemplates,
		]);
		expect(rates.map(([file]) => file[0])).toEqual(['3']);
	});

	test.each(writes)(
		'%s, “%s”: the lines come from a list, the packages from a list or the lines',
		(_file, _name, node) => {
			expect(node.parameters).toMatchObject({
				itemsInput: 'list',
				itemsList: expect.stringMatching(/^=\{\{ \$json\.\w+ \}\}$/),
			});
			expect(['list', 'lines']).toContain(node.parameters.packagesInput);
			expect(node.parameters.items).toBeUndefined();
			expect(node.parameters.packages).toBeUndefined();
		},
	);

	test.each(rates)('%s, “%s”: the parcels come from a list', (_file, _name, node) => {
		expect(node.parameters).toMatchObject({
			packagesInput: 'list',
			packagesList: '={{ $json.body.parcels }}',
		});
		expect(node.parameters.packages).toBeUndefined();
	});

	test.each(
		starshipitNodes.filter(
			([, , node]) =>
				node.parameters.resource === 'order' && node.parameters.operation === 'update',
		),
	)(
		'%s, “%s”: an update changes lines or packages from a list, never from rows',
		(_file, _name, node) => {
			const changes = node.parameters.updateFields as IDataObject;
			expect(changes.items).toBeUndefined();
			expect(changes.packages).toBeUndefined();
			expect(changes.itemsList ?? changes.packagesList).toEqual(
				expect.stringMatching(/^=\{\{ .+ \}\}$/),
			);
		},
	);

	test('the sample data holds a three-line order and a two-parcel cart', () => {
		const orders = sampleItems(template(1), 'Orders from your shop');
		expect(orders.map((order) => (order.line_items as unknown[]).length)).toEqual([1, 2, 3]);
		expect(
			(sampleItems(template(3), 'Sample checkout')[0].body as IDataObject).parcels,
		).toHaveLength(2);
	});
});

describe('the templates’ Starshipit nodes on their sample data, through n8n’s engine', () => {
	test('1: three shop orders of 1, 2 and 3 lines imported with every line; one package weighing each order’s lines', async () => {
		const { output } = await runChain(template(1), 'Orders from your shop', [
			'Import into Starshipit',
		]);
		expect(output['Import into Starshipit'].map((item) => item.outcome)).toEqual([
			'created',
			'created',
			'created',
		]);
		// Shopify's lines as they are: name, price as text, grams.
		expect(lines('WEB-1003')).toEqual([
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 1, value: 19.5, weight: 0.4 },
			{
				description: 'Cotton T-shirt - M / Black',
				sku: 'TEE-M-BLACK',
				quantity: 2,
				value: 30,
				weight: 0.2,
			},
			{ description: 'A2 poster', sku: 'POSTER-A2', quantity: 3, value: 12, weight: 0.1 },
		]);
		// 0.4 × 1 + 0.2 × 2 + 0.1 × 3
		expect(packages('WEB-1003')).toEqual([{ weight: 1.1 }]);
		expect(lines('WEB-1001')).toEqual([
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5, weight: 0.4 },
		]);
		expect(packages('WEB-1001')).toEqual([{ weight: 0.8 }]);
		expect(lines('WEB-1002').map((line) => [line.sku, line.quantity])).toEqual([
			['MUG-BLUE', 1],
			['TEE-M-BLACK', 2],
		]);
		expect(packages('WEB-1002')).toEqual([{ weight: 0.8 }]);
		expect(sent('/api/orders/import')).toHaveLength(1);

		// The second click: the same orders, read from the same lists (prices as text, grams), are unchanged, not doubled.
		const again = await runChain(template(1), 'Orders from your shop', ['Import into Starshipit']);
		expect(again.output['Import into Starshipit'].map((item) => item.outcome)).toEqual([
			'unchanged',
			'unchanged',
			'unchanged',
		]);
		expect(lines('WEB-1003')).toHaveLength(3);
	});

	test('2: the ERP order’s three lines and two cartons (cm read as metres), then its label', async () => {
		const { output } = await runChain(template(2), 'Order from your system', [
			'Create or update the order',
			'Print the label',
		]);
		expect(output['Create or update the order'][0].outcome).toBe('created');
		expect(lines('ERP-2001')).toEqual(THREE_LINES);
		expect(packages('ERP-2001')).toEqual([
			{ weight: 1, length: 0.3, width: 0.2, height: 0.2 },
			{ weight: 0.4, length: 0.65, width: 0.08, height: 0.08 },
		]);
		expect(output['Print the label'][0].tracking_number).toMatch(/^SSI/);
	});

	test('3: the cart’s two parcels are sent as two packages, in kg and metres', async () => {
		const workflow = template(3);
		// The editor's Execute workflow runs the webhook's pinned checkout; the manual start, the same checkout.
		expect(sampleItems(workflow, 'Sample checkout')[0].body).toEqual(
			sampleItems(workflow, 'Checkout asks for rates')[0].body,
		);
		const { output } = await runChain(workflow, 'Checkout asks for rates', ['Get live rates']);
		expect(output['Get live rates']).toHaveLength(3);
		expect(sent('/api/rates').map((body) => body.packages)).toEqual([
			[
				{ weight: 1.5, length: 0.3, width: 0.2, height: 0.1 },
				{ weight: 0.25, length: 0.15, width: 0.1, height: 0.05 },
			],
		]);
	});

	test('4: the warehouse’s two cartons replace the imported order’s package; its three lines stay', async () => {
		const linesBefore = lines(SEED.multiItemOrder);
		expect(linesBefore).toHaveLength(3);
		const { output } = await runChain(template(4), 'Order to print', [
			'Find the order',
			'Note cartons and who prints it',
			'Print the label',
		]);
		expect(packages(SEED.multiItemOrder)).toEqual([
			{ weight: 0.9, length: 0.3, width: 0.2, height: 0.15 },
			{ weight: 0.4, length: 0.65, width: 0.08, height: 0.08 },
		]);
		expect(lines(SEED.multiItemOrder)).toEqual(linesBefore);
		expect(stored(SEED.multiItemOrder).reference).toMatch(/^Printed by warehouse/);
		expect(output['Print the label'][0].tracking_number).toMatch(/^SSI/);
	});

	test('5: the shop’s three lines and parcel replace the order’s, verified after the update', async () => {
		expect(lines(SEED.domesticOrder)).toHaveLength(1);
		const { output } = await runChain(template(5), 'Order to check', [
			'Find the order',
			'Correct and enrich',
		]);
		expect(output['Correct and enrich'][0]).toMatchObject({
			order_number: SEED.domesticOrder,
			verified: true,
		});
		expect(lines(SEED.domesticOrder)).toEqual([
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 1, value: 19.5, weight: 0.4 },
			{ description: 'Cotton T-shirt', sku: 'TEE-M-BLACK', quantity: 2, value: 30, weight: 0.2 },
			{ description: 'A2 poster', sku: 'POSTER-A2', quantity: 1, value: 12, weight: 0.1 },
		]);
		expect(packages(SEED.domesticOrder)).toEqual([
			{ weight: 1.1, length: 0.3, width: 0.2, height: 0.15 },
		]);
		expect(stored(SEED.domesticOrder).destination).toMatchObject({
			delivery_instructions: 'Leave at the back door',
		});
	});

	test('7: the order’s two lines in one package weighing them', async () => {
		const { output, errors } = await runChain(template(7), 'Order from your system', [
			'Create or update the order',
		]);
		expect(errors['Create or update the order']).toEqual([]);
		expect(output['Create or update the order'][0].outcome).toBe('created');
		expect(lines('KEEP-7001')).toEqual([
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 1, value: 19.5, weight: 0.4 },
			{ description: 'Cotton T-shirt', sku: 'TEE-M-BLACK', quantity: 2, value: 30, weight: 0.2 },
		]);
		expect(packages('KEEP-7001')).toEqual([{ weight: 0.8 }]);
	});

	test('0: the checks’ orders with every line and package, customs on the international one', async () => {
		const workflow = template(0);
		const single = await runChain(workflow, 'Domestic and international orders', [
			'Create the order',
		]);
		const multi = await runChain(workflow, 'Multi-item, multi-package order', [
			'Create the multi-item order',
		]);
		expect([single.errors, multi.errors]).toEqual([
			{ 'Create the order': [] },
			{ 'Create the multi-item order': [] },
		]);
		expect(lines('VERIFY-MULTI')).toEqual(THREE_LINES);
		expect(packages('VERIFY-MULTI')).toEqual([
			{ weight: 1, length: 0.3, width: 0.2, height: 0.2 },
			{ weight: 0.4, length: 0.65, width: 0.08, height: 0.08 },
		]);
		expect(lines('VERIFY-INTERNATIONAL')).toEqual([
			{
				description: 'Cotton T-shirt',
				sku: 'TEE-M-BLACK',
				quantity: 2,
				value: 30,
				weight: 0.2,
				tariff_code: '610910',
				country_of_origin: 'Australia',
			},
		]);
		expect(lines('VERIFY-DOMESTIC')).toHaveLength(1);
	});

	test('0: the deliberate failure (no customs data on its line) fails before anything is sent, on the error output', async () => {
		const { output, errors } = await runChain(template(0), 'A deliberate failure', [
			'Create the bad order',
		]);
		expect(output['Create the bad order']).toEqual([]);
		expect(errors['Create the bad order']).toHaveLength(1);
		const { details } = errors['Create the bad order'][0] as { details: IDataObject };
		expect(details.description).toContain('Items › Line 1 › Description: is required for customs');
		expect(details.description).toContain('Items › Line 1 › Value: is required for customs');
		expect(details.replay).toMatchObject({ resource: 'order', operation: 'create' });
		expect(sent('/api/orders')).toEqual([]);
		expect(
			sandbox.store.orders.filter((row) => row.order_number.startsWith('VERIFY-FAILURE')),
		).toEqual([]);
	});
});

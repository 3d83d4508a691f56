/**
 * Issue 26, point 3: Order > Create or Update ("never a duplicate") finds an order Starshipit has archived, through the
 * documented order summary (`GET /api/orders/summary?order_status=archived`, filtered on the order number), and reports
 * it as `skipped` with the reason, instead of sending a create that Starshipit refuses ("Order … already exists").
 * Then template 0 (verify before production), whose clean-up archives what it made, run three times against one
 * Starshipit: every run creates, labels, tracks and archives its own orders, and nothing is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { runNode, runWorkflow } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';

const { sandbox } = useSandbox();

const creates = () =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/orders');
const order = {
	resource: 'order',
	operation: 'createOrUpdate',
	orderNumber: '={{ $json.number }}',
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	itemsInput: 'none',
};

/** An order created, labelled and archived, as template 0's clean-up leaves its orders. */
async function archivedOrder(number: string): Promise<void> {
	const credentials = sandboxCredentials(sandbox);
	const created = await runNode({ parameters: order, input: [{ number }], credentials });
	expect(created.items[0].json).toMatchObject({ outcome: 'created' });
	const byNumber = { __rl: true, mode: 'orderNumber', value: number };
	const label = await runNode({
		parameters: {
			resource: 'label',
			operation: 'create',
			order: byNumber,
			carrier: 'PlainLabel',
			carrierServiceCode: 'PLAIN',
		},
		credentials,
	});
	expect(label.error).toBeUndefined();
	const archived = await runNode({
		parameters: { resource: 'order', operation: 'archive', order: byNumber },
		credentials,
	});
	expect(archived.error).toBeUndefined();
	expect(sandbox.store.orders.find((row) => row.order_number === number)).toMatchObject({
		archived: true,
	});
}

describe('Create or Update meets an archived order', () => {
	test('it is skipped, with the reason, and no create is sent', async () => {
		await archivedOrder('ARCH-1001');
		const before = creates().length;
		const { items, error } = await runNode({
			parameters: order,
			input: [{ number: 'ARCH-1001' }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			outcome: 'skipped',
			order_number: 'ARCH-1001',
			order_id: expect.any(Number),
		});
		expect(items[0].json.reason).toMatch(/^Order ARCH-1001 is archived in Starshipit/);
		expect(items[0].json.reason).toMatch(/Order > Restore/);
		expect(creates().length).toBe(before);
		// Found through the documented summary of archived orders, filtered on the number.
		const summary = sandbox.requests.filter((request) => request.path === '/api/orders/summary');
		expect(summary.at(-1)?.query).toMatchObject({
			order_status: 'archived',
			filter: 'Order:::ARCH-1001',
		});
	});

	test('Order > Import meets one too: skipped with the same reason, the other orders created', async () => {
		await archivedOrder('ARCH-1003');
		const { items } = await runNode({
			parameters: { ...order, operation: 'import' },
			input: [{ number: 'ARCH-1003' }, { number: 'ARCH-NEW-2' }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(items.map((item) => item.json.outcome)).toEqual(['skipped', 'created']);
		expect(items[0].json.reason).toMatch(/^Order ARCH-1003 is archived in Starshipit/);
	});

	test('a new order still costs no more than a search, a summary read and the create', async () => {
		const before = sandbox.requests.length;
		const { items } = await runNode({
			parameters: order,
			input: [{ number: 'ARCH-NEW-1' }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(items[0].json).toMatchObject({ outcome: 'created' });
		expect(
			sandbox.requests.slice(before).map((request) => `${request.method} ${request.path}`),
		).toEqual(['GET /api/orders/search', 'GET /api/orders/summary', 'POST /api/orders']);
	});

	test('a number held by an unshipped order and, archived, by an older one: the unshipped order is updated', async () => {
		await archivedOrder('ARCH-1002');
		// Starshipit holds one order per number; the sandbox refuses a second, so the archived row is renumbered first
		// to stand for an older order, then a new one is made under the number.
		sandbox.store.orders.find((row) => row.order_number === 'ARCH-1002')!.order_number =
			'ARCH-1002-OLD';
		const credentials = sandboxCredentials(sandbox);
		await runNode({ parameters: order, input: [{ number: 'ARCH-1002' }], credentials });
		const { items } = await runNode({
			parameters: { ...order, destinationStreet: '9 New Street' },
			input: [{ number: 'ARCH-1002' }],
			credentials,
		});
		expect(items[0].json).toMatchObject({ outcome: 'updated' });
	});
});

interface Template {
	nodes: INode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}
const template = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'templates', '0-verify-before-production.json'), 'utf8'),
) as Template;
const nodeNamed = (name: string) => {
	const node = template.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`Template 0 has no node “${name}”`);
	return node;
};
/** The items a sample Code node of the template returns, its code run as n8n's Code node runs it. */
const sampleOf = (name: string) =>
	(new Function(nodeNamed(name).parameters.jsCode as string)() as Array<{ json: IDataObject }>).map(
		(item) => item.json,
	);

/**
 * One check's path through the template, its Starshipit nodes exactly as the template has them (parameters and
 * On Error): the sample's orders → Create → Print a plain label → Track it → Clean up: archive. The core nodes
 * between them (Merge) pass the items on unchanged, so the chain stands in for them.
 */
async function runCheck(sample: string, create: string) {
	const names = [create, 'Print a plain label', 'Track it', 'Clean up: archive'];
	const input: INode = {
		id: 'sample',
		name: sample,
		type: 'test.testItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(sampleOf(sample)) },
	};
	const nodes = [input, ...names.map(nodeNamed)];
	const connections: IConnections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	const run = await runWorkflow(
		{ nodes, connections },
		{ starshipitApi: sandboxCredentials(sandbox) },
	);
	expect(run.data.resultData.error).toBeUndefined();
	const output = (name: string, index: number) =>
		(run.data.resultData.runData[name]?.[0]?.data?.main?.[index] ?? []).map((item) => item.json);
	return {
		created: output(create, 0),
		failed: names.flatMap((name) => output(name, 1)),
		archived: output('Clean up: archive', 0),
	};
}

test('template 0, three runs against one Starshipit: each run creates, labels, tracks and archives its own orders; nothing is refused', async () => {
	const seen = new Set<string>();
	for (let run = 1; run <= 3; run++) {
		const checks = [
			await runCheck('Domestic and international orders', 'Create the order'),
			await runCheck('Multi-item, multi-package order', 'Create the multi-item order'),
		];
		for (const { created, failed, archived } of checks) {
			expect({ run, failed }).toEqual({ run, failed: [] });
			expect(created.map((row) => row.outcome)).toEqual(created.map(() => 'created'));
			expect(archived).toHaveLength(created.length);
			for (const row of created) seen.add(String(row.order_number));
		}
		// A run's orders are its own: three, with numbers no earlier run used.
		expect(seen.size).toBe(3 * run);
		for (const number of seen)
			expect(number).toMatch(/^VERIFY-(DOMESTIC|INTERNATIONAL|MULTI)-\d+$/);
	}
	expect(creates().filter((request) => request.status !== 200)).toEqual([]);
	expect(sandbox.store.orders.filter((row) => seen.has(row.order_number) && !row.archived)).toEqual(
		[],
	);
});

import type { INode } from 'n8n-workflow';

import { sandboxCredentials } from '../harness/sandbox-credentials';
import { poll, triggerWorkflow } from '../harness/trigger-contexts';
import { SEED, startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterEach(() => sandbox.reset());
afterAll(async () => await sandbox.close());

const pollNode = (event: string): INode => ({
	id: 'poll', name: 'Starshipit Poll Trigger', type: 'n8n-nodes-starshipit.starshipitPollTrigger', typeVersion: 1, position: [0, 0], parameters: { event },
	credentials: { starshipitApi: { id: 'sandbox', name: 'Starshipit sandbox' } },
});

/** One published workflow: its static data (the cursor) lives across polls, as in n8n. */
function publishedPoller(event: string) {
	const node = pollNode(event);
	const workflow = triggerWorkflow([node]);
	const next = async () => {
		const result = await poll(workflow, node, sandboxCredentials(sandbox));
		return (result?.[0] ?? []).map((item) => item.json);
	};
	return Object.assign(next, { workflow });
}

test('tracking changes: first poll emits nothing, then each change exactly once, none missed', async () => {
	const next = publishedPoller('trackingChanged');
	expect(await next()).toEqual([]);
	await sandbox.setOrderStatus(SEED.printedOrder, 'InTransit');
	await sandbox.setOrderStatus(SEED.domesticOrder, 'Printed');
	const second = await next();
	expect(second.map((order) => `${order.order_number}:${order.tracking_status}`).sort()).toEqual([`${SEED.printedOrder}:InTransit`, `${SEED.domesticOrder}:Printed`]);
	expect(await next()).toEqual([]);
	await sandbox.setOrderStatus(SEED.printedOrder, 'OutForDelivery');
	await sandbox.setOrderStatus(SEED.printedOrder, 'Delivered');
	const fourth = await next();
	expect(fourth.map((order) => `${order.order_number}:${order.tracking_status}`)).toEqual([`${SEED.printedOrder}:Delivered`]);
	expect(await next()).toEqual([]);
});

test('labelled or shipped: once per order, across many polls', async () => {
	const next = publishedPoller('shipped');
	await next();
	const seen: string[] = [];
	for (const number of [SEED.domesticOrder, SEED.multiItemOrder, SEED.internationalOrder]) {
		await sandbox.setOrderStatus(number, 'Printed');
		seen.push(...(await next()).map((order) => String(order.order_number)));
		await sandbox.setOrderStatus(number, 'InTransit');
		seen.push(...(await next()).map((order) => String(order.order_number)));
	}
	expect(seen).toEqual([SEED.domesticOrder, SEED.multiItemOrder, SEED.internationalOrder]);
});

test('new unshipped orders: each once, and a cursor older than 24 hours still reaches its orders', async () => {
	const next = publishedPoller('newUnshipped');
	expect(await next()).toEqual([]);
	// n8n was down for two days: the cursor is old, and an order changed 30 hours ago is outside Starshipit's default window.
	const state = Object.values(next.workflow.staticData)[0] as { cursor: string };
	state.cursor = new Date(Date.now() - 48 * 3600_000).toISOString();
	sandbox.store.orders.find((order) => order.order_number === SEED.multiItemOrder)!.last_updated_date = new Date(Date.now() - 30 * 3600_000).toISOString();
	expect((await next()).map((order) => order.order_number)).toContain(SEED.multiItemOrder);
	sandbox.seedBulkOrders(300);
	const fresh = await next();
	expect(fresh).toHaveLength(300);
	expect(new Set(fresh.map((order) => order.order_id)).size).toBe(300);
	expect(await next()).toEqual([]);
});

test('requests per poll stay bounded', async () => {
	const next = publishedPoller('newUnshipped');
	await next();
	sandbox.seedBulkOrders(600);
	const before = sandbox.stats.requests;
	await next();
	expect(sandbox.stats.requests - before).toBe(3);
});

test('"Fetch Test Event" in the editor shows a few recent orders without moving the cursor', async () => {
	const node = pollNode('shipped');
	const workflow = triggerWorkflow([node]);
	const result = await poll(workflow, node, sandboxCredentials(sandbox), 'manual');
	expect(result?.[0].length).toBeGreaterThan(0);
	expect(Object.values(workflow.staticData).some((data) => Boolean((data as { cursor?: string }).cursor))).toBe(false);
	await poll(workflow, node, sandboxCredentials(sandbox));
	// ...while a real poll does set it: the check above can fail.
	expect(Object.values(workflow.staticData).some((data) => Boolean((data as { cursor?: string }).cursor))).toBe(true);
});

import type { INode } from 'n8n-workflow';

import { MAX_PAGES_PER_POLL } from '../../nodes/StarshipitPollTrigger/cursor';
import { MAX_ENTRIES } from '../../nodes/shared/tracking/announced-memory';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { poll, triggerWorkflow } from '../harness/trigger-contexts';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

const { sandbox } = useSandbox();

const pollNode = (event: string): INode => ({
	id: 'poll',
	name: 'Starshipit Poll Trigger',
	type: 'n8n-nodes-starshipit.starshipitPollTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: { event },
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
	const state = () =>
		Object.values(workflow.staticData)[0] as {
			cursor?: string;
			firstPollAt?: string;
			announced?: { count?: number; floor?: number };
		};
	return Object.assign(next, { workflow, state });
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

/** After a first poll: the trigger was published `publishedHours` ago and last completed a pass `cursorHours` ago (n8n was down since). */
function wasDown(
	poller: ReturnType<typeof publishedPoller>,
	publishedHours: number,
	cursorHours: number,
) {
	Object.assign(poller.state(), {
		firstPollAt: hoursAgo(publishedHours),
		cursor: hoursAgo(cursorHours),
	});
}

const sandboxOrder = (orderNumber: string) =>
	sandbox.store.orders.find((order) => order.order_number === orderNumber)!;

test('tracking changes: first poll emits nothing, then each change exactly once, none missed', async () => {
	const next = publishedPoller('trackingChanged');
	expect(await next()).toEqual([]);
	await sandbox.setOrderStatus(SEED.printedOrder, 'InTransit');
	await sandbox.setOrderStatus(SEED.domesticOrder, 'Printed');
	const second = await next();
	expect(second.map((order) => `${order.order_number}:${order.status}`).sort()).toEqual([
		`${SEED.printedOrder}:InTransit`,
		`${SEED.domesticOrder}:Printed`,
	]);
	expect(await next()).toEqual([]);
	await sandbox.setOrderStatus(SEED.printedOrder, 'OutForDelivery');
	await sandbox.setOrderStatus(SEED.printedOrder, 'Delivered');
	const fourth = await next();
	expect(fourth.map((order) => `${order.order_number}:${order.status}`)).toEqual([
		`${SEED.printedOrder}:Delivered`,
	]);
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

test('labelled or shipped: an order labelled before publishing starts nothing when it later moves on; one labelled after does', async () => {
	const next = publishedPoller('shipped');
	await next();
	await sandbox.setOrderStatus(SEED.printedOrder, 'InTransit');
	expect(await next()).toEqual([]);
	await sandbox.setOrderStatus(SEED.domesticOrder, 'Printed');
	expect((await next()).map((order) => order.order_number)).toEqual([SEED.domesticOrder]);
});

/** An order created in Starshipit `hours` ago (the sandbox's bulk orders are dated an hour back). */
function createdAt(hours: number) {
	sandbox.seedBulkOrders(1);
	const order = sandbox.store.orders.at(-1)!;
	order.order_date = hoursAgo(hours);
	return order.order_number;
}

test('new unshipped orders: one created before publishing and edited after starts nothing; one created after does', async () => {
	const next = publishedPoller('newUnshipped');
	await next();
	Object.assign(sandboxOrder(SEED.domesticOrder), {
		reference: 'Edited after publishing',
		last_updated_date: new Date().toISOString(),
	});
	const created = createdAt(0);
	expect((await next()).map((order) => order.order_number)).toEqual([created]);
});

test('a trigger saved before it kept its start counts new orders from its last complete pass', async () => {
	const next = publishedPoller('newUnshipped');
	await next();
	const lastPass = hoursAgo(0.5);
	delete next.state().firstPollAt;
	next.state().cursor = lastPass;
	Object.assign(sandboxOrder(SEED.domesticOrder), { last_updated_date: new Date().toISOString() });
	// Created after that pass, and longer ago than the overlap: only the old cursor shows it is new.
	const created = createdAt(0.25);
	expect((await next()).map((order) => order.order_number)).toEqual([created]);
	expect(next.state().firstPollAt).toBe(lastPass);
});

test('new unshipped orders: each once, and a cursor older than 24 hours still reaches its orders', async () => {
	const next = publishedPoller('newUnshipped');
	expect(await next()).toEqual([]);
	// n8n was down for two days: the cursor is old, and an order created 30 hours ago is outside Starshipit's default window.
	wasDown(next, 72, 48);
	Object.assign(sandboxOrder(SEED.multiItemOrder), {
		order_date: hoursAgo(30),
		last_updated_date: hoursAgo(30),
	});
	expect((await next()).map((order) => order.order_number)).toContain(SEED.multiItemOrder);
	sandbox.seedBulkOrders(300);
	const fresh = await next();
	expect(fresh).toHaveLength(300);
	expect(new Set(fresh.map((order) => order.order_id)).size).toBe(300);
	expect(await next()).toEqual([]);
});

const ORDERS_PER_PAGE = 250;

/**
 * n8n was stopped for 45 minutes, and meanwhile more orders changed than one poll may read (`extra` beyond
 * its full pages), longer ago than the overlap reaches back: only the cursor leads to them.
 */
function missedMoreThanOnePollReads(
	poller: ReturnType<typeof publishedPoller>,
	extra: number,
): number[] {
	wasDown(poller, 3, 0.75);
	sandbox.seedBulkOrders(ORDERS_PER_PAGE * MAX_PAGES_PER_POLL + extra);
	const bulk = sandbox.store.orders.filter((order) => order.order_number.startsWith('BULK-'));
	for (const order of bulk)
		order.last_updated_date = new Date(Date.now() - 30 * 60_000).toISOString();
	return bulk.map((order) => order.order_id);
}

const listRequests = (path: string) =>
	sandbox.requests.filter((request) => request.path === path).length;

/** Polls until one emits nothing twice in a row (the overlap may read the same orders again), collecting what they emit. */
async function pollUntilQuiet(next: () => Promise<Record<string, unknown>[]>): Promise<unknown[]> {
	const ids: unknown[] = [];
	for (let quiet = 0, polls = 0; quiet < 2 && polls < 10; polls++) {
		const emitted = (await next()).map((order) => order.order_id);
		quiet = emitted.length ? 0 : quiet + 1;
		ids.push(...emitted);
	}
	return ids;
}

test(`page cap: a poll asks for at most ${MAX_PAGES_PER_POLL} pages, and the orders beyond them come on the next polls, each once`, async () => {
	const next = publishedPoller('newUnshipped');
	await next();
	const bulkIds = missedMoreThanOnePollReads(next, 100);
	const before = listRequests('/api/orders/unshipped');
	const first = await next();
	expect(listRequests('/api/orders/unshipped') - before).toBe(MAX_PAGES_PER_POLL);
	expect(first).toHaveLength(ORDERS_PER_PAGE * MAX_PAGES_PER_POLL);
	const emitted = [...first.map((order) => order.order_id), ...(await pollUntilQuiet(next))];
	expect(emitted).toHaveLength(bulkIds.length);
	expect(new Set(emitted)).toEqual(new Set(bulkIds));
});

test.each([
	['less than a page', ORDERS_PER_PAGE - 150],
	['more than a page', ORDERS_PER_PAGE + 50],
])(
	'page cap: %s of orders leaving the list between two polls does not make the next poll skip any',
	async (_size, leaving) => {
		const next = publishedPoller('newUnshipped');
		await next();
		const bulkIds = missedMoreThanOnePollReads(next, 500);
		const first = (await next()).map((order) => order.order_id);
		// Orders the first poll read get labelled: the unread ones move up the list, which still holds more than a poll reads.
		for (const id of first.slice(0, leaving)) await sandbox.setOrderStatus(Number(id), 'Printed');
		const emitted = [...first, ...(await pollUntilQuiet(next))];
		expect(emitted).toHaveLength(bulkIds.length);
		expect(new Set(emitted)).toEqual(new Set(bulkIds));
	},
);

/** An update that leaves the tracking status alone (here: the order is manifested). */
function updateWithoutStatusChange(orderNumber: string) {
	const order = sandboxOrder(orderNumber);
	order.manifest_number = 'M-2';
	order.last_updated_date = new Date(
		Math.max(Date.now(), Date.parse(order.last_updated_date) + 1),
	).toISOString();
}

test('tracking changes: an unrelated update of the order does not announce its status again, a real change does', async () => {
	const next = publishedPoller('trackingChanged');
	await next();
	await sandbox.setOrderStatus(SEED.printedOrder, 'InTransit');
	expect((await next()).map((order) => order.status)).toEqual(['InTransit']);
	updateWithoutStatusChange(SEED.printedOrder);
	expect(await next()).toEqual([]);
	await sandbox.setOrderStatus(SEED.printedOrder, 'Delivered');
	expect((await next()).map((order) => order.status)).toEqual(['Delivered']);
});

test('tracking changes: an order shipped before publishing starts one run with its current status the first time it is seen, then only on a change', async () => {
	const next = publishedPoller('trackingChanged');
	await next();
	updateWithoutStatusChange(SEED.deliveredOrder);
	expect((await next()).map((order) => `${order.order_number}:${order.status}`)).toEqual([
		`${SEED.deliveredOrder}:Delivered`,
	]);
	updateWithoutStatusChange(SEED.deliveredOrder);
	expect(await next()).toEqual([]);
});

test('labelled or shipped: a tracking update days later does not announce the label again', async () => {
	const realNow = Date.now.bind(Date);
	const clock = jest.spyOn(Date, 'now');
	const clockAhead = (hours: number) =>
		clock.mockImplementation(() => realNow() + hours * 3600_000);
	try {
		const next = publishedPoller('shipped');
		await next();
		await sandbox.setOrderStatus(SEED.domesticOrder, 'Printed');
		expect((await next()).map((order) => order.order_number)).toEqual([SEED.domesticOrder]);
		clockAhead(25);
		expect(await next()).toEqual([]);
		clockAhead(50);
		expect(await next()).toEqual([]);
		await sandbox.setOrderStatus(SEED.domesticOrder, 'Delivered');
		expect(await next()).toEqual([]);
	} finally {
		clock.mockRestore();
	}
});

test('what the trigger remembers between polls stays bounded, even after more orders than it keeps, and none is announced twice', async () => {
	const next = publishedPoller('newUnshipped');
	await next();
	const bulkIds = missedMoreThanOnePollReads(
		next,
		MAX_ENTRIES + 100 - ORDERS_PER_PAGE * MAX_PAGES_PER_POLL,
	);
	const emitted = await pollUntilQuiet(next);
	expect(emitted).toHaveLength(bulkIds.length);
	expect(new Set(emitted)).toEqual(new Set(bulkIds));
	expect(next.state().announced!.count).toBeLessThanOrEqual(MAX_ENTRIES);
	expect(next.state().announced!.floor).toBeGreaterThan(0);
}, 60_000);

test('"Fetch Test Event" in the editor shows a few recent orders without moving the cursor', async () => {
	const node = pollNode('shipped');
	const workflow = triggerWorkflow([node]);
	const result = await poll(workflow, node, sandboxCredentials(sandbox), 'manual');
	expect(result?.[0].length).toBeGreaterThan(0);
	expect(
		Object.values(workflow.staticData).some((data) =>
			Boolean((data as { cursor?: string }).cursor),
		),
	).toBe(false);
	await poll(workflow, node, sandboxCredentials(sandbox));
	// ...while a real poll does set it: the check above can fail.
	expect(
		Object.values(workflow.staticData).some((data) =>
			Boolean((data as { cursor?: string }).cursor),
		),
	).toBe(true);
});

/**
 * Bursts bigger than any fixed memory: every order (or status change) is announced once, none twice,
 * none missed, while orders keep changing between polls (churn). The suites: poll-bursts.test.ts (up to
 * 12,000 orders) and poll-bursts-large.test.ts (more than the 15,000 orders the memory keeps otherwise).
 */
import type { INode } from 'n8n-workflow';

import { sandboxCredentials } from '../harness/sandbox-credentials';
import { poll, triggerWorkflow } from '../harness/trigger-contexts';
import { useSandbox } from '../harness/use-sandbox';
import type { Sandbox } from '../sandbox';
import type { SandboxOrder } from '../sandbox/types';

let sandbox: Sandbox;

function publishedPoller(event: string) {
	const node: INode = {
		id: 'poll',
		name: 'Starshipit Poll Trigger',
		type: 'n8n-nodes-starshipit.starshipitPollTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { event },
		credentials: { starshipitApi: { id: 'sandbox', name: 'Starshipit sandbox' } },
	};
	const workflow = triggerWorkflow([node]);
	const next = async () =>
		((await poll(workflow, node, sandboxCredentials(sandbox)))?.[0] ?? []).map((item) => item.json);
	/** Whether the last poll finished its pass over the list (a pass cut short by the page cap goes on at the next poll). */
	const passComplete = () => !(Object.values(workflow.staticData)[0] as { walk?: object }).walk;
	return Object.assign(next, { passComplete });
}

const nowIso = () => new Date().toISOString();
const bulk = () => sandbox.store.orders.filter((order) => order.order_number.startsWith('BULK-'));

/** `count` new orders, dated now (an order dated before publishing would rightly start nothing). */
function newOrders(count: number): SandboxOrder[] {
	const before = sandbox.store.orders.length;
	sandbox.seedBulkOrders(count);
	const created = sandbox.store.orders.slice(before);
	for (const order of created)
		Object.assign(order, { order_date: nowIso(), last_updated_date: nowIso() });
	return created;
}

function label(order: SandboxOrder) {
	Object.assign(order, {
		status: 'Printed',
		carrier: 'AusPost',
		carrier_name: 'Australia Post',
		tracking_number: `SSI${order.order_id}`,
		tracking_status: 'Printed',
		shipment_date: nowIso(),
		last_updated_date: nowIso(),
	});
}

const touch = (order: SandboxOrder, fields: Partial<SandboxOrder> = {}) =>
	Object.assign(order, {
		reference: `Edited ${Date.now()}`,
		...fields,
		last_updated_date: nowIso(),
	});
const every = (orders: SandboxOrder[], nth: number, offset = 0) =>
	orders.filter((_order, index) => index % nth === offset);

interface Scenario {
	/** Makes the burst and returns the events it should announce. */
	burst: (size: number) => string[];
	/** Changes between two polls; returns the new events among them (`announced`: what was announced so far). */
	churn: (round: number, announced: Set<string>) => string[];
	/** The event an announced item stands for. */
	eventOf: (item: Record<string, unknown>) => string;
}

const SCENARIOS: Record<string, Scenario> = {
	newUnshipped: {
		burst: (size) => newOrders(size).map((order) => String(order.order_id)),
		// Unrelated edits of announced orders (no event), and a few new orders (events).
		churn: (round) => {
			for (const order of every(bulk(), 7, round % 7)) touch(order);
			return newOrders(25).map((order) => String(order.order_id));
		},
		eventOf: (item) => String(item.order_id),
	},
	shipped: {
		burst: (size) => newOrders(size).map((order) => (label(order), String(order.order_id))),
		// Tracking moves on for labelled orders (no new label), and a few more orders get labelled.
		churn: (round) => {
			for (const order of every(bulk(), 5, round % 5))
				touch(order, { tracking_status: 'InTransit' });
			return newOrders(25).map((order) => (label(order), String(order.order_id)));
		},
		eventOf: (item) => String(item.order_id),
	},
	trackingChanged: {
		burst: (size) =>
			newOrders(size).map((order) => (label(order), `${order.order_number}:Printed`)),
		// Some shipments move on (events), others only get manifested (no event). Only shipments whose label was
		// announced move on: a poll cannot see a status that came and went between two of its reads.
		churn: (round, announced) => {
			const shipments = bulk();
			for (const order of every(shipments, 9, round % 9))
				touch(order, { manifest_number: `M-${round}` });
			const movingOn = every(shipments, 11, round % 11).filter(
				(order) =>
					order.tracking_status === 'Printed' && announced.has(`${order.order_number}:Printed`),
			);
			return movingOn.map(
				(order) => (
					touch(order, { tracking_status: 'InTransit' }),
					`${order.order_number}:InTransit`
				),
			);
		},
		eventOf: (item) => `${String(item.order_number)}:${String(item.status)}`,
	},
};

/**
 * Each event, for each burst (size, and whether orders keep changing while it is read). A pass over the list
 * reads 2,500 orders a poll, and the next pass reads again whatever changed in the 5 minutes before the last
 * one began: here the whole burst, as the test runs in seconds.
 */
export function burstSuite(bursts: Array<[number, boolean]>): void {
	sandbox = useSandbox().sandbox;

	describe.each(Object.keys(SCENARIOS))('%s', (event) => {
		test.each(bursts)(
			'a burst of %i orders (churn: %s): each event once, none missed',
			async (size, withChurn) => {
				const scenario = SCENARIOS[event];
				const next = publishedPoller(event);
				await next();
				const expected = scenario.burst(size);
				const announced: string[] = [];
				// Churn while the burst is still being read; then poll until a pass over the list that began after the
				// last change ends having announced nothing.
				const churnRounds = withChurn ? 4 : 0;
				for (let round = 0, passStart = 0, passItems = 0; round < 60; round++) {
					const items = (await next()).map(scenario.eventOf);
					announced.push(...items);
					passItems += items.length;
					if (next.passComplete()) {
						if (passItems === 0 && passStart >= churnRounds) break;
						[passStart, passItems] = [round + 1, 0];
					}
					if (round < churnRounds) expected.push(...scenario.churn(round, new Set(announced)));
				}
				const counts = new Map<string, number>();
				for (const item of announced) counts.set(item, (counts.get(item) ?? 0) + 1);
				const duplicates = [...counts].filter(([, count]) => count > 1).length;
				const missed = expected.filter((item) => !counts.has(item)).length;
				const expectedSet = new Set(expected);
				const unexpected = [...counts.keys()].filter((item) => !expectedSet.has(item)).length;
				expect({ duplicates, missed, unexpected }).toEqual({
					duplicates: 0,
					missed: 0,
					unexpected: 0,
				});
			},
			120_000,
		);
	});
}

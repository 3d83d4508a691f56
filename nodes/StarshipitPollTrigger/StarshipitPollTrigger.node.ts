import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { LIMITS, starshipitRequestAllItems } from '../Starshipit/transport';
import {
	currentWalk,
	eventsSince,
	MAX_PAGES_PER_POLL,
	recordProgress,
	type PollState,
} from './cursor';
import { normaliseTrackingEvent, recordSeenByPoll, shipmentKey } from '../shared/tracking';
import { EVENTS, isEvent, type PollEvent } from './events';
import { forgetUnneeded, rememberValue } from './seen';
import { readWalk } from './walk';
import { pollWritebackFailures } from './writeback';

const SAMPLE_WINDOW_MS = 7 * 24 * 3600_000;

export class StarshipitPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Starshipit Poll Trigger',
		name: 'starshipitPollTrigger',
		icon: { light: 'file:starshipit.svg', dark: 'file:starshipit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ({ newUnshipped: "New Unshipped Order", shipped: "Order Labelled or Shipped", writebackFailed: "Write-back to Your Store Failed" })[$parameter["event"]] ?? "Tracking Status Changed" }}',
		description: 'Checks Starshipit on a schedule: the safety net for missed tracking webhooks',
		defaults: { name: 'Starshipit Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'starshipitApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'trackingChanged',
				options: [
					{
						name: 'New Unshipped Order',
						value: 'newUnshipped',
						description: 'An order arrived in Starshipit',
					},
					{
						name: 'Order Labelled or Shipped',
						value: 'shipped',
						description: 'An order got its label (once per order)',
					},
					{
						name: 'Tracking Status Changed',
						value: 'trackingChanged',
						description: 'A shipped order’s tracking status moved on',
					},
					{
						name: 'Write-Back to Your Store Failed',
						value: 'writebackFailed',
						description: 'Starshipit could not send an order’s tracking back to your shop',
					},
				],
			},
			{
				displayName:
					'Orders dated or labelled before you published (on n8n 1.x: activated) this workflow start nothing, even when they reach Starshipit later. After that, each new event starts one run, never two for the same one.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['newUnshipped', 'shipped'] } },
			},
			{
				displayName:
					'Each tracking status change starts one run, never two for the same one. The first time this trigger sees an order shipped before you published (on n8n 1.x: activated) this workflow, it starts a run with that order’s current status, even if the status has not changed: sending the same status to your shop again is harmless.',
				name: 'trackingNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['trackingChanged'] } },
			},
			{
				displayName:
					'One run per order whose tracking Starshipit could not write back to your shop, with the order number, the shop and Starshipit’s reason. Failures already there when you publish start nothing; an order that is fixed and fails again starts a new run.',
				name: 'writebackNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['writebackFailed'] } },
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getNodeParameter('event') === 'writebackFailed')
			return await pollWritebackFailures.call(this);
		const event = EVENTS[this.getNodeParameter('event') as string];
		if (this.getMode() === 'manual') return await recentSample.call(this, event);
		const state = this.getWorkflowStaticData('node') as PollState;
		const now = Date.now();
		// First poll: remember what is there and emit nothing, so publishing a workflow never floods it with old orders.
		// Should the page cap cut it short, the next polls emit the rest: orders changed within the overlap only.
		const first = !state.cursor && !state.walk;
		const since = eventsSince(state, now);
		const walk = currentWalk(state, now);
		const progress = await readWalk.call(this, event.endpoint, walk, MAX_PAGES_PER_POLL);
		const found = progress.rows.filter((order) => {
			const previously = rememberValue(
				state,
				String(order.order_id),
				event.value(order),
				event.floorTime?.(order),
				now,
			);
			return isEvent(event, order, previously, since);
		});
		if (event === EVENTS.trackingChanged)
			shareWithWebhookTrigger(this.getWorkflowStaticData('global'), progress.rows, now);
		recordProgress(state, walk, progress);
		forgetUnneeded(state);
		if (first) return null;
		return found.length ? [found.map((order) => ({ json: event.output(order) }))] : null;
	}
}

/** What this poll read of each shipment, for a webhook trigger in the same workflow (shared/tracking/seen-by-poll.ts). */
function shareWithWebhookTrigger(global: IDataObject, rows: IDataObject[], now: number): void {
	for (const row of rows) {
		const event = normaliseTrackingEvent(row);
		recordSeenByPoll(global, shipmentKey(event), String(event.status), now);
	}
}

/** "Fetch Test Event" in the editor: a few recent orders, shaped as a real run gets them, without touching the cursor. */
async function recentSample(
	this: IPollFunctions,
	event: PollEvent,
): Promise<INodeExecutionData[][] | null> {
	const orders = await starshipitRequestAllItems.call(this, {
		endpoint: event.endpoint,
		query: { since_last_updated: new Date(Date.now() - SAMPLE_WINDOW_MS).toISOString() },
		style: 'page-limit',
		itemsKey: 'orders',
		pageSize: LIMITS.legacyListMaxLimit,
		limit: 5,
	});
	return orders.length ? [orders.map((order) => ({ json: event.output(order) }))] : null;
}

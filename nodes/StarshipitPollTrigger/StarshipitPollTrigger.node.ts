import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { LIMITS, starshipitRequestAllItems, type EndpointName } from '../Starshipit/transport';
import { currentWalk, MAX_PAGES_PER_POLL, recordProgress, type PollState } from './cursor';
import { forgetBeyondLimit, isChanged } from './seen';
import { readWalk } from './walk';

/**
 * Per event: which list to read and the value whose change is the event, per order. Only what the event
 * is about goes into the value: an unrelated update (a manifest, an address fix) must not announce it again.
 */
const EVENTS: Record<string, { endpoint: EndpointName; value: (order: IDataObject) => string }> = {
	newUnshipped: { endpoint: 'ordersUnshipped', value: () => 'new' },
	shipped: { endpoint: 'ordersShipped', value: () => 'labelled' },
	// The tracking number too: a redone label is a new shipment, even with the same status.
	trackingChanged: { endpoint: 'ordersShipped', value: (order) => `${String(order.tracking_number ?? '')}|${String(order.tracking_status ?? '')}` },
};

const SAMPLE_WINDOW_MS = 7 * 24 * 3600_000;

/** The memory forgets the orders unchanged for longest first: they are the least likely to come back. */
const updatedAt = (order: IDataObject, now: number) => Date.parse(String(order.last_updated_date)) || now;

export class StarshipitPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Starshipit Poll Trigger',
		name: 'starshipitPollTrigger',
		icon: { light: 'file:starshipit.svg', dark: 'file:starshipit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
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
					{ name: 'New Unshipped Order', value: 'newUnshipped', description: 'An order arrived in Starshipit' },
					{ name: 'Order Labelled or Shipped', value: 'shipped', description: 'An order got its label (once per order)' },
					{ name: 'Tracking Status Changed', value: 'trackingChanged', description: 'A shipped order’s tracking status moved on' },
				],
			},
			{
				displayName: 'The first check after publishing only remembers where it stands: it starts nothing for older orders. Each later check starts one run per new event, never twice for the same one.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = EVENTS[this.getNodeParameter('event') as string];
		if (this.getMode() === 'manual') return await recentSample.call(this, event.endpoint);
		const state = this.getWorkflowStaticData('node') as PollState;
		const now = Date.now();
		// First poll: remember what is there and emit nothing, so publishing a workflow never floods it with old orders.
		// Should the page cap cut it short, the next polls emit the rest: orders changed within the overlap only.
		const first = !state.cursor && !state.walk;
		const walk = currentWalk(state, now);
		const progress = await readWalk.call(this, event.endpoint, walk, MAX_PAGES_PER_POLL);
		const changed = progress.rows.filter((order) => isChanged(state, String(order.order_id), event.value(order), updatedAt(order, now)));
		recordProgress(state, walk, progress);
		forgetBeyondLimit(state);
		if (first) return null;
		return changed.length ? [changed.map((json) => ({ json }))] : null;
	}
}

/** "Fetch Test Event" in the editor: a few recent orders, without touching the cursor. */
async function recentSample(this: IPollFunctions, endpoint: EndpointName): Promise<INodeExecutionData[][] | null> {
	const orders = await starshipitRequestAllItems.call(this, {
		endpoint,
		query: { since_last_updated: new Date(Date.now() - SAMPLE_WINDOW_MS).toISOString() },
		style: 'page-limit',
		itemsKey: 'orders',
		pageSize: LIMITS.legacyListMaxLimit,
		limit: 5,
	});
	return orders.length ? [orders.map((json) => ({ json }))] : null;
}

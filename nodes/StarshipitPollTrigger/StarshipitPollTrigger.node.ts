import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { LIMITS, starshipitRequestAllItems, type EndpointName } from '../Starshipit/transport';
import { forgetOld, isNew, OVERLAP_MS, type PollState } from './cursor';

/** At most this many pages per poll keeps each poll's requests bounded under the rate limit. */
const MAX_PAGES_PER_POLL = 10;

const EVENTS: Record<string, { endpoint: EndpointName; sinceParam: string; key: (order: IDataObject) => string; value: (order: IDataObject) => string }> = {
	// Last updated, not order date: an order imported today may carry last week's order date.
	newUnshipped: { endpoint: 'ordersUnshipped', sinceParam: 'since_last_updated', key: (order) => String(order.order_id), value: () => 'new' },
	shipped: { endpoint: 'ordersShipped', sinceParam: 'since_last_updated', key: (order) => String(order.order_id), value: () => 'labelled' },
	trackingChanged: {
		endpoint: 'ordersShipped',
		sinceParam: 'since_last_updated',
		key: (order) => String(order.order_id),
		value: (order) => `${String(order.tracking_status ?? '')}|${String(order.last_updated_date ?? '')}`,
	},
};

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
		const state = this.getWorkflowStaticData('node') as PollState;
		const now = Date.now();
		const manual = this.getMode() === 'manual';
		// First poll: remember what is there and emit nothing, so publishing a workflow never floods it with old orders.
		const first = !manual && !state.cursor;
		const from = manual ? now - 7 * 24 * 3600_000 : first ? now - OVERLAP_MS : Date.parse(state.cursor as string) - OVERLAP_MS;
		const since = new Date(from);
		const orders = await starshipitRequestAllItems.call(this, {
			endpoint: event.endpoint,
			query: { [event.sinceParam]: since.toISOString() },
			style: 'page-limit',
			itemsKey: 'orders',
			pageSize: LIMITS.legacyListMaxLimit,
			limit: manual ? 5 : LIMITS.legacyListMaxLimit * MAX_PAGES_PER_POLL,
		});
		if (manual) return orders.length ? [orders.map((json) => ({ json }))] : null;
		const fresh = orders.filter((order) => isNew(state, event.key(order), event.value(order), now));
		state.cursor = new Date(now).toISOString();
		forgetOld(state, now);
		if (first) return null;
		return fresh.length ? [fresh.map((json) => ({ json }))] : null;
	}
}

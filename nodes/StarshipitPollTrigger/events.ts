import type { IDataObject } from 'n8n-workflow';

import type { EndpointName } from '../Starshipit/transport';
import type { Previously } from './seen';
import { UNCONFIRMED } from '../Starshipit/transport/api-reference';
import { normaliseTrackingEvent, parseUtc, toSeconds } from '../shared/tracking';

export interface PollEvent {
	/** The list to read. */
	endpoint: EndpointName;
	/**
	 * The value whose change is the event, per order. Only what the event is about goes into it: an
	 * unrelated update (a manifest, an address fix) must not announce it again.
	 */
	value: (order: IDataObject) => string;
	/**
	 * When the event happened, checked for an order the trigger does not remember: one from before the
	 * trigger started happened before publishing. Absent: every order counts the first time it is seen.
	 */
	happenedAt?: (order: IDataObject) => unknown;
	/**
	 * What never changes for the event once it happened, as a number that only grows with newer events:
	 * lets the memory forget without re-announcing (seen.ts). Absent: the event can happen again.
	 */
	floorTime?: (order: IDataObject) => number | undefined;
	/** What a run gets. */
	output: (order: IDataObject) => IDataObject;
}

const labelDate = (order: IDataObject) => order.shipped_date ?? order.shipment_date;

function secondsOf(date: unknown): number | undefined {
	const time = parseUtc(date);
	return time === undefined ? undefined : toSeconds(time);
}

/** The tracking number too: a redone label is a new shipment, even with the same status. */
function trackingValue(order: IDataObject): string {
	const { tracking_number, status } = normaliseTrackingEvent(order);
	return `${String(tracking_number ?? '')}|${String(status)}`;
}

export const EVENTS: Record<string, PollEvent> = {
	newUnshipped: {
		endpoint: 'ordersUnshipped',
		value: () => 'new',
		happenedAt: (order) => order.order_date,
		floorTime: UNCONFIRMED.orderIdOrder,
		output: (order) => order,
	},
	// shipped_date is the name in Starshipit's documented list rows; shipment_date the full order's.
	shipped: {
		endpoint: 'ordersShipped',
		value: () => 'labelled',
		happenedAt: labelDate,
		floorTime: (order) => secondsOf(labelDate(order)),
		output: (order) => order,
	},
	// The same fields as the webhook trigger's, so a workflow fed by both maps one set.
	trackingChanged: {
		endpoint: 'ordersShipped',
		value: trackingValue,
		output: normaliseTrackingEvent,
	},
};

/**
 * Whether reading this order is an event. A remembered order: when its value changed; one announced and
 * forgotten since: never. One the trigger does not know: when the event happened on or after `since` (the
 * trigger's start minus the overlap), as the first poll only remembers orders updated in the last few
 * minutes, and an older order's next update would otherwise announce what happened before publishing.
 */
export function isEvent(
	event: PollEvent,
	order: IDataObject,
	previously: Previously,
	since: number,
): boolean {
	if (previously !== 'unknown') return previously === 'changed';
	if (!event.happenedAt) return true;
	const at = parseUtc(event.happenedAt(order));
	// No date to go by: announce it, as a missed order costs more than a repeated one.
	return at === undefined || at >= since;
}

import type { IDataObject } from 'n8n-workflow';

import type { EndpointName } from '../Starshipit/transport';
import { normaliseTrackingEvent } from '../StarshipitTrigger/normalise';

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
	/** What a run gets. */
	output: (order: IDataObject) => IDataObject;
}

/** The tracking number too: a redone label is a new shipment, even with the same status. */
function trackingValue(order: IDataObject): string {
	const { tracking_number, status } = normaliseTrackingEvent(order);
	return `${String(tracking_number ?? '')}|${String(status)}`;
}

export const EVENTS: Record<string, PollEvent> = {
	newUnshipped: { endpoint: 'ordersUnshipped', value: () => 'new', happenedAt: (order) => order.order_date, output: (order) => order },
	// shipped_date is the name in Starshipit's documented list rows; shipment_date the full order's.
	shipped: { endpoint: 'ordersShipped', value: () => 'labelled', happenedAt: (order) => order.shipped_date ?? order.shipment_date, output: (order) => order },
	// The same fields as the webhook trigger's, so a workflow fed by both maps one set.
	trackingChanged: { endpoint: 'ordersShipped', value: trackingValue, output: normaliseTrackingEvent },
};

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Starshipit's API dates are UTC, but some come without a zone ("2026-06-01T07:29:07" in a real list):
 * read those as UTC too, not in the n8n server's zone. Undefined when there is no date to read.
 */
export function parseUtc(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const time = Date.parse(text.includes('T') && !HAS_ZONE.test(text) ? `${text}Z` : text);
	return Number.isNaN(time) ? undefined : time;
}

/**
 * Whether reading this order is an event. A remembered order: when its value changed. One the trigger
 * does not remember: when the event happened on or after `since` (the trigger's start minus the overlap),
 * as the first poll only remembers orders updated in the last few minutes, and an older order's next
 * update would otherwise announce what happened before publishing.
 */
export function isEvent(event: PollEvent, order: IDataObject, remembered: string | undefined, since: number): boolean {
	if (remembered !== undefined) return remembered !== event.value(order);
	if (!event.happenedAt) return true;
	const at = parseUtc(event.happenedAt(order));
	// No date to go by: announce it, as a missed order costs more than a repeated one.
	return at === undefined || at >= since;
}

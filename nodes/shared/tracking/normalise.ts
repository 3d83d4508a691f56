import type { IDataObject } from 'n8n-workflow';

/**
 * One tracking event in names a workflow can map without guessing, from the webhook payload or from a
 * row of the shipped-orders list (the poll trigger): a workflow fed by both triggers maps one set of
 * fields. The fallbacks are the names the list rows use for the same facts (its documented rows say
 * tracking_short_status, reference, carrier_service_code, shipped_date; the webhook's names come first).
 */
export function normaliseTrackingEvent(source: IDataObject): IDataObject {
	const status = String(source.tracking_status ?? source.tracking_short_status ?? '');
	return {
		order_number: source.order_number,
		order_reference: source.order_reference ?? source.reference,
		tracking_number: source.tracking_number,
		carrier: source.carrier_name ?? source.carrier,
		service: source.carrier_service ?? source.carrier_service_code,
		status,
		delivered: status.toLowerCase() === 'delivered',
		shipment_date: source.shipment_date ?? source.shipped_date,
		last_updated: source.last_updated_date,
	};
}

/**
 * Which shipment a tracking event is about, from a webhook payload or a list row (both name these two
 * fields alike): the order and its tracking number, as a redone label is a new shipment. Both triggers
 * key their memories with it, so the webhook trigger finds what a poll trigger read (seen-by-poll.ts).
 */
export const shipmentKey = (event: IDataObject) =>
	`${String(event.order_number ?? '')}|${String(event.tracking_number ?? '')}`;

export const TRACKING_STATUSES = [
	'AttemptedDelivery',
	'AwaitingCollection',
	'Cancelled',
	'Delivered',
	'Dispatched',
	'Exception',
	'InTransit',
	'OutForDelivery',
	'PickupInStore',
	'Printed',
];

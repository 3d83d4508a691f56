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

/** Starshipit sends no event id: the same order, tracking number, status and time is the same event. */
export const eventKey = (payload: IDataObject) =>
	[payload.order_number, payload.tracking_number, payload.tracking_status, payload.last_updated_date].map((part) => String(part ?? '')).join('|');

export const TRACKING_STATUSES = ['AttemptedDelivery', 'AwaitingCollection', 'Cancelled', 'Delivered', 'Dispatched', 'Exception', 'InTransit', 'OutForDelivery', 'PickupInStore', 'Printed'];

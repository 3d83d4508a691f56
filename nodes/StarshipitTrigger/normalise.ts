import type { IDataObject } from 'n8n-workflow';

/** The documented webhook payload, in names a workflow can map without guessing. */
export function normaliseTrackingEvent(payload: IDataObject): IDataObject {
	const status = String(payload.tracking_status ?? '');
	return {
		order_number: payload.order_number,
		order_reference: payload.order_reference,
		tracking_number: payload.tracking_number,
		carrier: payload.carrier_name,
		service: payload.carrier_service,
		status,
		delivered: status.toLowerCase() === 'delivered',
		shipment_date: payload.shipment_date,
		last_updated: payload.last_updated_date,
	};
}

/** Starshipit sends no event id: the same order, tracking number, status and time is the same event. */
export const eventKey = (payload: IDataObject) =>
	[payload.order_number, payload.tracking_number, payload.tracking_status, payload.last_updated_date].map((part) => String(part ?? '')).join('|');

export const TRACKING_STATUSES = ['AttemptedDelivery', 'AwaitingCollection', 'Cancelled', 'Delivered', 'Dispatched', 'Exception', 'InTransit', 'OutForDelivery', 'PickupInStore', 'Printed'];

import type { IDataObject } from 'n8n-workflow';

/**
 * The fields a workflow usually needs from an order, flat. Full orders nest the recipient under
 * `destination`; the shipped list's short rows carry `name`, `country` and `tracking_short_status`.
 */
export function simplifyOrder(order: IDataObject): IDataObject {
	const destination = (order.destination as IDataObject | undefined) ?? {};
	return {
		order_id: order.order_id,
		order_number: order.order_number,
		reference: order.reference,
		status: order.status,
		order_date: order.order_date,
		recipient: destination.name ?? order.name,
		country: destination.country ?? order.country,
		carrier_name: order.carrier_name,
		tracking_number: order.tracking_number,
		tracking_status: order.tracking_status ?? order.tracking_short_status,
		last_updated_date: order.last_updated_date,
	};
}

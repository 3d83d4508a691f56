import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { starshipitRequest } from '../transport';

/** The Order picker: recent orders, or those whose number or reference contains the filter. */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = filter
		? await starshipitRequest.call(this, {
				endpoint: 'ordersSearch',
				query: { phrase: filter, fields: 'All', status: 'All', limit: 50 },
			})
		: await starshipitRequest.call(this, { endpoint: 'ordersUnshipped', query: { limit: 50 } });
	const orders = (Array.isArray(body.orders) ? body.orders : []) as IDataObject[];
	return {
		results: orders.map((order) => ({
			name: `${String(order.order_number)} · ${String((order.destination as IDataObject | undefined)?.name ?? order.status ?? '')}`,
			value: String(order.order_id),
		})),
	};
}

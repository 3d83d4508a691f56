import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { outputFor } from '../../helpers/items';
import { returnAllAndLimit } from '../../helpers/paging';
import { simplifyField, wantsSimplified } from '../../helpers/simplify';
import { starshipitRequestAllItems, type AllPagesRequest } from '../../transport';
import { listLimit } from '../../validation/read';
import { simplifyOrder } from './simplify';

/** Reading order lists, shared by Get Many and Search: Return All, Limit and Simplify, and the lists read one after another. */

/** Return All, Limit and Simplify (hidden when Get Many gives its counts only). */
export const listOptions: INodeProperties[] = [
	...returnAllAndLimit.map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, hide: { summaryOutput: ['counts'] } },
	})),
	{ ...simplifyField, displayOptions: { hide: { summaryOutput: ['counts'] } } },
];

/** The lists one after another, up to the limit, each order once (an order may move between lists while they are read). */
export async function listOrders(
	this: IExecuteFunctions,
	itemIndex: number,
	requests: AllPagesRequest[],
): Promise<INodeExecutionData[]> {
	const limit = listLimit.call(this, itemIndex);
	const orders: IDataObject[] = [];
	const seen = new Set<unknown>();
	for (const request of requests) {
		const remaining = limit === undefined ? undefined : limit - orders.length;
		if (remaining !== undefined && remaining <= 0) break;
		for (const order of await starshipitRequestAllItems.call(this, {
			...request,
			limit: remaining,
		})) {
			if (order.order_id !== undefined && seen.has(order.order_id)) continue;
			seen.add(order.order_id);
			orders.push(order);
		}
	}
	const simplify = wantsSimplified.call(this, itemIndex);
	return outputFor(itemIndex, simplify ? orders.map(simplifyOrder) : (orders as IDataObject[]));
}

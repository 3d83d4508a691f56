import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { starshipitRequest, type StarshipitContext } from '../../transport';

/** Pick an order by Starshipit ID, by your order number, or from a searchable list. */
export const orderLocator: INodeProperties = {
	displayName: 'Order',
	name: 'order',
	type: 'resourceLocator',
	default: { mode: 'orderNumber', value: '' },
	required: true,
	description: 'The order in Starshipit',
	modes: [
		{ displayName: 'By Order Number', name: 'orderNumber', type: 'string', placeholder: 'e.g. 1001', hint: 'Your shop or system’s order number' },
		{
			displayName: 'By Starshipit ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 123456',
			validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: 'A Starshipit order ID is a number' } }],
		},
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchOrders', searchable: true } },
	],
};

/** The most recent order with exactly this number, in any status (search matches parts of numbers). */
export async function findOrderByNumber(this: StarshipitContext, orderNumber: string, itemIndex?: number): Promise<IDataObject | undefined> {
	const body = await starshipitRequest.call(this, {
		endpoint: 'ordersSearch',
		query: { phrase: orderNumber, fields: 'Order_Number', status: 'All', limit: 250 },
		sourceOrderId: orderNumber,
		itemIndex,
	});
	const orders = (Array.isArray(body.orders) ? body.orders : []) as IDataObject[];
	return orders.filter((order) => String(order.order_number) === orderNumber).pop();
}

/** One order by ID or number. `status` defaults to Unshipped in Starshipit, so printed ones need a second look. */
async function getFullOrder(this: IExecuteFunctions, query: IDataObject, itemIndex: number): Promise<IDataObject | undefined> {
	for (const status of ['Unshipped', 'Shipped', 'Archived']) {
		const body = await starshipitRequest.call(this, { endpoint: 'ordersGet', query: { ...query, status }, itemIndex, notFoundAsEmpty: true });
		if (body.order) return body.order as IDataObject;
	}
	return undefined;
}

/** Reads the order the locator points at, or says plainly that Starshipit has no such order. */
export async function resolveOrder(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const locator = this.getNodeParameter('order', itemIndex) as { mode: string; value: string };
	const value = String(locator.value ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `Order is empty in item ${itemIndex + 1}`, {
			itemIndex,
			description: 'Enter an order number or Starshipit order ID, or map one from the previous node.',
		});
	}
	const byId = locator.mode === 'id' || locator.mode === 'list';
	const order = await getFullOrder.call(this, byId ? { order_id: value } : { order_number: value }, itemIndex);
	if (!order) {
		throw new NodeOperationError(this.getNode(), `Starshipit has no order ${byId ? 'with ID' : 'numbered'} ${value} (item ${itemIndex + 1})`, {
			itemIndex,
			description: byId ? 'Check the Starshipit order ID.' : 'Check the order number: it must match the number sent to Starshipit exactly.',
		});
	}
	return order;
}

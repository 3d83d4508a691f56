import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { returnAllAndLimit } from '../../helpers/paging';
import { LIMITS, starshipitRequestAllItems, type AllPagesRequest } from '../../transport';
import { dateValue } from '../../validation/dates';
import { validateInput } from '../../validation/validate';
import type { OperationModule } from '../types';
import { listFilterFields, listFilterSchema, orderListFilter } from './listFilter';
import { simplifyOrder } from './simplify';

const description: INodeProperties[] = [
	{
		displayName: 'Orders',
		name: 'status',
		type: 'options',
		default: 'unshipped',
		options: [
			{ name: 'All (Unshipped, Printed and Shipped)', value: 'all', description: 'Every order that is not archived, newest pages first' },
			{ name: 'Archived', value: 'archived' },
			{ name: 'Shipped or Printed', value: 'shipped', description: 'Orders with a label' },
			{ name: 'Unshipped', value: 'unshipped', description: 'Orders waiting to be printed' },
		],
	},
	{
		displayName: 'Starshipit returns only the last 24 hours of orders unless you set a "Since" date below',
		name: 'windowNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { status: ['unshipped', 'shipped'] } },
	},
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { status: ['unshipped', 'shipped'] } },
		description: 'Only orders from this date and time on. Empty: the last 24 hours (Starshipit’s default).',
	},
	{
		displayName: 'Since Applies To',
		name: 'sinceField',
		type: 'options',
		default: 'orderDate',
		displayOptions: { show: { status: ['unshipped'] } },
		options: [
			{ name: 'Last Updated', value: 'lastUpdated' },
			{ name: 'Order Date', value: 'orderDate' },
		],
	},
	...listFilterFields,
	...returnAllAndLimit,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	},
];

/** Unshipped and shipped use the older lists (with the 24-hour window); the rest the paged list. */
function listRequest(this: IExecuteFunctions, itemIndex: number): AllPagesRequest {
	const status = this.getNodeParameter('status', itemIndex) as string;
	const sinceIso = dateValue.call(this, this.getNodeParameter('since', itemIndex, ''), 'Since', itemIndex)?.toISOString();
	if (status === 'unshipped') {
		const sinceParam = this.getNodeParameter('sinceField', itemIndex, 'orderDate') === 'lastUpdated' ? 'since_last_updated' : 'since_order_date';
		return { endpoint: 'ordersUnshipped', query: sinceIso ? { [sinceParam]: sinceIso } : {}, style: 'page-limit', itemsKey: 'orders', pageSize: LIMITS.legacyListMaxLimit, itemIndex };
	}
	if (status === 'shipped') {
		return { endpoint: 'ordersShipped', query: sinceIso ? { since_last_updated: sinceIso } : {}, style: 'page-limit', itemsKey: 'orders', pageSize: LIMITS.legacyListMaxLimit, itemIndex };
	}
	const apiStatus = status === 'archived' ? 'Archived' : 'All';
	return { endpoint: 'ordersGet', query: { status: apiStatus, ...pagedListQuery.call(this, itemIndex) }, style: 'page-number-size', itemsKey: 'orders', pageSize: LIMITS.pagedListMaxPageSize, itemIndex };
}

/** Filters and sort of the paged list, checked before anything is sent. */
function pagedListQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = validateInput(this.getNode(), listFilterSchema, this.getNodeParameter('filters', itemIndex, {}), itemIndex, 'filter') as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	const dateFrom = dateValue.call(this, filters.dateFrom, 'Order Date From', itemIndex);
	const dateTo = dateValue.call(this, filters.dateTo, 'Order Date To', itemIndex);
	const filter = orderListFilter(filters, dateFrom, dateTo);
	if (filter) query.filter = filter;
	if (sort.column || sort.direction) {
		query.sort_column = sort.column ?? 'Date';
		query.sort_direction = sort.direction ?? 'Descending';
	}
	return query;
}

export async function listOrders(this: IExecuteFunctions, itemIndex: number, request: AllPagesRequest): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const orders = await starshipitRequestAllItems.call(this, { ...request, limit });
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return outputFor(itemIndex, simplify ? orders.map(simplifyOrder) : (orders as IDataObject[]));
}

export const getManyOrdersOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => await listOrders.call(this, itemIndex, listRequest.call(this, itemIndex)));
	},
};

export const listOptions = description.filter((property) => ['returnAll', 'limit', 'simplify'].includes(property.name));

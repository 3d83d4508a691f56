import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { returnAllAndLimit } from '../../helpers/paging';
import { LIMITS, starshipitRequestAllItems, UNCONFIRMED, type AllPagesRequest } from '../../transport';
import { checkCountry } from '../../validation/checks';
import { dateValue } from '../../validation/dates';
import { checked, listLimit } from '../../validation/read';
import { validateInput } from '../../validation/validate';
import type { OperationModule } from '../types';
import { listFilterFields, listFilterSchema, orderListFilter } from './listFilter';
import { simplifyOrder } from './simplify';
import { simplifyField, wantsSimplified } from '../../helpers/simplify';

const description: INodeProperties[] = [
	{
		displayName: 'Orders',
		name: 'status',
		type: 'options',
		default: 'unshipped',
		options: [
			{ name: 'All (Unshipped, Printed and Shipped)', value: 'all', description: 'Every order that is not archived: the unshipped ones first, then the printed and shipped ones' },
			{ name: 'Archived', value: 'archived', description: 'Archived orders, as Starshipit’s order summary lists them (short rows)' },
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
	simplifyField,
];

/**
 * Unshipped and shipped use the older lists (with the 24-hour window). All reads the paged list in
 * each status the reference lists for it (no `status=All` exists); Archived reads the documented
 * order summary (`order_status=archived`), not an undocumented `status=Archived`.
 */
function listRequests(this: IExecuteFunctions, itemIndex: number): AllPagesRequest[] {
	const status = this.getNodeParameter('status', itemIndex) as string;
	const sinceIso = dateValue.call(this, this.getNodeParameter('since', itemIndex, ''), 'Since', itemIndex)?.toISOString();
	if (status === 'unshipped') {
		const sinceParam = this.getNodeParameter('sinceField', itemIndex, 'orderDate') === 'lastUpdated' ? 'since_last_updated' : 'since_order_date';
		return [{ endpoint: 'ordersUnshipped', query: sinceIso ? { [sinceParam]: sinceIso } : {}, style: 'page-limit', itemsKey: 'orders', pageSize: LIMITS.legacyListMaxLimit, itemIndex }];
	}
	if (status === 'shipped') {
		return [{ endpoint: 'ordersShipped', query: sinceIso ? { since_last_updated: sinceIso } : {}, style: 'page-limit', itemsKey: 'orders', pageSize: LIMITS.legacyListMaxLimit, itemIndex }];
	}
	const { sort_column: sortColumn, ...query } = pagedListQuery.call(this, itemIndex);
	if (status === 'archived') {
		const summaryQuery = { order_status: 'archived', ...query, ...(sortColumn ? { [UNCONFIRMED.summarySortParam]: sortColumn } : {}) };
		return [{ endpoint: 'ordersSummary', query: summaryQuery, style: 'page-size', itemsKey: 'orders', pageSize: LIMITS.pagedListMaxPageSize, itemIndex }];
	}
	const paged = { ...query, ...(sortColumn ? { sort_column: sortColumn } : {}) };
	return UNCONFIRMED.allOrdersStatuses.map((apiStatus) => ({ endpoint: 'ordersGet', query: { status: apiStatus, ...paged }, style: 'page-number-size', itemsKey: 'orders', pageSize: LIMITS.pagedListMaxPageSize, itemIndex }));
}

/** Filters and sort of the paged list, checked before anything is sent. */
function pagedListQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = validateInput(this.getNode(), listFilterSchema, this.getNodeParameter('filters', itemIndex, {}), itemIndex, 'filter') as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	const dateFrom = dateValue.call(this, filters.dateFrom, 'Order Date From', itemIndex);
	const dateTo = dateValue.call(this, filters.dateTo, 'Order Date To', itemIndex);
	const filter = orderListFilter({ ...filters, country: listFilterCountry.call(this, filters.country, itemIndex) }, dateFrom, dateTo);
	if (filter) query.filter = filter;
	if (sort.column || sort.direction) {
		query.sort_column = sort.column ?? 'Date';
		query.sort_direction = sort.direction ?? 'Descending';
	}
	return query;
}

/** Orders store the country's name: a code typed in the filter (AU) is looked for as its name (Australia). */
function listFilterCountry(this: IExecuteFunctions, value: unknown, itemIndex: number): string | undefined {
	return checked(this.getNode(), itemIndex, 'Country', checkCountry(value), 'Enter a country code (AU) or an English name (Australia), or remove the Country filter.')?.name;
}

/** The lists one after another, up to the limit, each order once (an order may move between lists while they are read). */
export async function listOrders(this: IExecuteFunctions, itemIndex: number, requests: AllPagesRequest[]): Promise<INodeExecutionData[]> {
	const limit = listLimit.call(this, itemIndex);
	const orders: IDataObject[] = [];
	const seen = new Set<unknown>();
	for (const request of requests) {
		const remaining = limit === undefined ? undefined : limit - orders.length;
		if (remaining !== undefined && remaining <= 0) break;
		for (const order of await starshipitRequestAllItems.call(this, { ...request, limit: remaining })) {
			if (order.order_id !== undefined && seen.has(order.order_id)) continue;
			seen.add(order.order_id);
			orders.push(order);
		}
	}
	const simplify = wantsSimplified.call(this, itemIndex);
	return outputFor(itemIndex, simplify ? orders.map(simplifyOrder) : (orders as IDataObject[]));
}

export const getManyOrdersOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => await listOrders.call(this, itemIndex, listRequests.call(this, itemIndex)));
	},
};

export const listOptions = description.filter((property) => ['returnAll', 'limit', 'simplify'].includes(property.name));

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { LIMITS, starshipitRequest, UNCONFIRMED, type AllPagesRequest } from '../../transport';
import { checkCountry } from '../../validation/checks';
import { dateValue } from '../../validation/dates';
import { checked } from '../../validation/read';
import { validateInput } from '../../validation/validate';
import type { OperationModule } from '../types';
import { listFilterFields, listFilterSchema, orderListFilter } from './listFilter';
import { listOptions, listOrders } from './listing';

/** The order summary's views (`GET /api/orders/summary?order_status=`), by this field's value. */
const SUMMARY_VIEWS: Record<string, string> = {
	archived: 'archived',
	new: 'new',
	printed: 'printed',
	summaryShipped: 'shipped',
};

const description: INodeProperties[] = [
	{
		displayName: 'Orders',
		name: 'status',
		type: 'options',
		default: 'unshipped',
		options: [
			{
				name: 'All (Unshipped, Printed and Shipped)',
				value: 'all',
				description:
					'Every order that is not archived: the unshipped ones first, then the printed and shipped ones',
			},
			{
				name: 'Archived',
				value: 'archived',
				description: 'Archived orders, as Starshipit’s order summary lists them (short rows)',
			},
			{
				name: 'New (Summary View)',
				value: 'new',
				description:
					'Orders not printed yet, as the New tab of Starshipit’s app lists them (short rows, any age)',
			},
			{
				name: 'Printed (Summary View)',
				value: 'printed',
				description:
					'Printed orders not yet handed to the carrier, as the Printed tab lists them (short rows)',
			},
			{
				name: 'Shipped (Summary View)',
				value: 'summaryShipped',
				description: 'Manifested orders, as the Shipped tab lists them (short rows)',
			},
			{ name: 'Shipped or Printed', value: 'shipped', description: 'Orders with a label' },
			{ name: 'Unshipped', value: 'unshipped', description: 'Orders waiting to be printed' },
		],
	},
	{
		displayName:
			'Starshipit returns only the last 24 hours of orders unless you set a "Since" date below',
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
		description:
			'Only orders from this date and time on. Empty: the last 24 hours (Starshipit’s default).',
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
	{
		displayName: 'Output',
		name: 'summaryOutput',
		type: 'options',
		default: 'orders',
		displayOptions: { show: { status: Object.keys(SUMMARY_VIEWS) } },
		options: [
			{ name: 'Orders', value: 'orders', description: 'One item per order' },
			{
				name: 'Counts Only',
				value: 'counts',
				description:
					'One item with Starshipit’s order counts (unprinted, printed, shipped, archived, returns…), for a dashboard or an alert',
			},
		],
	},
	...listFilterFields,
	...listOptions,
];

/**
 * Unshipped and shipped use the older lists (with the 24-hour window). All reads the paged list in
 * each status the reference lists for it (no `status=All` exists); Archived reads the documented
 * order summary (`order_status=archived`), not an undocumented `status=Archived`.
 */
function listRequests(this: IExecuteFunctions, itemIndex: number): AllPagesRequest[] {
	const status = this.getNodeParameter('status', itemIndex) as string;
	const sinceIso = dateValue
		.call(this, this.getNodeParameter('since', itemIndex, ''), 'Since', itemIndex)
		?.toISOString();
	if (status === 'unshipped') {
		const sinceParam =
			this.getNodeParameter('sinceField', itemIndex, 'orderDate') === 'lastUpdated'
				? 'since_last_updated'
				: 'since_order_date';
		return [
			{
				endpoint: 'ordersUnshipped',
				query: sinceIso ? { [sinceParam]: sinceIso } : {},
				style: 'page-limit',
				itemsKey: 'orders',
				pageSize: LIMITS.legacyListMaxLimit,
				itemIndex,
			},
		];
	}
	if (status === 'shipped') {
		return [
			{
				endpoint: 'ordersShipped',
				query: sinceIso ? { since_last_updated: sinceIso } : {},
				style: 'page-limit',
				itemsKey: 'orders',
				pageSize: LIMITS.legacyListMaxLimit,
				itemIndex,
			},
		];
	}
	const { sort_column: sortColumn, ...query } = pagedListQuery.call(this, itemIndex);
	if (SUMMARY_VIEWS[status]) {
		const summaryQuery = {
			order_status: SUMMARY_VIEWS[status],
			...query,
			...(sortColumn ? { [UNCONFIRMED.summarySortParam]: sortColumn } : {}),
		};
		return [
			{
				endpoint: 'ordersSummary',
				query: summaryQuery,
				style: 'page-size',
				itemsKey: 'orders',
				pageSize: LIMITS.pagedListMaxPageSize,
				itemIndex,
			},
		];
	}
	const paged = { ...query, ...(sortColumn ? { sort_column: sortColumn } : {}) };
	return UNCONFIRMED.allOrdersStatuses.map((apiStatus) => ({
		endpoint: 'ordersGet',
		query: { status: apiStatus, ...paged },
		style: 'page-number-size',
		itemsKey: 'orders',
		pageSize: LIMITS.pagedListMaxPageSize,
		itemIndex,
	}));
}

/** Filters and sort of the paged list, checked before anything is sent. */
function pagedListQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = validateInput(
		this.getNode(),
		listFilterSchema,
		this.getNodeParameter('filters', itemIndex, {}),
		itemIndex,
		'filter',
	) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	const dateFrom = dateValue.call(this, filters.dateFrom, 'Order Date From', itemIndex);
	const dateTo = dateValue.call(this, filters.dateTo, 'Order Date To', itemIndex);
	const filter = orderListFilter(
		{ ...filters, country: listFilterCountry.call(this, filters.country, itemIndex) },
		dateFrom,
		dateTo,
	);
	if (filter) query.filter = filter;
	if (sort.column || sort.direction) {
		query.sort_column = sort.column ?? 'Date';
		query.sort_direction = sort.direction ?? 'Descending';
	}
	return query;
}

/** Orders store the country's name: a code typed in the filter (AU) is looked for as its name (Australia). */
function listFilterCountry(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string | undefined {
	return checked(
		this.getNode(),
		itemIndex,
		'Country',
		checkCountry(value),
		'Enter a country code (AU) or an English name (Australia), or remove the Country filter.',
	)?.name;
}

/** Counts Only: one summary page of one row, for its `order_counts` (counted over the whole account). */
async function orderCounts(
	this: IExecuteFunctions,
	itemIndex: number,
	status: string,
): Promise<INodeExecutionData[]> {
	pagedListQuery.call(this, itemIndex); // the filters are still checked: a bad one is refused, not ignored
	const body = await starshipitRequest.call(this, {
		endpoint: 'ordersSummary',
		query: { order_status: SUMMARY_VIEWS[status], page: 1, page_size: 1 },
		itemIndex,
	});
	const counts = body.order_counts;
	if (!counts || typeof counts !== 'object') {
		throw new NodeOperationError(
			this.getNode(),
			'Starshipit’s order summary came back without its order counts',
			{
				itemIndex,
				description:
					'Nothing was changed. Check the Base URL in the Starshipit credential; if it is right, Starshipit may have changed this answer.',
			},
		);
	}
	return outputFor(itemIndex, { view: SUMMARY_VIEWS[status], ...(counts as IDataObject) });
}

export const getManyOrdersOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const status = this.getNodeParameter('status', itemIndex) as string;
			if (
				SUMMARY_VIEWS[status] &&
				this.getNodeParameter('summaryOutput', itemIndex, 'orders') === 'counts'
			)
				return await orderCounts.call(this, itemIndex, status);
			return await listOrders.call(this, itemIndex, listRequests.call(this, itemIndex));
		});
	},
};

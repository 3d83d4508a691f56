import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v4';

import { UNCONFIRMED } from '../../transport';
import { text } from '../../validation/rules';

/**
 * Filters and sorting for the paged order list (All, Archived). Starshipit takes them as one
 * `filter` text, `Column:::Value` joined by commas, so a value may contain neither.
 */
const paged = { show: { status: ['all', 'archived', 'new', 'printed', 'summaryShipped'] } };

export const listFilterFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: paged,
		options: [
			{
				displayName: 'Address Check',
				name: 'address',
				type: 'options',
				default: 'valid',
				description: 'Whether Starshipit’s address check passed',
				options: [
					{ name: 'Invalid Address', value: 'invalid' },
					{ name: 'Valid Address', value: 'valid' },
				],
			},
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'string',
				default: '',
				placeholder: 'e.g. AusPost',
			},
			{
				displayName: 'Country',
				name: 'country',
				type: 'string',
				default: '',
				placeholder: 'e.g. Australia',
			},
			{
				displayName: 'Order Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description: 'Only orders from this day on',
			},
			{
				displayName: 'Order Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Only orders up to this day',
			},
			{
				displayName: 'Order Number',
				name: 'orderNumber',
				type: 'string',
				default: '',
				description: 'Orders whose number contains this text',
			},
			{ displayName: 'Recipient Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'SKU',
				name: 'sku',
				type: 'string',
				default: '',
				description: 'Orders with an item of this SKU',
			},
			{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'e.g. NSW' },
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description: 'Orders with this tag',
			},
			{
				displayName: 'Write-Back Status',
				name: 'writeback',
				type: 'string',
				default: '',
				placeholder: 'e.g. Failed',
				description: 'Orders whose tracking write-back to your store has this status',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		displayOptions: paged,
		options: [
			{
				displayName: 'Sort By',
				name: 'column',
				type: 'options',
				default: 'Date',
				options: ['Carrier', 'Country', 'Date', 'Name', 'Order', 'Status', 'Weight'].map(
					(column) => ({ name: column === 'Order' ? 'Order Number' : column, value: column }),
				),
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				default: 'Descending',
				options: [
					{ name: 'Ascending', value: 'Ascending' },
					{ name: 'Descending', value: 'Descending' },
				],
			},
		],
	},
];

const TEXT_COLUMNS: Record<string, string> = {
	orderNumber: 'Order',
	name: 'Name',
	country: 'Country',
	state: 'State',
	carrier: 'Carrier',
	sku: 'SKU',
	tag: 'Tag',
	writeback: 'Writeback',
};

const filterText = text(100).refine(
	(value) => typeof value !== 'string' || (!value.includes(',') && !value.includes(':::')),
	'cannot contain a comma or ":::" (Starshipit uses them to separate filters)',
);
export const listFilterSchema = z
	.object(Object.fromEntries(Object.keys(TEXT_COLUMNS).map((key) => [key, filterText])))
	.passthrough();

/** The `filter` text for the given (already checked) filters and dates; undefined when none is set. */
export function orderListFilter(
	filters: IDataObject,
	dateFrom?: Date,
	dateTo?: Date,
): string | undefined {
	const parts = Object.entries(TEXT_COLUMNS)
		.filter(([key]) => String(filters[key] ?? '').trim() !== '')
		.map(([key, column]) => `${column}:::${String(filters[key]).trim()}`);
	const address =
		UNCONFIRMED.addressFilterValues[
			String(filters.address ?? '') as keyof typeof UNCONFIRMED.addressFilterValues
		];
	if (address) parts.push(`Address:::${address}`);
	if (dateFrom) parts.push(`Date:::>=${UNCONFIRMED.filterDate(dateFrom)}`);
	if (dateTo) parts.push(`Date:::<=${UNCONFIRMED.filterDate(dateTo)}`);
	return parts.length ? parts.join(',') : undefined;
}

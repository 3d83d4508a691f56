import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { UNCONFIRMED } from '../../transport';
import { checkNumber, checkText } from '../../validation/checks';
import { checked } from '../../validation/read';
import { withoutBlanks } from '../order/rows';

/** Sorting, filtering and shaping of a list of rates, shared by Get Rates and Get Rates for Order. */

/** A plain text field of the editor. */
export const text = (
	displayName: string,
	name: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({ displayName, name, type: 'string', default: '', ...extra });

export function rateListOptions(withCurrency: boolean): INodeProperties {
	const currency = text('Currency', 'currency', {
		placeholder: 'e.g. AUD',
		description: '3-letter currency code of the prices. Empty: the account’s currency.',
	});
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...(withCurrency ? [currency] : []),
			{
				displayName: 'Max Results',
				name: 'maxResults',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'Return at most this many rates, after sorting (0: all)',
			},
			text('Service Code Filter', 'serviceCodes', {
				placeholder: 'e.g. PP, EXP',
				description: 'Comma-separated service codes to keep; the others are dropped',
			}),
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: 'cheapest',
				options: [
					{ name: 'As Starshipit Returns Them', value: 'none' },
					{ name: 'Cheapest First', value: 'cheapest' },
					{
						name: 'Fastest First',
						value: 'fastest',
						description: 'By transit days where the carrier gives them, then by price',
					},
				],
			},
		],
	};
}

/** The Options collection, checked: Max Results a whole number (0: all), the filter text. */
export function rateOptions(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = (this.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	const node = this.getNode();
	return {
		...options,
		maxResults:
			checked(
				node,
				itemIndex,
				'Max Results',
				checkNumber(options.maxResults, { integer: true, min: 0 }),
			) ?? 0,
		serviceCodes:
			checked(
				node,
				itemIndex,
				'Service Code Filter',
				checkText(options.serviceCodes, { max: 500 }),
			) ?? '',
	};
}

/** The list of rates, wherever the answer keeps it (the candidates are in UNCONFIRMED.rateListPaths). */
export function ratesOf(body: IDataObject): IDataObject[] {
	const at = (path: readonly string[]) =>
		path.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], body);
	return (UNCONFIRMED.rateListPaths.map(at).find(Array.isArray) as IDataObject[] | undefined) ?? [];
}

/** The fields a workflow maps most, first and with prices as numbers; anything else Starshipit sends follows. */
export function tidy(rate: IDataObject, currency: IDataObject[string]): IDataObject {
	const price = Number(rate.total_price);
	const extra = UNCONFIRMED.rateExtraFields;
	return {
		...withoutBlanks({
			carrier: rate[extra.carrier],
			carrier_name: rate[extra.carrierName],
			service_code: rate.service_code,
			service_name: rate.service_name,
			total_price: Number.isFinite(price) ? price : rate.total_price,
			currency: rate[extra.currency] ?? currency,
			transit_days: rate[extra.transitDays],
		}),
		...rate,
		...(Number.isFinite(price) ? { total_price: price } : {}),
	};
}

export function arrange(rates: IDataObject[], options: IDataObject): IDataObject[] {
	const codes = String(options.serviceCodes ?? '')
		.split(',')
		.map((code) => code.trim().toUpperCase())
		.filter(Boolean);
	let list = codes.length
		? rates.filter((rate) => codes.includes(String(rate.service_code).toUpperCase()))
		: [...rates];
	// A rate without a usable price or transit time sorts last rather than first.
	const orLast = (value: unknown) =>
		value === undefined || value === null || value === '' || Number.isNaN(Number(value))
			? Number.POSITIVE_INFINITY
			: Number(value);
	const price = (rate: IDataObject) => orLast(rate.total_price);
	const days = (rate: IDataObject) => orLast(rate.transit_days);
	const sortBy = options.sortBy ?? 'cheapest';
	if (sortBy === 'cheapest') list.sort((a, b) => price(a) - price(b));
	if (sortBy === 'fastest') list.sort((a, b) => days(a) - days(b) || price(a) - price(b));
	const max = Number(options.maxResults ?? 0);
	if (max > 0) list = list.slice(0, max);
	return list;
}

export function noRatesMessage(found: number, options: IDataObject): string {
	if (found > 0)
		return `Starshipit returned ${found} rates, but none matches the Service Code Filter "${String(options.serviceCodes)}"`;
	return 'Starshipit returned no rates: check that couriers are enabled in Starshipit (Settings > Couriers), that the sender (pickup) address is set, and that the packages are within the carriers’ limits';
}

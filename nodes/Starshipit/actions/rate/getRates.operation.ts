import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v4';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { validateInput } from '../../validation/validate';
import { withoutBlanks } from '../order/fields';
import { packageSchema } from '../order/schema';
import type { OperationModule } from '../types';

const text = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({ displayName, name, type: 'string', default: '', ...extra });

const description: INodeProperties[] = [
	text('Street', 'street', { placeholder: 'e.g. 1 George Street' }),
	text('Suburb', 'suburb', { placeholder: 'e.g. Sydney' }),
	text('City', 'city'),
	text('State', 'state', { placeholder: 'e.g. NSW' }),
	text('Post Code', 'postCode', { required: true, placeholder: 'e.g. 2000' }),
	text('Country Code', 'countryCode', { required: true, placeholder: 'e.g. AU', description: '2-letter country code of the destination' }),
	{
		displayName: 'Packages',
		name: 'packages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: { package: [{ weight: 1 }] },
		placeholder: 'Add Package',
		description: 'Weights in kilograms, dimensions in metres',
		options: [
			{
				displayName: 'Package',
				name: 'package',
				values: [
					{ displayName: 'Height (M)', name: 'height', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 3 } },
					{ displayName: 'Length (M)', name: 'length', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 3 } },
					{ displayName: 'Weight (Kg)', name: 'weight', type: 'number', default: 1, typeOptions: { minValue: 0, numberPrecision: 3 } },
					{ displayName: 'Width (M)', name: 'width', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 3 } },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			text('Currency', 'currency', { placeholder: 'e.g. AUD' }),
			{ displayName: 'Max Results', name: 'maxResults', type: 'number', default: 0, typeOptions: { minValue: 0 }, description: 'Return at most this many rates (0: all)' },
			text('Only Service Codes', 'serviceCodes', { placeholder: 'e.g. PP, EXP', description: 'Comma-separated service codes to keep' }),
			text('Sender Post Code', 'senderPostCode', { description: 'Ship from here instead of the account’s address' }),
			text('Sender Suburb', 'senderSuburb'),
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: 'cheapest',
				options: [
					{ name: 'Cheapest First', value: 'cheapest' },
					{ name: 'Fastest First', value: 'fastest', description: 'By transit days where the carrier gives them' },
					{ name: 'As Starshipit Returns Them', value: 'none' },
				],
			},
		],
	},
];

const requestSchema = z.object({
	destination: z.object({
		post_code: z.string({ error: 'is required' }).regex(/^[A-Za-z0-9 -]{3,10}$/, 'must be 3 to 10 letters or digits, e.g. 2000'),
		country_code: z.string({ error: 'is required' }).regex(/^[A-Za-z]{2}$/, 'must be a 2-letter country code, e.g. AU'),
	}).passthrough(),
	packages: z.array(packageSchema).min(1, 'add at least one package'),
	currency: z.string().regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code, e.g. AUD').optional(),
});

function rateRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const parameter = (name: string) => this.getNodeParameter(name, itemIndex, '');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const rows = ((this.getNodeParameter('packages', itemIndex, {}) as IDataObject).package as IDataObject[] | undefined) ?? [];
	const request = withoutBlanks({
		destination: withoutBlanks({ street: parameter('street'), suburb: parameter('suburb'), city: parameter('city'), state: parameter('state'), post_code: String(parameter('postCode')).trim(), country_code: String(parameter('countryCode')).trim().toUpperCase() }),
		packages: rows.map((row) => withoutBlanks(row, ['height', 'width', 'length'])),
		currency: options.currency,
	});
	if (options.senderPostCode) request.sender = withoutBlanks({ post_code: options.senderPostCode, suburb: options.senderSuburb });
	return validateInput(this.getNode(), requestSchema, request, itemIndex, 'rate request') as IDataObject;
}

/** `rates` in the reference; one client sees `data.services`: accept both. */
function ratesOf(body: IDataObject): IDataObject[] {
	if (Array.isArray(body.rates)) return body.rates as IDataObject[];
	const nested = (body.data as IDataObject | undefined)?.services;
	return Array.isArray(nested) ? (nested as IDataObject[]) : [];
}

function arrange(rates: IDataObject[], options: IDataObject): IDataObject[] {
	const codes = String(options.serviceCodes ?? '').split(',').map((code) => code.trim().toUpperCase()).filter(Boolean);
	let list = codes.length ? rates.filter((rate) => codes.includes(String(rate.service_code).toUpperCase())) : [...rates];
	const sortBy = options.sortBy ?? 'cheapest';
	const days = (rate: IDataObject) => (rate.transit_days === undefined ? Number.POSITIVE_INFINITY : Number(rate.transit_days));
	if (sortBy === 'cheapest') list.sort((a, b) => Number(a.total_price) - Number(b.total_price));
	if (sortBy === 'fastest') list.sort((a, b) => days(a) - days(b) || Number(a.total_price) - Number(b.total_price));
	const max = Number(options.maxResults ?? 0);
	if (max > 0) list = list.slice(0, max);
	return list;
}

export const getRatesOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const request = rateRequest.call(this, itemIndex);
			// Rates only read: asking again after a dropped connection is harmless.
			const body = await starshipitRequest.call(this, { endpoint: 'rates', body: request, itemIndex, safeToRepeat: true });
			const rates = arrange(ratesOf(body), this.getNodeParameter('options', itemIndex, {}) as IDataObject);
			if (rates.length === 0) {
				return outputFor(itemIndex, { rates_found: 0, message: 'Starshipit returned no rates: check that couriers are enabled in Starshipit, the sender address is set, and the packages are within the carriers’ limits' });
			}
			return outputFor(itemIndex, rates.map((rate, rank) => ({ rank: rank + 1, ...rate })));
		});
	},
};

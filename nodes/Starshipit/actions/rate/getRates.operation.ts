import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v4';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { countryCode, currency, postCode } from '../../validation/rules';
import { validateInput } from '../../validation/validate';
import { packageRows, packagesField, withoutBlanks } from '../order/fields';
import { packageSchema } from '../order/schema';
import type { OperationModule } from '../types';
import { arrange, noRatesMessage, rateListOptions, ratesOf, text, tidy } from './arrange';

const description: INodeProperties[] = [
	text('Street', 'street', { placeholder: 'e.g. 1 George Street', description: 'Street of the destination (improves accuracy for some carriers)' }),
	text('Suburb', 'suburb', { placeholder: 'e.g. Sydney' }),
	text('City', 'city'),
	text('State', 'state', { placeholder: 'e.g. NSW' }),
	text('Post Code', 'postCode', { required: true, placeholder: 'e.g. 2000', description: 'Post code of the destination' }),
	text('Country Code', 'countryCode', { required: true, placeholder: 'e.g. AU', description: '2-letter country code of the destination' }),
	{ ...packagesField('Weights in kilograms, dimensions in metres (0: not given)', 1), default: { package: [{ weight: 1 }] } },
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'collection',
		placeholder: 'Add Sender Field',
		default: {},
		description: 'Ship from this address instead of the pickup address set in Starshipit',
		options: [
			text('City', 'city'),
			text('Country Code', 'country_code', { placeholder: 'e.g. AU' }),
			text('Post Code', 'post_code', { placeholder: 'e.g. 3000' }),
			text('State', 'state', { placeholder: 'e.g. VIC' }),
			text('Street', 'street'),
			text('Suburb', 'suburb', { placeholder: 'e.g. Melbourne' }),
		],
	},
	rateListOptions(true),
];

const requestSchema = z.object({
	destination: z.object({ post_code: postCode, country_code: countryCode }).passthrough(),
	sender: z.object({ post_code: postCode.optional(), country_code: countryCode.optional() }).passthrough().optional(),
	packages: z.array(packageSchema).min(1, 'add at least one package'),
	currency,
});

function address(values: IDataObject): IDataObject {
	const trimmed = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value]));
	if (typeof trimmed.country_code === 'string') trimmed.country_code = trimmed.country_code.toUpperCase();
	return withoutBlanks(trimmed);
}

function rateRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const parameter = (name: string) => this.getNodeParameter(name, itemIndex, '') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const sender = address(this.getNodeParameter('sender', itemIndex, {}) as IDataObject);
	const request = withoutBlanks({
		destination: address({ street: parameter('street'), suburb: parameter('suburb'), city: parameter('city'), state: parameter('state'), post_code: String(parameter('postCode')), country_code: String(parameter('countryCode')) }),
		sender: Object.keys(sender).length ? sender : undefined,
		packages: packageRows(this.getNodeParameter('packages', itemIndex, {})),
		currency: typeof options.currency === 'string' ? options.currency.trim().toUpperCase() || undefined : undefined,
	});
	return validateInput(this.getNode(), requestSchema, request, itemIndex, 'rate request') as IDataObject;
}

export const getRatesOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const request = rateRequest.call(this, itemIndex);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			// Rates only read: asking again after a dropped connection is harmless.
			const body = await starshipitRequest.call(this, { endpoint: 'rates', body: request, action: 'rated', itemIndex, safeToRepeat: true });
			const found = ratesOf(body).map((rate) => tidy(rate, request.currency));
			const rates = arrange(found, options);
			if (rates.length === 0) return outputFor(itemIndex, { rates_found: 0, message: noRatesMessage(found.length, options) });
			return outputFor(itemIndex, rates.map((rate, rank) => ({ rank: rank + 1, ...rate })));
		});
	},
};

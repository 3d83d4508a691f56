import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod/v4';

import { packagesField } from '../../descriptions/packages';
import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { country, currency, postCode, requiredPostCode, text } from '../../validation/rules';
import { validateInput } from '../../validation/validate';
import { cartLines, packagesOfItem, packagesSourceFields } from '../order/lists';
import { withoutBlanks } from '../order/rows';
import { packageSchema } from '../order/schema';
import type { OperationModule } from '../types';
import {
	arrange,
	noRatesMessage,
	rateListOptions,
	rateOptions,
	ratesOf,
	text as textField,
	tidy,
} from './arrange';

const description: INodeProperties[] = [
	textField('Street', 'street', {
		placeholder: 'e.g. 1 George Street',
		description: 'Street of the destination (improves accuracy for some carriers)',
	}),
	textField('Suburb', 'suburb', { placeholder: 'e.g. Sydney' }),
	textField('City', 'city'),
	textField('State', 'state', { placeholder: 'e.g. NSW' }),
	textField('Post Code', 'postCode', {
		required: true,
		placeholder: 'e.g. 2000',
		description: 'Post code of the destination',
	}),
	// Called Country, as on an order (the parameter keeps its name countryCode: saved workflows hold it).
	textField('Country', 'countryCode', {
		required: true,
		placeholder: 'e.g. Australia or AU',
		description:
			'Country of the destination: its 2-letter code or English name (Starshipit is sent the code)',
	}),
	...packagesSourceFields(
		{
			...packagesField('Weights in kilograms, dimensions in metres (0: not given)', 1),
			default: { package: [{ weight: 1 }] },
		},
		['rows', 'list', 'lines'],
		true,
	),
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'collection',
		placeholder: 'Add Sender Field',
		default: {},
		description: 'Ship from this address instead of the pickup address set in Starshipit',
		options: [
			textField('City', 'city'),
			textField('Country', 'country_code', {
				placeholder: 'e.g. Australia or AU',
				description: 'Country of the sender: its 2-letter code or English name',
			}),
			textField('Post Code', 'post_code', { placeholder: 'e.g. 3000' }),
			textField('State', 'state', { placeholder: 'e.g. VIC' }),
			textField('Street', 'street'),
			textField('Suburb', 'suburb', { placeholder: 'e.g. Melbourne' }),
		],
	},
	rateListOptions(true),
];

const requestSchema = z.object({
	// A code or an English name is accepted; rates take `country_code`, so the code is sent.
	destination: z.object({
		street: text(200),
		suburb: text(100),
		city: text(100),
		state: text(50),
		post_code: requiredPostCode,
		country_code: country('code', true),
	}),
	sender: z
		.object({
			street: text(200),
			suburb: text(100),
			city: text(100),
			state: text(50),
			post_code: postCode,
			country_code: country('code'),
		})
		.optional(),
	packages: z.array(packageSchema),
	currency,
});

/** Values as mapped: the schema trims text and refuses null, lists, objects and true/false by field. */
function rateRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const parameter = (name: string) =>
		this.getNodeParameter(name, itemIndex, '') as IDataObject[string];
	const options = (this.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	const packages = packagesOfItem.call(this, itemIndex, cartLines.call(this, itemIndex));
	const sender = withoutBlanks(
		(this.getNodeParameter('sender', itemIndex, {}) ?? {}) as IDataObject,
	);
	const request = withoutBlanks({
		destination: withoutBlanks({
			street: parameter('street'),
			suburb: parameter('suburb'),
			city: parameter('city'),
			state: parameter('state'),
			post_code: parameter('postCode'),
			country_code: parameter('countryCode'),
		}),
		sender: Object.keys(sender).length ? sender : undefined,
		packages: packages.rows,
		currency: options.currency,
	});
	// None at all is a problem of its own only when no list problem already says why.
	const none =
		packages.rows.length === 0 && packages.problems.length === 0
			? ['Packages: add at least one package']
			: [];
	const lists = {
		problems: [...packages.problems, ...none],
		notes: packages.notes,
		lines: { packages: packages.lines },
	};
	return validateInput(
		this.getNode(),
		requestSchema,
		request,
		itemIndex,
		'rate request',
		undefined,
		lists,
	) as IDataObject;
}

export const getRatesOperation: OperationModule = {
	description,
	writes: false,
	action: 'rate',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const options = rateOptions.call(this, itemIndex);
			const request = rateRequest.call(this, itemIndex);
			// Rates only read: asking again after a dropped connection is harmless.
			const body = await starshipitRequest.call(this, {
				endpoint: 'rates',
				body: request,
				action: 'rated',
				itemIndex,
				write: { safeToRepeat: true },
			});
			const found = ratesOf(body).map((rate) => tidy(rate, request.currency));
			const rates = arrange(found, options);
			if (rates.length === 0)
				return outputFor(itemIndex, {
					rates_found: 0,
					message: noRatesMessage(found.length, options),
				});
			return outputFor(
				itemIndex,
				rates.map((rate, rank) => ({ rank: rank + 1, ...rate })),
			);
		});
	},
};

import { z } from 'zod/v4';

import { findCountry } from '../../validation/checks';
import {
	country,
	currency,
	identity,
	isoDate,
	number,
	postCode,
	required,
	requiredNumber,
	tariffCode,
	text,
} from '../../validation/rules';

/**
 * What Starshipit needs in a new order, checked before anything is sent. Field names are
 * Starshipit's, so a problem reads "Destination › Post Code: ..." or "Items › #2 › Value: ...".
 * Countries go out as names, as the reference's order samples write them ("Australia", "China").
 * Maximum lengths are the documented ones (API notes, CreateOrder / Address / Item): an address
 * field takes 100 characters unless the notes say otherwise. Phone keeps its own format rule.
 */
const email = text(100).refine(
	(value) => typeof value !== 'string' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
	'must be an email address, e.g. jane@example.com',
);
const phone = text(20).refine(
	(value) => typeof value !== 'string' || /^[0-9 +()-]{6,20}$/.test(value),
	'must be a phone number of 6 to 20 digits',
);

export const addressSchema = z.object({
	name: required(100),
	company: text(100),
	building: text(100),
	street: required(100),
	suburb: required(100),
	city: text(100),
	state: text(100),
	post_code: postCode,
	country: country('name', true),
	email,
	phone,
	delivery_instructions: text(100),
	tax_number: text(20),
});

export const itemSchema = z.object({
	sku: text(50),
	description: text(250),
	quantity: requiredNumber({ integer: true, min: 1, max: 100_000 }),
	value: number({ min: 0, max: 10_000_000 }),
	weight: number({ min: 0, max: 1000, unit: 'kg' }),
	tariff_code: tariffCode,
	country_of_origin: country('name'),
});

/** A metadata row: the notes give no lengths, and Starshipit takes the value as text (numbers are sent as their digits). */
export const metadataSchema = z.object({
	metafield_key: required(),
	value: text(),
});

export const packageSchema = z.object({
	weight: requiredNumber({ above: 0, max: 1000, unit: 'kg' }),
	height: number({ min: 0, max: 10, unit: 'metres' }),
	width: number({ min: 0, max: 10, unit: 'metres' }),
	length: number({ min: 0, max: 10, unit: 'metres' }),
});

/** Orders leaving the merchant's country need customs data for every item (codes or names compared as countries). */
export function isInternational(destination: string, homeCountry: string): boolean {
	const code = (value: string) => findCountry(value)?.code ?? value.trim().toUpperCase();
	return code(destination) !== code(homeCountry);
}

/** The order's own fields and their rules, on create and on update alike. Dates go out in UTC, as Starshipit expects. */
export const orderFieldRules = {
	order_date: isoDate,
	reference: text(50),
	shipping_method: text(100),
	shipping_description: text(100),
	currency,
};

const buildOrderSchema = (homeCountry: string) =>
	z
		.object({
			order_number: identity(50),
			...orderFieldRules,
			destination: addressSchema,
			items: z.array(itemSchema),
			packages: z.array(packageSchema),
			metadatas: z.array(metadataSchema).optional(),
		})
		.passthrough()
		.superRefine((order, context) => {
			for (const issue of customsIssues(order.destination.country ?? '', order.items, homeCountry))
				context.addIssue({ code: 'custom', ...issue });
		});

export interface CustomsIssue {
	path: Array<string | number>;
	message: string;
}

/** What customs needs on an order leaving the merchant's country: checked on create and before a label. */
export function customsIssues(
	country: string,
	items: Array<{ description?: unknown; value?: unknown }>,
	homeCountry: string,
): CustomsIssue[] {
	// A missing or unknown country is its own problem: whether customs apply cannot be said without it.
	if (!findCountry(country) || !isInternational(country, homeCountry)) return [];
	// Says why: the destination differs from the "Your Country" setting, which the user may not know is set.
	const why = `the order goes to ${findCountry(country)?.name} and Your Country is ${homeCountry}`;
	if (items.length === 0)
		return [
			{
				path: ['items'],
				message: `an international order needs at least one item for customs (${why})`,
			},
		];
	return items.flatMap((item, index) => [
		...(typeof item.description === 'string' && item.description.trim()
			? []
			: [{ path: ['items', index, 'description'], message: `is required for customs (${why})` }]),
		...(Number(item.value) > 0
			? []
			: [
					{ path: ['items', index, 'value'], message: `is required for customs, above 0 (${why})` },
				]),
	]);
}

/**
 * zod compiles each schema when it is built, which costs far more than checking an order with it:
 * build one per home country and reuse it for every item (an import of 1,000 orders spent most of
 * its CPU here before).
 */
const orderSchemas = new Map<string, ReturnType<typeof buildOrderSchema>>();
export function orderSchema(homeCountry: string): ReturnType<typeof buildOrderSchema> {
	let schema = orderSchemas.get(homeCountry);
	if (!schema) {
		schema = buildOrderSchema(homeCountry);
		orderSchemas.set(homeCountry, schema);
	}
	return schema;
}

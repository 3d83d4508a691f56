import { z } from 'zod/v4';

import { countryCode, currency, postCode, required, tariffCode, text } from '../../validation/rules';

/**
 * What Starshipit needs in a new order, checked before anything is sent. Field names are
 * Starshipit's, so a problem reads "Destination › Post Code: ..." or "Items › #2 › Value: ...".
 */
const amount = z.number({ error: 'must be a number' }).nonnegative('cannot be negative');

export const addressSchema = z.object({
	name: required(100),
	company: text(100).optional(),
	building: text(100).optional(),
	street: required(200),
	suburb: required(100),
	city: text(100).optional(),
	state: text(50).optional(),
	post_code: postCode.optional(),
	country: required(60),
	email: z.email('must be an email address, e.g. jane@example.com').optional(),
	phone: z.string().regex(/^[0-9 +()-]{6,20}$/, 'must be a phone number of 6 to 20 digits').optional(),
	delivery_instructions: text(250).optional(),
	tax_number: text(50).optional(),
});

export const itemSchema = z.object({
	sku: text(100).optional(),
	description: text(250).optional(),
	quantity: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1'),
	value: amount.optional(),
	weight: amount.max(1000, 'must be in kg (at most 1000)').optional(),
	tariff_code: tariffCode.optional(),
	country_of_origin: countryCode.optional(),
});

export const packageSchema = z.object({
	weight: z.number({ error: 'must be a number' }).positive('must be above 0 kg').max(1000, 'must be in kg (at most 1000)'),
	height: amount.max(10, 'must be in metres (at most 10)').optional(),
	width: amount.max(10, 'must be in metres (at most 10)').optional(),
	length: amount.max(10, 'must be in metres (at most 10)').optional(),
});

const COUNTRY_NAMES: Record<string, string> = { au: 'australia', nz: 'new zealand', gb: 'united kingdom', us: 'united states', ca: 'canada' };

/** Orders leaving the merchant's country need customs data for every item. */
export function isInternational(country: string, homeCountry: string): boolean {
	const normalise = (value: string) => {
		const lower = value.trim().toLowerCase();
		return COUNTRY_NAMES[lower] ?? lower;
	};
	return normalise(country) !== normalise(homeCountry);
}

/** The order's own fields and their rules, on create and on update alike. Dates go out in UTC, as Starshipit expects. */
export const orderFieldRules = {
	order_date: z
		.string()
		.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'must be a date, e.g. 2026-11-25T10:00:00Z', abort: true })
		.transform((value) => new Date(value).toISOString())
		.optional(),
	reference: text(100).optional(),
	shipping_method: text(100).optional(),
	shipping_description: text(250).optional(),
	currency,
};

const buildOrderSchema = (homeCountry: string) =>
	z
		.object({
			order_number: required(50),
			...orderFieldRules,
			destination: addressSchema,
			items: z.array(itemSchema),
			packages: z.array(packageSchema),
		})
		.passthrough()
		.superRefine((order, context) => {
			for (const issue of customsIssues(order.destination.country, order.items, homeCountry)) context.addIssue({ code: 'custom', ...issue });
		});

export interface CustomsIssue {
	path: Array<string | number>;
	message: string;
}

/** What customs needs on an order leaving the merchant's country: checked on create and before a label. */
export function customsIssues(country: string, items: Array<{ description?: unknown; value?: unknown }>, homeCountry: string): CustomsIssue[] {
	if (!isInternational(country, homeCountry)) return [];
	if (items.length === 0) return [{ path: ['items'], message: 'an international order needs at least one item for customs' }];
	return items.flatMap((item, index) => [
		...(String(item.description ?? '').trim() ? [] : [{ path: ['items', index, 'description'], message: 'is required for customs on an international order' }]),
		...(Number(item.value) > 0 ? [] : [{ path: ['items', index, 'value'], message: 'is required for customs on an international order (above 0)' }]),
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

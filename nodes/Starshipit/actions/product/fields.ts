import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v4';

import { countryCode, tariffCode } from '../../validation/rules';
import { validateInput } from '../../validation/validate';

/** Product Catalogue fields, in Starshipit's names (weights in kg, dimensions in metres). */
const NUMBER_FIELDS = ['height', 'length', 'price', 'weight', 'width'] as const;
const TEXT_FIELDS = [
	'barcode', 'bin_location', 'brand', 'color', 'country', 'customs_description', 'dangerous_goods_type', 'description',
	'hs_code', 'material', 'mid', 'model', 'size', 'title', 'usage',
] as const;

const number = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName, name, type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 3 }, description,
});
const text = (displayName: string, name: string, description = '', placeholder?: string): INodeProperties => ({
	displayName, name, type: 'string', default: '', description, ...(placeholder ? { placeholder } : {}),
});

export const titleField: INodeProperties = text('Title', 'title', 'The product name shown in Starshipit', 'e.g. Blue mug');

/** Every field but the SKU, alphabetical (n8n's rule for option lists). */
export const productFieldOptions: INodeProperties[] = [
	text('Barcode', 'barcode', 'The barcode scanned when packing, e.g. an EAN or UPC'),
	text('Bin Location', 'bin_location', 'Where the product sits in the warehouse (printed on pick lists)'),
	text('Brand', 'brand'),
	text('Color', 'color'),
	text('Country of Origin', 'country', 'Where the product was made, as a 2-letter code, for customs', 'e.g. AU'),
	text('Customs Description', 'customs_description', 'What customs forms say the product is', 'e.g. Cotton T-shirt'),
	text('Dangerous Goods Type', 'dangerous_goods_type', 'Only for products that ship as dangerous goods, e.g. lithium batteries'),
	text('Description', 'description'),
	number('Height (M)', 'height', 'Height in metres (25 cm is 0.25)'),
	text('HS Code', 'hs_code', 'Tariff (HS) code for customs', 'e.g. 610910'),
	number('Length (M)', 'length', 'Length in metres (25 cm is 0.25)'),
	text('Material', 'material'),
	text('MID', 'mid', 'Manufacturer identification code (US customs)'),
	text('Model', 'model'),
	number('Price', 'price', 'Unit price in your account’s currency, used as the customs value'),
	text('Size', 'size'),
	titleField,
	text('Usage', 'usage'),
	number('Weight (Kg)', 'weight', 'Weight in kilograms (150 g is 0.15)'),
	number('Width (M)', 'width', 'Width in metres (25 cm is 0.25)'),
];

/** Create shows Title on its own, so its Additional Fields leave it out. */
export const additionalFieldOptions = productFieldOptions.filter((option) => option.name !== 'title');

export const skuField: INodeProperties = {
	displayName: 'SKU',
	name: 'sku',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. MUG-BLUE',
	description: 'The product’s SKU, exactly as order items use it (case matters)',
};

const isNumberField = (key: string) => (NUMBER_FIELDS as readonly string[]).includes(key);
const KNOWN = new Set<string>(['sku', ...NUMBER_FIELDS, ...TEXT_FIELDS]);

/** Spreadsheets and shops often send "0.35" or a barcode as a number: accept both the way a person means them. */
function tidy(key: string, value: unknown): unknown {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		return isNumberField(key) && trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
	}
	if (typeof value === 'number' && !isNumberField(key)) return String(value);
	return value;
}

/**
 * Keeps only Starshipit's product fields and drops the ones not given: empty texts, and zero
 * weights, dimensions and prices (n8n's number fields start at 0, which means "not given").
 * Other keys (an `id`, an `outcome` from an earlier run, shop-only data) are never sent.
 */
export function productValues(fields: IDataObject): IDataObject {
	const values: IDataObject = {};
	for (const [key, raw] of Object.entries(fields)) {
		if (!KNOWN.has(key)) continue;
		const value = tidy(key, raw);
		if (value === '' || value === undefined || value === null || (isNumberField(key) && value === 0)) continue;
		values[key] = value as IDataObject[string];
	}
	return values;
}

const amount = (max: number, unit: string) =>
	z.number({ error: 'must be a number' }).nonnegative('cannot be negative').max(max, `must be in ${unit} (at most ${max})`);
const textValue = z.string({ error: 'must be text' });

export const productSchema = z.object({
	sku: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
	...Object.fromEntries(TEXT_FIELDS.map((key) => [key, textValue.optional()])),
	title: textValue.max(250, 'must be at most 250 characters').optional(),
	// Centimetres or grams typed by mistake would make every rate wrong: catch them here.
	weight: amount(1000, 'kg').optional(),
	height: amount(10, 'metres').optional(),
	length: amount(10, 'metres').optional(),
	width: amount(10, 'metres').optional(),
	price: z.number({ error: 'must be a number' }).nonnegative('cannot be negative').optional(),
	country: countryCode.transform((code) => code.toUpperCase()).optional(),
	hs_code: tariffCode.optional(),
});

/** The product as Starshipit should store it, or an item error naming every wrong field (nothing sent). */
export function validProduct(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	return validateInput(this.getNode(), productSchema, productValues(fields), itemIndex, 'product') as IDataObject;
}

/** The SKU parameter, trimmed (validation reports it when empty). */
export function skuParameter(this: IExecuteFunctions, itemIndex: number): string {
	return String(this.getNodeParameter('sku', itemIndex, '') ?? '').trim();
}

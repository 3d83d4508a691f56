import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { isResourceLocatorValue } from 'n8n-workflow';
import { z } from 'zod/v4';

import * as rules from '../../validation/rules';
import { checkIdentity } from '../../validation/checks';
import { checked } from '../../validation/read';
import { validateInput } from '../../validation/validate';

/** Product Catalogue fields, in Starshipit's names (weights in kg, dimensions in metres). */
const NUMBER_FIELDS = ['height', 'length', 'price', 'weight', 'width'] as const;
const TEXT_FIELDS = [
	'barcode',
	'bin_location',
	'brand',
	'color',
	'country',
	'customs_description',
	'dangerous_goods_type',
	'description',
	'hs_code',
	'material',
	'mid',
	'model',
	'size',
	'title',
	'usage',
] as const;

const number = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, numberPrecision: 3 },
	description,
});
const text = (
	displayName: string,
	name: string,
	description = '',
	placeholder?: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});

export const titleField: INodeProperties = text(
	'Title',
	'title',
	'The product name shown in Starshipit',
	'e.g. Blue mug',
);

/** Every field but the SKU, alphabetical (n8n's rule for option lists). */
export const productFieldOptions: INodeProperties[] = [
	text('Barcode', 'barcode', 'The barcode scanned when packing, e.g. an EAN or UPC'),
	text(
		'Bin Location',
		'bin_location',
		'Where the product sits in the warehouse (printed on pick lists)',
	),
	text('Brand', 'brand'),
	text('Color', 'color'),
	text(
		'Country of Origin',
		'country',
		'Where the product was made (code or name), for customs',
		'e.g. AU or China',
	),
	text(
		'Customs Description',
		'customs_description',
		'What customs forms say the product is',
		'e.g. Cotton T-shirt',
	),
	text(
		'Dangerous Goods Type',
		'dangerous_goods_type',
		'Only for products that ship as dangerous goods, e.g. lithium batteries',
	),
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
export const additionalFieldOptions = productFieldOptions.filter(
	(option) => option.name !== 'title',
);

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

/**
 * Keeps only Starshipit's product fields and drops the ones not given: empty texts, null, and zero
 * weights, dimensions and prices (n8n's number fields start at 0, which means "not given"). Values
 * stay as mapped: the schema reads "0.35" as a number and refuses lists, objects and true/false.
 * Other keys (an `id`, an `outcome` from an earlier run, shop-only data) are never sent.
 */
export function productValues(fields: IDataObject): IDataObject {
	const values: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (!KNOWN.has(key)) continue;
		if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
			continue;
		if (
			isNumberField(key) &&
			(value === 0 || (typeof value === 'string' && Number(value.trim()) === 0))
		)
			continue;
		values[key] = value;
	}
	return values;
}

// Centimetres or grams typed by mistake would make every rate wrong: the limits catch them.
export const productSchema = z.object({
	sku: rules.identity(100),
	...Object.fromEntries(TEXT_FIELDS.map((key) => [key, rules.text(250)])),
	title: rules.text(250),
	weight: rules.number({ min: 0, max: 1000, unit: 'kg' }),
	height: rules.number({ min: 0, max: 10, unit: 'metres' }),
	length: rules.number({ min: 0, max: 10, unit: 'metres' }),
	width: rules.number({ min: 0, max: 10, unit: 'metres' }),
	// As an order line's value (order/schema.ts): 10 million a unit; 1e15 is a mapping gone wrong, not a price.
	price: rules.number({ min: 0, max: 10_000_000 }),
	// A code or a name; sent as a name, as the reference's product sample writes it ("New Zealand").
	country: rules.country('name'),
	hs_code: rules.tariffCode,
});

/** The product as Starshipit should store it, or an item error naming every wrong field (nothing sent). */
export function validProduct(
	this: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	return validateInput(
		this.getNode(),
		productSchema,
		productValues(fields),
		itemIndex,
		'product',
	) as IDataObject;
}

/** Product > Create's product for one item, from its SKU, Title and Additional Fields: checked, or an item error. */
export function productToCreate(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		sku: rawSku.call(this, itemIndex),
		title: this.getNodeParameter('title', itemIndex, ''),
	};
	return validProduct.call(this, fields, itemIndex);
}

/** Pick an existing product by typing its SKU or from a searchable list of the catalogue. */
export const productLocator = (description: string): INodeProperties => ({
	displayName: 'SKU',
	name: 'sku',
	type: 'resourceLocator',
	default: { mode: 'sku', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'By SKU',
			name: 'sku',
			type: 'string',
			placeholder: 'e.g. MUG-BLUE',
			hint: 'Exactly as in Starshipit (case matters)',
		},
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchProducts', searchable: true },
		},
	],
});

/**
 * The SKU parameter as mapped, for the product schema to check with the other fields. A picked or
 * typed product gives its value; a plain SKU text (workflows saved before the picker) passes as it is.
 */
export function rawSku(this: IExecuteFunctions, itemIndex: number): IDataObject[string] {
	const value = this.getNodeParameter('sku', itemIndex, '') as IDataObject[string];
	return isResourceLocatorValue(value) ? (value.value as IDataObject[string]) : value;
}

/** The SKU to look a product up by: checked (never "undefined" or "[object Object]"), or an item error. */
export function skuParameter(this: IExecuteFunctions, itemIndex: number): string {
	return checked(
		this.getNode(),
		itemIndex,
		'SKU',
		checkIdentity(rawSku.call(this, itemIndex), 100),
		`Enter the product’s SKU in item ${itemIndex + 1}, or map it from the previous node.`,
	);
}

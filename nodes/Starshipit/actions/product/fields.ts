import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v4';

/** Product Catalogue fields, in Starshipit's names (weights in kg, dimensions in metres). */
const number = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName, name, type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 3 }, description,
});
const text = (displayName: string, name: string, description = ''): INodeProperties => ({ displayName, name, type: 'string', default: '', description });

export const productFieldOptions: INodeProperties[] = [
	text('Barcode', 'barcode'),
	text('Bin Location', 'bin_location', 'Where the product sits in the warehouse (printed on pick lists)'),
	text('Brand', 'brand'),
	text('Color', 'color'),
	text('Country of Origin', 'country', 'Where the product was made (2-letter code, e.g. AU), for customs'),
	text('Customs Description', 'customs_description', 'What customs forms say the product is, e.g. Cotton T-shirt'),
	text('Dangerous Goods Type', 'dangerous_goods_type'),
	text('Description', 'description'),
	number('Height (M)', 'height', 'Height in metres'),
	text('HS Code', 'hs_code', 'Tariff (HS) code for customs, e.g. 610910'),
	number('Length (M)', 'length', 'Length in metres'),
	text('Material', 'material'),
	text('MID', 'mid', 'Manufacturer ID (US customs)'),
	text('Model', 'model'),
	number('Price', 'price', 'Unit price, for customs values'),
	text('Size', 'size'),
	text('Title', 'title', 'The product name shown in Starshipit'),
	text('Usage', 'usage'),
	number('Weight (Kg)', 'weight', 'Weight in kilograms'),
	number('Width (M)', 'width', 'Width in metres'),
];

export const skuField: INodeProperties = {
	displayName: 'SKU',
	name: 'sku',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. MUG-BLUE',
	description: 'The product’s SKU, exactly as order items use it',
};

const DIMENSIONS = ['height', 'length', 'width', 'weight', 'price'];

/** Drops empty fields; zero weights and dimensions count as "not given". */
export function productValues(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([key, value]) => value !== '' && value !== undefined && !(DIMENSIONS.includes(key) && value === 0)));
}

const amount = (max: number, unit: string) => z.number({ error: 'must be a number' }).nonnegative('cannot be negative').max(max, `must be in ${unit} (at most ${max})`);

export const productSchema = z
	.object({
		sku: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
		title: z.string().max(250, 'must be at most 250 characters').optional(),
		weight: amount(1000, 'kg').optional(),
		height: amount(10, 'metres').optional(),
		length: amount(10, 'metres').optional(),
		width: amount(10, 'metres').optional(),
		price: z.number({ error: 'must be a number' }).nonnegative('cannot be negative').optional(),
		country: z.string().regex(/^[A-Za-z]{2}$/, 'must be a 2-letter country code, e.g. AU').optional(),
		hs_code: z.string().regex(/^[0-9.]{4,14}$/, 'must be a tariff (HS) code of 4 to 14 digits, e.g. 610910').optional(),
	})
	.passthrough();

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { productFieldOptions, skuField, skuParameter, validProduct } from './fields';
import { findProductBySku } from './lookup';
import { createProduct, replaceProduct } from './write';

const whenMappingFields = { show: { useInputJson: [false] } };

const description: INodeProperties[] = [
	{
		displayName:
			'Each input item is one product, matched on its SKU: created when new, updated when it differs (other fields are kept), left alone when it already matches. Each output item says which in "outcome".',
		name: 'syncNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Use Input Item JSON as Product',
		name: 'useInputJson',
		type: 'boolean',
		default: false,
		description:
			'Whether to take each product straight from the input item, whose fields already have Starshipit’s names (sku, title, weight, hs_code, country, …). Other fields of the item are ignored.',
	},
	{ ...skuField, displayOptions: whenMappingFields },
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The product’s fields; those not added here are left as they are in Starshipit',
		displayOptions: whenMappingFields,
		options: productFieldOptions,
	},
];

/** Compares as text, so 0.5 and "0.5" (or a missing and an empty field) count as the same. */
const differs = (existing: IDataObject, wanted: IDataObject) =>
	Object.entries(wanted).some(([key, value]) => String(existing[key] ?? '') !== String(value ?? ''));

function wantedFields(this: IExecuteFunctions, items: INodeExecutionData[], itemIndex: number): IDataObject {
	if (this.getNodeParameter('useInputJson', itemIndex, false) as boolean) return items[itemIndex].json;
	return { ...(this.getNodeParameter('fields', itemIndex, {}) as IDataObject), sku: skuParameter.call(this, itemIndex) };
}

export const syncProductsOperation: OperationModule = {
	description,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		// The SKU of each item, once known, so that a failed item still says which product it was.
		const skus: Array<string | undefined> = [];
		const output = await runPerItem.call(this, items, async (itemIndex) => {
			const fields = wantedFields.call(this, items, itemIndex);
			skus[itemIndex] = typeof fields.sku === 'string' || typeof fields.sku === 'number' ? String(fields.sku).trim() : undefined;
			const wanted = validProduct.call(this, fields, itemIndex);
			const existing = await findProductBySku.call(this, String(wanted.sku), itemIndex);
			if (!existing) return outputFor(itemIndex, { outcome: 'created', ...(await createProduct.call(this, wanted, itemIndex, 'synced')) });
			// Unchanged products cost one read and no write: a nightly sync of a big catalogue stays cheap.
			if (!differs(existing, wanted)) return outputFor(itemIndex, { outcome: 'unchanged', ...existing });
			return outputFor(itemIndex, { outcome: 'updated', ...(await replaceProduct.call(this, existing, wanted, itemIndex, 'synced')) });
		});
		// With Continue On Fail, failed items come back as error items: give them an outcome too, for an IF/Switch.
		return output.map((item) => {
			if (item.json.outcome !== undefined) return item;
			const itemIndex = (item.pairedItem as { item: number }).item;
			const sku = skus[itemIndex];
			return { ...item, json: { outcome: 'failed', ...(sku ? { sku } : {}), ...item.json } };
		});
	},
};

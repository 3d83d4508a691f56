import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { asNodeError, outputFor, runPerItem } from '../../helpers/items';
import { markFailed } from '../failures/mark';
import type { OperationModule } from '../types';
import { readCatalogueIfCheaper, type Catalogue } from './catalogue';
import { productDifferences } from './compare';
import { productFieldOptions, rawSku, skuField, validProduct } from './fields';
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

const differs = (existing: IDataObject, wanted: IDataObject) =>
	productDifferences(existing, wanted).length > 0;

function wantedFields(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	itemIndex: number,
): IDataObject {
	if (this.getNodeParameter('useInputJson', itemIndex, false) as boolean)
		return items[itemIndex].json;
	return {
		...(this.getNodeParameter('fields', itemIndex, {}) as IDataObject),
		sku: rawSku.call(this, itemIndex),
	};
}

/** The catalogue read once; if that fails with Continue On Fail on, each item looks its SKU up (and fails) on its own. */
async function catalogueFor(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<Catalogue | undefined> {
	try {
		return await readCatalogueIfCheaper.call(this, itemCount);
	} catch (error) {
		if (this.continueOnFail()) return undefined;
		throw asNodeError.call(this, error, 0);
	}
}

export const syncProductsOperation: OperationModule = {
	description,
	writes: true,
	action: 'sync',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		// The SKU of each item, once known, so that a failed item still says which product it was.
		const skus: Array<string | undefined> = [];
		// Every item is checked first: a bad one is refused before the catalogue is read or anything written.
		const checkedItems = items.map((_item, itemIndex) => {
			const fields = wantedFields.call(this, items, itemIndex);
			skus[itemIndex] =
				typeof fields.sku === 'string' || typeof fields.sku === 'number'
					? String(fields.sku).trim()
					: undefined;
			try {
				return validProduct.call(this, fields, itemIndex);
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError.call(this, error, itemIndex);
				return error as Error;
			}
		});
		const validCount = checkedItems.filter((entry) => !(entry instanceof Error)).length;
		const catalogue = validCount > 0 ? await catalogueFor.call(this, validCount) : undefined;
		const findBySku = async (sku: string, itemIndex: number) =>
			catalogue ? catalogue.get(sku) : await findProductBySku.call(this, sku, itemIndex);
		const output = await runPerItem.call(this, items, async (itemIndex) => {
			const wanted = checkedItems[itemIndex];
			if (wanted instanceof Error) throw wanted;
			const existing = await findBySku(String(wanted.sku), itemIndex);
			// Unchanged products cost no write: a nightly sync of a big catalogue stays cheap.
			if (existing && !differs(existing, wanted))
				return outputFor(itemIndex, { outcome: 'unchanged', ...existing });
			const written = existing
				? await replaceProduct.call(this, existing, wanted, itemIndex, 'synced')
				: await createProduct.call(this, wanted, itemIndex, 'synced');
			// The same SKU further down the input then compares against what was just written.
			catalogue?.set(String(wanted.sku), written);
			return outputFor(itemIndex, { outcome: existing ? 'updated' : 'created', ...written });
		});
		// With Continue On Fail, failed items come back as error items: give them an outcome too, for an IF/Switch.
		return output.map((item) => {
			if (item.json.outcome !== undefined) return item;
			const itemIndex = (item.pairedItem as { item: number }).item;
			const sku = skus[itemIndex];
			// A failed outcome, completed as one (not as the error item it was).
			return {
				...item,
				json: markFailed({ outcome: 'failed', ...(sku ? { sku } : {}), ...item.json }),
			};
		});
	},
};

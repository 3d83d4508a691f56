import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { validProduct } from './create.operation';
import { productFieldOptions, skuField } from './fields';
import { findProductBySku } from './lookup';
import { createProduct, replaceProduct } from './write';

const description: INodeProperties[] = [
	{
		displayName: 'Each input item is one product, matched on its SKU: created when new, updated when it differs, left alone when it already matches',
		name: 'syncNotice',
		type: 'notice',
		default: '',
	},
	skuField,
	{ displayName: 'Fields', name: 'fields', type: 'collection', placeholder: 'Add Field', default: {}, options: productFieldOptions },
];

const differs = (existing: IDataObject, wanted: IDataObject) =>
	Object.entries(wanted).some(([key, value]) => String(existing[key] ?? '') !== String(value));

export const syncProductsOperation: OperationModule = {
	description,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const fields = { sku: String(this.getNodeParameter('sku', itemIndex, '')).trim(), ...(this.getNodeParameter('fields', itemIndex, {}) as IDataObject) };
			const wanted = validProduct.call(this, fields, itemIndex);
			const existing = await findProductBySku.call(this, String(wanted.sku), itemIndex);
			if (!existing) return outputFor(itemIndex, { outcome: 'created', ...(await createProduct.call(this, wanted, itemIndex)) });
			// Unchanged products cost one read and no write: a nightly sync of a big catalogue stays cheap.
			if (!differs(existing, wanted)) return outputFor(itemIndex, { outcome: 'unchanged', ...existing });
			return outputFor(itemIndex, { outcome: 'updated', ...(await replaceProduct.call(this, existing, wanted, itemIndex)) });
		});
	},
};

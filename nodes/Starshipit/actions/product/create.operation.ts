import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { validateInput } from '../../validation/validate';
import type { OperationModule } from '../types';
import { productFieldOptions, productSchema, productValues, skuField } from './fields';
import { createProduct } from './write';

const description: INodeProperties[] = [
	skuField,
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: productFieldOptions },
];

export function validProduct(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	return validateInput(this.getNode(), productSchema, productValues(fields), itemIndex, 'product') as IDataObject;
}

export const createProductOperation: OperationModule = {
	description,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const fields = { sku: String(this.getNodeParameter('sku', itemIndex, '')).trim(), ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) };
			const product = validProduct.call(this, fields, itemIndex);
			return outputFor(itemIndex, await createProduct.call(this, product, itemIndex));
		});
	},
};

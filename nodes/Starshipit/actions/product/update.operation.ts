import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { validProduct } from './create.operation';
import { productFieldOptions, productValues, skuField } from './fields';
import { requireProduct } from './lookup';
import { replaceProduct } from './write';

const description: INodeProperties[] = [
	skuField,
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: productFieldOptions },
];

export const updateProductOperation: OperationModule = {
	description,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const changes = productValues(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
			if (Object.keys(changes).length === 0) {
				throw new NodeOperationError(this.getNode(), `No field to update in item ${itemIndex + 1}`, { itemIndex, description: 'Add at least one field under Update Fields.' });
			}
			validProduct.call(this, { sku: String(this.getNodeParameter('sku', itemIndex, '')).trim() || '-', ...changes }, itemIndex);
			const existing = await requireProduct.call(this, itemIndex);
			return outputFor(itemIndex, await replaceProduct.call(this, existing, changes, itemIndex));
		});
	},
};

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { additionalFieldOptions, rawSku, skuField, titleField, validProduct } from './fields';
import { createProduct } from './write';

const description: INodeProperties[] = [
	skuField,
	titleField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Customs data (description, HS code, country of origin) keeps international labels from failing later',
		options: additionalFieldOptions,
	},
];

export const createProductOperation: OperationModule = {
	description,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const product = validProduct.call(this, {
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
				sku: rawSku.call(this, itemIndex),
				title: this.getNodeParameter('title', itemIndex, ''),
			}, itemIndex);
			return outputFor(itemIndex, await createProduct.call(this, product, itemIndex));
		});
	},
};

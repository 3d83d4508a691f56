import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { additionalFieldOptions, productToCreate, skuField, titleField } from './fields';
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
		description:
			'Customs data (description, HS code, country of origin) keeps international labels from failing later',
		options: additionalFieldOptions,
	},
];

export const createProductOperation: OperationModule = {
	description,
	writes: true,
	action: 'create',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			return outputFor(
				itemIndex,
				await createProduct.call(this, productToCreate.call(this, itemIndex), itemIndex),
			);
		});
	},
};

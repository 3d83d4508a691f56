import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { productFieldOptions, rawSku, productLocator, validProduct } from './fields';
import { requireProduct } from './lookup';
import { replaceProduct } from './write';

const description: INodeProperties[] = [
	productLocator('The product to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add here change; every other field of the product is kept',
		options: productFieldOptions,
	},
];

export const updateProductOperation: OperationModule = {
	description,
	writes: true,
	action: 'update',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const changes = validProduct.call(
				this,
				{
					...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
					sku: rawSku.call(this, itemIndex),
				},
				itemIndex,
			);
			const sku = String(changes.sku);
			delete changes.sku;
			if (Object.keys(changes).length === 0) {
				throw new NodeOperationError(
					this.getNode(),
					`No field to update in item ${itemIndex + 1}: nothing was sent to Starshipit`,
					{
						itemIndex,
						description:
							'Add at least one field under Update Fields, with a value (empty texts and zero numbers count as not given).',
					},
				);
			}
			// Starshipit's update replaces the whole product: read it first, then write it back merged.
			const existing = await requireProduct.call(this, sku, itemIndex);
			return outputFor(itemIndex, await replaceProduct.call(this, existing, changes, itemIndex));
		});
	},
};

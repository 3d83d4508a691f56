import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import type { OperationModule } from '../types';
import { skuField } from './fields';
import { requireProduct } from './lookup';

export const deleteProductOperation: OperationModule = {
	description: [skuField],
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const product = await requireProduct.call(this, itemIndex);
			await starshipitRequest.call(this, {
				endpoint: 'productsDelete', body: { product_ids: [product.id as number], all_products: false }, action: 'synced', itemIndex,
			});
			return outputFor(itemIndex, { success: true, deleted: true, id: product.id, sku: product.sku });
		});
	},
};

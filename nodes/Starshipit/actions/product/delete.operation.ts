import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import type { OperationModule } from '../types';
import { productLocator, skuParameter } from './fields';
import { requireProduct } from './lookup';

export const deleteProductOperation: OperationModule = {
	description: [productLocator('The product to remove')],
	writes: true,
	action: 'delete',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			// Delete takes ids, not SKUs: look the id up first (and say so clearly when the SKU is unknown).
			const product = await requireProduct.call(
				this,
				skuParameter.call(this, itemIndex),
				itemIndex,
			);
			await starshipitRequest.call(this, {
				endpoint: 'productsDelete',
				body: { product_ids: [product.id as number], all_products: false },
				action: 'deleted',
				itemIndex,
			});
			return outputFor(itemIndex, { deleted: true, id: product.id, sku: product.sku });
		});
	},
};

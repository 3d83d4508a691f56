import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { productLocator, skuParameter } from './fields';
import { requireProduct } from './lookup';

export const getProductOperation: OperationModule = {
	description: [productLocator('The product to get')],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) =>
			outputFor(
				itemIndex,
				await requireProduct.call(this, skuParameter.call(this, itemIndex), itemIndex),
			),
		);
	},
};

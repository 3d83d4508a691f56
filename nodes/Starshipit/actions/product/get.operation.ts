import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { skuField, skuParameter } from './fields';
import { requireProduct } from './lookup';

export const getProductOperation: OperationModule = {
	description: [{ ...skuField, description: 'The SKU of the product to get, exactly as in Starshipit (case matters)' }],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) =>
			outputFor(itemIndex, await requireProduct.call(this, skuParameter.call(this, itemIndex), itemIndex)),
		);
	},
};

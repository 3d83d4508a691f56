import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { orderLocator, resolveOrder } from './lookup';

export const getOrderOperation: OperationModule = {
	description: [orderLocator],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => outputFor(itemIndex, await resolveOrder.call(this, itemIndex)));
	},
};

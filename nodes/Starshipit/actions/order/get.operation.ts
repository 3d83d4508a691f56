import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { orderLocator } from '../../descriptions/orderLocator';
import { outputFor, runPerItem } from '../../helpers/items';
import { simplifyField, wantsSimplified } from '../../helpers/simplify';
import { resolveOrder } from '../orderReads';
import type { OperationModule } from '../types';
import { simplifyOrder } from './simplify';

export const getOrderOperation: OperationModule = {
	description: [orderLocator, simplifyField],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const order = await resolveOrder.call(this, itemIndex);
			return outputFor(
				itemIndex,
				wantsSimplified.call(this, itemIndex) ? simplifyOrder(order) : order,
			);
		});
	},
};

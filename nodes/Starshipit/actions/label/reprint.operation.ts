import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/items';
import { orderLocator, resolveOrder } from '../order/lookup';
import type { OperationModule } from '../types';
import { binaryOptions } from './document';
import { labelItem, reprintLabel } from './shipment';

export const reprintLabelOperation: OperationModule = {
	description: [orderLocator, ...binaryOptions],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const order = await resolveOrder.call(this, itemIndex);
			return await labelItem.call(this, itemIndex, await reprintLabel.call(this, order, itemIndex));
		});
	},
};

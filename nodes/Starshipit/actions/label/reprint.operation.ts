import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { binaryOptions } from '../../descriptions/files';
import { orderLocator } from '../../descriptions/orderLocator';
import { runPerItem } from '../../helpers/items';
import { orderReference } from '../orderReads';
import type { OperationModule } from '../types';
import { labelItem, reprintLabel } from './shipment';

/** `reprint: true` returns the labels Starshipit already made and books nothing, so read-only mode allows it. */
export const reprintLabelOperation: OperationModule = {
	description: [orderLocator, ...binaryOptions('label')],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const body = await reprintLabel.call(this, orderReference.call(this, itemIndex), itemIndex);
			return await labelItem.call(this, itemIndex, body);
		});
	},
};

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { orderLocator, resolveOrder } from '../order/lookup';
import type { OperationModule } from '../types';
import { binaryOptions } from './document';
import { labelItem } from './shipment';

/** Starshipit's documented way: clone the order as a return shipment, then print the clone. */
export const createReturnLabelOperation: OperationModule = {
	description: [orderLocator, ...binaryOptions],
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const original = await resolveOrder.call(this, itemIndex);
			const context = { sourceOrderId: String(original.order_number), itemIndex, action: 'labelled' as const };
			const cloned = await starshipitRequest.call(this, {
				endpoint: 'shipmentClone', body: { order_id: original.order_id as number, to_return_shipment: true }, starshipitOrderId: original.order_id as number, ...context,
			});
			const returnOrder = cloned.order as IDataObject;
			const label = await starshipitRequest.call(this, {
				endpoint: 'labelCreate', body: { order_id: returnOrder.order_id as number }, starshipitOrderId: returnOrder.order_id as number, ...context,
			});
			const [item] = await labelItem.call(this, itemIndex, label);
			item.json.original_order_number = original.order_number;
			return [item];
		});
	},
};

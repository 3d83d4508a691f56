import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { binaryOptions } from '../../descriptions/files';
import { orderLocator } from '../../descriptions/orderLocator';
import { runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { resolveOrder } from '../orderReads';
import type { OperationModule } from '../types';
import { labelFailedAfter } from './orderUpdate';
import { bookLabel, labelItem } from './shipment';

const shipmentKind: INodeProperties = {
	displayName: 'Shipment',
	name: 'shipmentKind',
	type: 'options',
	default: 'return',
	options: [
		{
			name: 'Return',
			value: 'return',
			description: 'A return label: the customer sends the goods back to you',
		},
		{
			name: 'Additional Shipment',
			value: 'additional',
			description: 'A second shipment to the same customer, e.g. a missing item or a replacement',
		},
	],
	description:
		'Both copy the order in Starshipit (a new order with its own number) and print the copy',
};

/** Starshipit's documented way: clone the order (as a return shipment, or a plain copy), then print the clone. */
export const createReturnLabelOperation: OperationModule = {
	description: [orderLocator, shipmentKind, ...binaryOptions('label')],
	writes: true,
	action: 'label',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			// The clone needs the Starshipit ID; the original is usually printed or shipped, which a plain lookup misses.
			const original = await resolveOrder.call(this, itemIndex);
			const context = { sourceOrderId: String(original.order_number), itemIndex };
			const isReturn = this.getNodeParameter('shipmentKind', itemIndex, 'return') !== 'additional';
			const cloned = await starshipitRequest.call(this, {
				endpoint: 'shipmentClone',
				body: { order_id: original.order_id as number, to_return_shipment: isReturn },
				starshipitOrderId: original.order_id as number,
				action: 'created',
				...context,
			});
			const returnOrder = cloned.order as IDataObject;
			let label: IDataObject;
			try {
				label = await bookLabel.call(
					this,
					{ order_id: Number(returnOrder.order_id) },
					{},
					String(original.order_number),
					itemIndex,
				);
			} catch (error) {
				// Running the node again would clone a second return: say where the first one is.
				const returnNumber = String(returnOrder.order_number);
				const kind = isReturn ? 'Return' : 'Additional shipment';
				throw labelFailedAfter.call(
					this,
					error,
					`${kind} order ${returnNumber} was created`,
					`Fix the problem, then print it with Label > Create for order ${returnNumber} (not Create Return again, which would make a second ${isReturn ? 'return' : 'shipment'}).`,
					itemIndex,
				);
			}
			const [item] = await labelItem.call(this, itemIndex, label);
			item.json = {
				...item.json,
				original_order_id: original.order_id,
				original_order_number: original.order_number,
				return_order: isReturn,
			};
			return [item];
		});
	},
};

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest, UNCONFIRMED } from '../../transport';
import { itemInput } from '../../validation/read';
import type { OperationModule } from '../types';
import { simplifyOrder } from './simplify';
import { simplifyField, wantsSimplified } from '../../helpers/simplify';

const description: INodeProperties[] = [
	{
		displayName: 'Order Number or Reference',
		name: 'orderRef',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1001',
		description:
			'The order number (or reference) sent to Starshipit. Orders not yet delivered return nothing.',
	},
	simplifyField,
];

/** Delivered orders only: one output item per delivered order that matches, none when nothing does. */
export const getDeliveredOrdersOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const orderRef = itemInput
				.call(this, itemIndex)
				.identity('orderRef', 'Order Number or Reference', 100);
			const body = await starshipitRequest.call(this, {
				endpoint: 'ordersDelivered',
				query: { [UNCONFIRMED.deliveredRefParam]: orderRef },
				sourceOrderId: orderRef,
				itemIndex,
				// Whether "nothing matches" comes back as an empty list or a 404 is not said: both mean none.
				notFoundAsEmpty: true,
			});
			const orders = (Array.isArray(body.orders) ? body.orders : []) as IDataObject[];
			const simplify = wantsSimplified.call(this, itemIndex);
			return outputFor(itemIndex, simplify ? orders.map(simplifyOrder) : orders);
		});
	},
};

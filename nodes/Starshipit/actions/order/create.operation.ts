import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { credentialHomeCountry } from '../../transport';
import type { OperationModule } from '../types';
import { orderFields } from './fields';
import { differences, isWholeOrder } from './write/compare';
import { createOrder } from './write/create';
import { validOrder } from './write/orderInput';
import { refuseRepeatsBeforeSending, RepeatedOrders } from './write/repeats';

/** The answer must hold the order as sent (every line, in order): an order stored otherwise is an error, never a result. */
function assertStoredAsSent(
	this: IExecuteFunctions,
	stored: IDataObject,
	order: IDataObject,
	itemIndex: number,
): IDataObject {
	const fields = stored && isWholeOrder(stored) ? differences(stored, order) : [];
	if (fields.length === 0) return stored;
	throw new NodeOperationError(
		this.getNode(),
		`Starshipit stored order ${String(order.order_number)} with other values than were sent (${fields.join(', ')}) (item ${itemIndex + 1})`,
		{
			itemIndex,
			description:
				'The order is in Starshipit, but not as sent: check it there, then correct it with Order > Create or Update.',
		},
	);
}

export const createOrderOperation: OperationModule = {
	description: orderFields,
	writes: true,
	action: 'create',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const homeCountry = await credentialHomeCountry.call(this);
		refuseRepeatsBeforeSending.call(this, items);
		const repeats = new RepeatedOrders(this.getNode());
		return await runPerItem.call(this, items, async (itemIndex) => {
			const order = validOrder.call(this, itemIndex, homeCountry);
			repeats.refuseRepeat(order, itemIndex);
			return outputFor(
				itemIndex,
				assertStoredAsSent.call(
					this,
					await createOrder.call(this, order, itemIndex),
					order,
					itemIndex,
				),
			);
		});
	},
};

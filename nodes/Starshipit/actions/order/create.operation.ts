import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { outputFor, runPerItem, withItemNamed } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import type { OperationModule } from '../types';
import { differences, isWholeOrder } from './compare';
import { credentialHomeCountry, orderFields } from './fields';
import { findOrderByNumber } from './lookup';
import { validOrder } from './orderInput';
import { refuseRepeatsBeforeSending, RepeatedOrders } from './repeats';

/**
 * Creates one order. If the answer is lost (5xx, timeout, dropped connection), Starshipit is asked for
 * the order before sending again: holding exactly the values sent, it is this attempt's; holding other
 * values, it was there before, and the create is refused as Starshipit would refuse it (never twice,
 * never an older order taken for the new one).
 */
export async function createOrder(this: IExecuteFunctions, order: IDataObject, itemIndex: number): Promise<IDataObject> {
	const orderNumber = String(order.order_number);
	const body = await starshipitRequest.call(this, {
		endpoint: 'ordersCreate',
		body: { order },
		action: 'created',
		sourceOrderId: orderNumber,
		itemIndex,
		findExisting: async () => {
			const existing = await findOrderByNumber.call(this, orderNumber, itemIndex);
			if (!existing) return undefined;
			const fields = differences(existing, order);
			if (fields.length === 0) return { order: existing, success: true };
			throw new NodeOperationError(this.getNode(), `Order ${orderNumber} already exists in Starshipit with other values (${fields.join(', ')}), so it was not created (item ${itemIndex + 1})`, {
				itemIndex,
				description: 'Use Order > Create or Update to bring the existing order in line, or give this order another number.',
			});
		},
	}).catch((error: unknown) => {
		throw withItemNamed(error, itemIndex, orderNumber);
	});
	return body.order as IDataObject;
}

/** The answer must hold the order as sent (every line, in order): an order stored otherwise is an error, never a result. */
function assertStoredAsSent(this: IExecuteFunctions, stored: IDataObject, order: IDataObject, itemIndex: number): IDataObject {
	const fields = stored && isWholeOrder(stored) ? differences(stored, order) : [];
	if (fields.length === 0) return stored;
	throw new NodeOperationError(this.getNode(), `Starshipit stored order ${String(order.order_number)} with other values than were sent (${fields.join(', ')}) (item ${itemIndex + 1})`, {
		itemIndex,
		description: 'The order is in Starshipit, but not as sent: check it there, then correct it with Order > Create or Update.',
	});
}

export const createOrderOperation: OperationModule = {
	description: orderFields,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const homeCountry = await credentialHomeCountry.call(this);
		refuseRepeatsBeforeSending.call(this, items);
		const repeats = new RepeatedOrders(this.getNode());
		return await runPerItem.call(this, items, async (itemIndex) => {
			const order = validOrder.call(this, itemIndex, homeCountry);
			repeats.refuseRepeat(order, itemIndex);
			return outputFor(itemIndex, assertStoredAsSent.call(this, await createOrder.call(this, order, itemIndex), order, itemIndex));
		});
	},
};

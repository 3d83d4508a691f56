import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { validateInput } from '../../validation/validate';
import type { OperationModule } from '../types';
import { credentialHomeCountry, orderFields, readOrderInput } from './fields';
import { findOrderByNumber } from './lookup';
import { orderSchema } from './schema';

/**
 * Reads and checks one item's order; throws a field-by-field error before anything is sent.
 * `defaultHomeCountry`: the credential's Your Country (credentialHomeCountry), used when the node's is empty.
 */
export function validOrder(this: IExecuteFunctions, itemIndex: number, defaultHomeCountry = 'AU'): IDataObject {
	const { order, homeCountry } = readOrderInput.call(this, itemIndex);
	return validateInput(this.getNode(), orderSchema(homeCountry ?? defaultHomeCountry), order, itemIndex, 'order') as IDataObject;
}

/** Creates one order; if the connection drops after sending, looks for it before trying again (never twice). */
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
			return existing ? { order: existing, success: true } : undefined;
		},
	});
	return body.order as IDataObject;
}

export const createOrderOperation: OperationModule = {
	description: orderFields,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const homeCountry = await credentialHomeCountry.call(this);
		return await runPerItem.call(this, items, async (itemIndex) => {
			const order = validOrder.call(this, itemIndex, homeCountry);
			return outputFor(itemIndex, await createOrder.call(this, order, itemIndex));
		});
	},
};

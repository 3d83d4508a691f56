import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withItemNamed } from '../../../helpers/items';
import { starshipitRequest } from '../../../transport';
import { findOrderByNumber } from '../../orderReads';
import { differences } from './compare';

/**
 * Creates one order. If the answer is lost (5xx, timeout, dropped connection), Starshipit is asked for
 * the order before sending again: holding exactly the values sent, it is this attempt's; holding other
 * values, it was there before, and the create is refused as Starshipit would refuse it (never twice,
 * never an older order taken for the new one).
 */
export async function createOrder(
	this: IExecuteFunctions,
	order: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const orderNumber = String(order.order_number);
	const body = await starshipitRequest
		.call(this, {
			endpoint: 'ordersCreate',
			body: { order },
			action: 'created',
			sourceOrderId: orderNumber,
			itemIndex,
			write: {
				readBack: async () => {
					const existing = await findOrderByNumber.call(this, orderNumber, itemIndex);
					if (!existing) return { resend: 'same body' };
					const fields = differences(existing, order);
					if (fields.length === 0) return { done: { order: existing, success: true } };
					throw new NodeOperationError(
						this.getNode(),
						`Order ${orderNumber} already exists in Starshipit with other values (${fields.join(', ')}), so it was not created (item ${itemIndex + 1})`,
						{
							itemIndex,
							description:
								'Use Order > Create or Update to bring the existing order in line, or give this order another number.',
						},
					);
				},
			},
		})
		.catch((error: unknown) => {
			throw withItemNamed(error, itemIndex, orderNumber);
		});
	return body.order as IDataObject;
}

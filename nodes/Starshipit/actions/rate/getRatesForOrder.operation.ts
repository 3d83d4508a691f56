import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderLocator } from '../../descriptions/orderLocator';
import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { orderReference, resolveOrder } from '../orderReads';
import type { OperationModule } from '../types';
import { arrange, noRatesMessage, rateListOptions, rateOptions, ratesOf, tidy } from './arrange';

const description: INodeProperties[] = [
	{
		...orderLocator,
		description: 'The order to price, with the destination and packages Starshipit already has',
	},
	rateListOptions(false),
];

/** The Starshipit order ID: given as is (checked to be a number), or found from the order number. */
async function orderIdOf(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const reference = orderReference.call(this, itemIndex);
	return String(reference.order_id ?? (await resolveOrder.call(this, itemIndex)).order_id);
}

export const getRatesForOrderOperation: OperationModule = {
	description,
	writes: false,
	action: 'rate',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const options = rateOptions.call(this, itemIndex);
			const orderId = await orderIdOf.call(this, itemIndex);
			// Delivery services priced for the order: a POST that only reads, so repeating it is harmless.
			const body = await starshipitRequest.call(this, {
				endpoint: 'deliveryServices',
				body: { order_id: Number(orderId), include_pricing: true },
				starshipitOrderId: orderId,
				action: 'rated',
				itemIndex,
				write: { safeToRepeat: true },
			});
			const found = ratesOf(body).map((rate) => tidy(rate, undefined));
			const rates = arrange(found, options);
			if (rates.length === 0)
				return outputFor(itemIndex, {
					order_id: Number(orderId),
					rates_found: 0,
					message: noRatesMessage(found.length, options),
				});
			return outputFor(
				itemIndex,
				rates.map((rate, rank) => ({ rank: rank + 1, order_id: Number(orderId), ...rate })),
			);
		});
	},
};

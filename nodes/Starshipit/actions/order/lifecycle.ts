import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { orderLocator } from '../../descriptions/orderLocator';
import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest, type EndpointName } from '../../transport';
import { orderReference, resolveOrder, type OrderStatus } from '../orderReads';
import type { OperationModule } from '../types';

/**
 * Delete, Archive and Restore: find the order (looking first where such an order usually is), then one
 * call with its ID in the query string. Each operation file names its own action.
 */
export function orderLifecycleOperation(
	endpoint: EndpointName,
	outcome: 'deleted' | 'archived' | 'restored',
	likeliest: OrderStatus,
	action: 'delete' | 'archive' | 'restore',
): OperationModule {
	return {
		description: [orderLocator],
		writes: true,
		action,
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
			return await runPerItem.call(this, items, async (itemIndex) => {
				// An archived order can be found by number only (the archived summary is not filtered on IDs);
				// restoring by ID needs no lookup: the ID is all the call takes.
				const reference = orderReference.call(this, itemIndex);
				const order =
					likeliest === 'Archived' && reference.order_id !== undefined
						? { order_id: reference.order_id }
						: await resolveOrder.call(this, itemIndex, likeliest);
				await starshipitRequest.call(this, {
					endpoint,
					query: { order_id: order.order_id as number },
					action: outcome,
					sourceOrderId: order.order_number === undefined ? undefined : String(order.order_number),
					starshipitOrderId: order.order_id as number,
					itemIndex,
					// The ID is in the query: repeating an archive or restore cannot make a second order.
					write: { safeToRepeat: true },
				});
				return outputFor(itemIndex, {
					success: true,
					outcome,
					order_id: order.order_id,
					order_number: order.order_number,
				});
			});
		},
	};
}

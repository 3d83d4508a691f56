import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asLines } from '../../validation/validate';
import { orderChangeOptions } from '../order/changes';
import { putOrderUpdate, withRowsReplaced } from '../order/write/update';
import { fetchOrder, type OrderReference } from '../orderReads';

/**
 * "Update Order First" on Label > Create: the changes Order > Update offers, sent with PUT /api/orders
 * before the label is booked. Starshipit accepts changes only while an order is unshipped.
 */

export const updateOrderFirstField: INodeProperties = {
	displayName: 'Update Order First',
	name: 'orderChanges',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description:
		'Change the order in Starshipit before its label is booked, e.g. correct the address or switch the carrier. Works only for orders not printed yet. Carrier and Service Code above apply to this label only; these fields change the order itself.',
	options: orderChangeOptions,
};

/** The order as it will be once the changes are stored: customs are checked on this, before anything is written. */
export function withChanges(order: IDataObject, changes: IDataObject): IDataObject {
	const destination = {
		...((order.destination as IDataObject | undefined) ?? {}),
		...((changes.destination as IDataObject | undefined) ?? {}),
	};
	return { ...order, ...changes, destination };
}

/** PUT /api/orders with only the changed fields (Starshipit accepts partial bodies). */
export async function updateOrder(
	this: IExecuteFunctions,
	order: IDataObject,
	changes: IDataObject,
	itemIndex: number,
): Promise<void> {
	await putOrderUpdate.call(this, order, withRowsReplaced(order, changes), itemIndex);
}

/** An order that is already printed gets no new label: say which operation gets its existing one. Nothing is booked. */
export async function refuseIfPrinted(
	this: IExecuteFunctions,
	reference: OrderReference,
	itemIndex: number,
): Promise<void> {
	const printed = await fetchOrder.call(this, reference, 'Shipped', itemIndex);
	if (!printed) return;
	throw new NodeOperationError(
		this.getNode(),
		`Order ${String(printed.order_number)} (item ${itemIndex + 1}) is already printed: use Label > Reprint to get its label again`,
		{
			itemIndex,
			description:
				'Nothing was booked. In a workflow that may see the same order twice, send orders that are already printed to a Label > Reprint node (Order > Create or Update marks them "skipped").',
		},
	);
}

/** No unshipped order to change: says whether it is already printed or unknown. Nothing is written. */
export async function refuseUpdate(
	this: IExecuteFunctions,
	reference: OrderReference,
	itemIndex: number,
): Promise<never> {
	const printed = await fetchOrder.call(this, reference, 'Shipped', itemIndex);
	const named =
		reference.order_number !== undefined
			? `numbered ${reference.order_number}`
			: `with ID ${String(reference.order_id)}`;
	if (printed) {
		throw new NodeOperationError(
			this.getNode(),
			`Order ${String(printed.order_number)} (item ${itemIndex + 1}) is already printed, so it cannot be updated: nothing was changed or booked`,
			{
				itemIndex,
				description:
					'Starshipit accepts changes only before an order is printed. To get its existing label, use Label > Reprint. To ship it with other details, change the shipment in the Starshipit app.',
			},
		);
	}
	throw new NodeOperationError(
		this.getNode(),
		`Starshipit has no unshipped order ${named} (item ${itemIndex + 1}): nothing was changed or booked`,
		{
			itemIndex,
			description:
				'Check the order: its number must match the one sent to Starshipit exactly, and it must not be archived.',
		},
	);
}

/**
 * The label failed after something was already written (an order changed, a return made): say what
 * was kept and what to run next, and keep the failed request's support context.
 */
export function labelFailedAfter(
	this: IExecuteFunctions,
	error: unknown,
	whatHappened: string,
	advice: string,
	itemIndex: number,
): NodeOperationError {
	const cause = error as Error & { description?: string; context?: IDataObject };
	const failure = new NodeOperationError(
		this.getNode(),
		`${whatHappened}, but its label failed: ${cause.message}`,
		{
			itemIndex,
			description: asLines([cause.description, advice]),
		},
	);
	if (cause.context?.supportContext) failure.context.supportContext = cause.context.supportContext;
	return failure;
}

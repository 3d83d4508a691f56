import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { binaryOptions } from '../../descriptions/files';
import { orderLocator } from '../../descriptions/orderLocator';
import { runPerItem } from '../../helpers/items';
import { starshipitRequest, UNCONFIRMED } from '../../transport';
import { resolveOrder } from '../orderReads';
import type { OperationModule } from '../types';
import { labelFailedAfter } from './orderUpdate';
import { bookLabel, labelItem, reprintLabel } from './shipment';

/** A printed order's facts, or the refusal that nothing was sent: only a printed, unmanifested label can be redone. */
async function printedOrder(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const order = await resolveOrder.call(this, itemIndex, 'Shipped');
	const number = String(order.order_number);
	const refuse = (problem: string, advice: string) =>
		new NodeOperationError(
			this.getNode(),
			`Order ${number} (item ${itemIndex + 1}) ${problem}: nothing was sent to Starshipit`,
			{ itemIndex, description: advice },
		);
	if (order.archived === true)
		throw refuse('is archived', 'Restore it with Order > Restore first.');
	if (!order.tracking_number)
		throw refuse('has no label to redo', 'Use Label > Create to book its first label.');
	return order;
}

/**
 * Starshipit's documented way to replace a printed label ("Re-do"): the old label is cancelled and a new
 * one booked, with a new tracking number that the workflow can send to the shop.
 */
export const redoLabelOperation: OperationModule = {
	description: [orderLocator, ...binaryOptions('label')],
	writes: true,
	action: 'label',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const original = await printedOrder.call(this, itemIndex);
			const number = String(original.order_number);
			const answer = await starshipitRequest.call(this, {
				endpoint: 'shipmentReplace',
				body: { order_id: Number(original.order_id) },
				action: 'labelled',
				sourceOrderId: number,
				starshipitOrderId: original.order_id as number,
				itemIndex,
			});
			const replacement = (answer[UNCONFIRMED.redoOrderKey] as IDataObject | undefined) ?? {};
			const target = { order_id: Number(replacement.order_id ?? original.order_id) };
			const alreadyBooked =
				Boolean(replacement.tracking_number) &&
				replacement.tracking_number !== original.tracking_number;
			let label: IDataObject;
			try {
				label = alreadyBooked
					? await reprintLabel.call(this, target, itemIndex)
					: await bookLabel.call(this, target, {}, number, itemIndex);
			} catch (error) {
				// Running the node again would redo the label a second time: say where things stand.
				throw labelFailedAfter.call(
					this,
					error,
					`The label of order ${number} was redone`,
					`Its old label ${String(original.tracking_number)} is cancelled. Get the new label with Label > Reprint (or Label > Create if it is not booked yet), not Label > Redo again.`,
					itemIndex,
				);
			}
			const [item] = await labelItem.call(this, itemIndex, label);
			item.json = { ...item.json, replaced_tracking_number: original.tracking_number };
			return [item];
		});
	},
};

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { binaryOptions } from '../../descriptions/files';
import { asNodeError } from '../../helpers/items';
import { starshipitRequest, UNCONFIRMED } from '../../transport';
import { batchOrderIdField, runBatch, type BatchEntry } from '../batch';
import { errorItem } from '../failures/mark';
import { fetchOrder } from '../orderReads';
import type { OperationModule } from '../types';
import { labelItem, reprintLabel } from './shipment';

/** The batch answer's label files, as the single-order answer holds them (`labels`, `label_types`). */
function batchLabels(body: IDataObject): Array<{ base64: unknown; type: unknown }> {
	const { listKey, typeKey, documentField } = UNCONFIRMED.batchLabels;
	const rows = Array.isArray(body[listKey]) ? (body[listKey] as IDataObject[]) : [];
	return rows.map((row) => ({ base64: row?.[documentField], type: row?.[typeKey] }));
}

/**
 * One order's item: its tracking number read back (the batch answer has none) and its label file, from the
 * batch answer when it holds one label per order, else asked for again (reprint books nothing).
 */
async function printedOrderItem(
	this: IExecuteFunctions,
	entry: BatchEntry,
	label: { base64: unknown; type: unknown } | undefined,
): Promise<INodeExecutionData> {
	const order = await fetchOrder.call(this, { order_id: entry.id }, 'Shipped', entry.itemIndex);
	if (!order?.tracking_number) {
		throw new NodeOperationError(
			this.getNode(),
			`Starshipit took the batch, but order ID ${entry.id} has no tracking number (item ${entry.itemIndex + 1})`,
			{
				itemIndex: entry.itemIndex,
				description:
					'Its label may not have been booked. Look at the order in Starshipit, or run Label > Create for it alone (which says why Starshipit refuses it).',
			},
		);
	}
	const facts = {
		order_id: order.order_id,
		order_number: order.order_number,
		carrier_name: order.carrier_name,
		carrier_service_code: order.carrier_service_code,
		tracking_numbers: [order.tracking_number],
	};
	const body = label
		? { ...facts, labels: [label.base64], label_types: [label.type] }
		: { ...(await reprintLabel.call(this, { order_id: entry.id }, entry.itemIndex)), ...facts };
	const [item] = await labelItem.call(this, entry.itemIndex, body);
	item.json = { ...item.json, tracking_url: order.tracking_url };
	return item;
}

/** `POST /api/orders/shipments`: one request books every input order; each order comes back as its own item. */
export const createManyLabelsOperation: OperationModule = {
	description: [
		batchOrderIdField(
			'The Starshipit order ID of each input item (for example from Order > Get Many). All input orders are booked in one request.',
		),
		...binaryOptions('label'),
	],
	writes: true,
	action: 'label',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runBatch.call(this, items, async (entries) => {
			const body = await starshipitRequest.call(this, {
				endpoint: 'labelsForOrders',
				body: { order_ids: entries.map((entry) => entry.id) },
				action: 'labelled',
				itemIndex: entries[0].itemIndex,
			});
			const labels = batchLabels(body);
			const pairedByIndex = labels.length === entries.length;
			const output: INodeExecutionData[] = [];
			for (const [index, entry] of entries.entries()) {
				try {
					output.push(
						await printedOrderItem.call(this, entry, pairedByIndex ? labels[index] : undefined),
					);
				} catch (error) {
					// Booked with the others: one order's missing label fails only its own item.
					const nodeError = asNodeError.call(this, error, entry.itemIndex);
					if (!this.continueOnFail()) throw nodeError;
					output.push(errorItem(nodeError, entry.itemIndex));
				}
			}
			return output;
		});
	},
};

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IPairedItemData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../helpers/items';
import { checkRecordId } from '../validation/checks';
import { itemInput } from '../validation/read';
import { errorItem } from './failures/mark';

/**
 * One request for all input items (labels for many orders, packing slips, manifests): each item names
 * an order by its Starshipit ID. A bad ID fails its own item before anything is sent; the request
 * stands for every good item, and so does its failure.
 */
export interface BatchEntry {
	id: number;
	itemIndex: number;
}

/** The Order ID field of a batch operation: each input item's Starshipit order ID. */
export function batchOrderIdField(description: string): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '={{ $json.order_id }}',
		required: true,
		description,
	};
}

/** The Starshipit order ID of each item; a bad one is an error item under Continue On Fail, else it stops the run. */
export function readOrderIds(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): { valid: BatchEntry[]; refused: INodeExecutionData[] } {
	const valid: BatchEntry[] = [];
	const refused: INodeExecutionData[] = [];
	items.forEach((_item, itemIndex) => {
		let error: NodeOperationError;
		try {
			const input = itemInput.call(this, itemIndex);
			const id = input.identity('orderId', 'Order ID', 20);
			const advice = 'Map the order_id field from Label > Create or Order > Get.';
			if (!/^[0-9]+$/.test(id))
				error = new NodeOperationError(
					this.getNode(),
					`Order ID of item ${itemIndex + 1} is not a Starshipit order ID: "${id}"`,
					{ itemIndex, description: advice },
				);
			else {
				// 0 or 1e15 would be sent and fail the whole batch: refused here, for this item alone.
				const checkedId = checkRecordId(id);
				if (checkedId.ok) return valid.push({ id: checkedId.value, itemIndex });
				error = input.error(
					'Order ID',
					`is not a Starshipit order ID (${id}): it ${checkedId.problem}`,
					advice,
				);
			}
		} catch (refused) {
			error = refused as NodeOperationError;
		}
		if (!this.continueOnFail()) throw error;
		return refused.push(errorItem(error, itemIndex));
	});
	return { valid, refused };
}

/** The same order twice in one batch would be booked or manifested once and reported twice: refused before sending. */
export function refuseRepeatedIds(this: IExecuteFunctions, entries: BatchEntry[]): void {
	const firstItem = new Map<number, number>();
	for (const entry of entries) {
		const first = firstItem.get(entry.id);
		if (first !== undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`Order ID ${entry.id} is in item ${first + 1} and item ${entry.itemIndex + 1}: nothing was sent to Starshipit`,
				{
					itemIndex: entry.itemIndex,
					description:
						'Each order may appear once in a batch. Remove the repeated item (for example with a Remove Duplicates node) and run the node again.',
				},
			);
		}
		firstItem.set(entry.id, entry.itemIndex);
	}
}

/**
 * Runs one batch request for the good items; its failure becomes one error item paired to all of
 * them under Continue On Fail (else it stops the run). Items refused before sending follow.
 */
export async function runBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	send: (entries: BatchEntry[], pairedItem: IPairedItemData[]) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const { valid, refused } = readOrderIds.call(this, items);
	if (valid.length === 0) return refused;
	const pairedItem = valid.map((entry) => ({ item: entry.itemIndex }));
	try {
		refuseRepeatedIds.call(this, valid);
		return [...(await send(valid, pairedItem)), ...refused];
	} catch (error) {
		const nodeError = asNodeError.call(this, error, valid[0].itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		return [{ ...errorItem(nodeError, valid[0].itemIndex), pairedItem }, ...refused];
	}
}

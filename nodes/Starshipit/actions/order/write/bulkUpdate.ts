import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { batchesOf, forEachBatch } from './batches';
import { sendExactBatch, type ReadBackOfOrder } from './exactBatch';
import { findStoredOrders } from './existing';
import {
	failedOutcome,
	outcomeOfWrite,
	verdictForRecord,
	type Outcome,
	type SentOrder,
	type Verdict,
} from './outcome';
import { asUpdate } from './update';

/** An order Starshipit holds that must be brought in line with the one wanted. */
export interface OrderToUpdate {
	existing: IDataObject;
	wanted: IDataObject;
	itemIndex: number;
}

/**
 * Updates existing orders with PUT /api/orders/update, 50 a request. After a failure that may have
 * landed, the batch's orders are read back: those that hold the values sent are done, the others get
 * an update worked out afresh from what Starshipit holds now (so rows are never added twice). A batch
 * Starshipit refuses, or that fails beyond Max Retries, fails each of its orders as an item.
 */
export async function updateOrdersInBulk(
	this: IExecuteFunctions,
	entries: OrderToUpdate[],
): Promise<Map<number, Outcome>> {
	const outcomes = new Map<number, Outcome>();
	await forEachBatch(batchesOf(entries), async (batch) => {
		try {
			const verdicts = await updateBatch.call(this, batch);
			batch.forEach((entry, index) =>
				outcomes.set(
					entry.itemIndex,
					outcomeOfWrite(verdicts[index], String(entry.existing.order_number), 'updated'),
				),
			);
		} catch (error) {
			// Not thrown: the orders created beside these must still be reported. Each is told it failed.
			for (const entry of batch)
				outcomes.set(entry.itemIndex, {
					...failedOutcome(String(entry.existing.order_number), error as Error),
					order_id: entry.existing.order_id,
				});
		}
	});
	return outcomes;
}

async function updateBatch(this: IExecuteFunctions, batch: OrderToUpdate[]): Promise<Verdict[]> {
	const sent: SentOrder[] = batch.map((entry) => ({
		number: String(entry.existing.order_number),
		id: entry.existing.order_id,
		wanted: entry.wanted,
	}));
	/** Reads orders back: those that hold the values sent are done; the others get an update worked out afresh from what is stored. */
	const readBack = async (orders: SentOrder[]): Promise<ReadBackOfOrder[]> => {
		const { found } = await findStoredOrders.call(
			this,
			orders.map((order) => order.number),
			batch[0].itemIndex,
			true,
		);
		return orders.map((order) => {
			const record = found.get(order.number);
			const verdict = record ? verdictForRecord(record, order) : undefined;
			if (verdict?.kind === 'stored') return { verdict };
			return { resend: record ? asUpdate(record, order.wanted) : 'same body' };
		});
	};
	const bodies = batch.map((entry) => asUpdate(entry.existing, entry.wanted));
	const { verdicts, error } = await sendExactBatch.call(this, {
		endpoint: 'ordersUpdateMany',
		action: 'updated',
		itemIndex: batch[0].itemIndex,
		sent,
		bodies,
		readBack,
	});
	if (error) throw error;
	// Where the answer does not say, Starshipit's record does.
	const unsaid = sent
		.map((_order, index) => index)
		.filter((index) => verdicts[index]?.kind === 'unsaid');
	const found = unsaid.length ? await readBack(unsaid.map((index) => sent[index])) : [];
	unsaid.forEach((index, position) => {
		const order = found[position];
		verdicts[index] =
			'verdict' in order
				? order.verdict
				: {
						kind: 'refused',
						message: `Starshipit did not say whether it updated order ${sent[index].number}, and it does not hold the values sent`,
					};
	});
	return verdicts as Verdict[];
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { starshipitRequest } from '../../transport';
import { batchesOf, forEachBatch } from './batches';
import { asUpdate } from './createOrUpdate.operation';
import { findStoredOrders } from './existing';
import { failedOutcome, outcomeOfWrite, readBatchAnswer, verdictForRecord, type Outcome, type SentOrder, type Verdict } from './outcome';

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
export async function updateOrdersInBulk(this: IExecuteFunctions, entries: OrderToUpdate[]): Promise<Map<number, Outcome>> {
	const outcomes = new Map<number, Outcome>();
	await forEachBatch(batchesOf(entries), async (batch) => {
		try {
			const verdicts = await updateBatch.call(this, batch);
			batch.forEach((entry, index) => outcomes.set(entry.itemIndex, outcomeOfWrite(verdicts[index], String(entry.existing.order_number), 'updated')));
		} catch (error) {
			// Not thrown: the orders created beside these must still be reported. Each is told it failed.
			for (const entry of batch) outcomes.set(entry.itemIndex, { ...failedOutcome(String(entry.existing.order_number), error as Error), order_id: entry.existing.order_id });
		}
	});
	return outcomes;
}

async function updateBatch(this: IExecuteFunctions, batch: OrderToUpdate[]): Promise<Verdict[]> {
	const sent: SentOrder[] = batch.map((entry) => ({ number: String(entry.existing.order_number), id: entry.existing.order_id, wanted: entry.wanted }));
	const bodies = batch.map((entry) => asUpdate(entry.existing, entry.wanted));
	const known: Array<Verdict | undefined> = batch.map(() => undefined);
	let pending = batch.map((_entry, index) => index);
	/** Reads orders back: those that hold the values sent are done; the others get a fresh update and are returned. */
	const readBack = async (indices: number[]) => {
		const { found } = await findStoredOrders.call(this, indices.map((index) => sent[index].number), batch[0].itemIndex, true);
		const notDone: number[] = [];
		for (const index of indices) {
			const record = found.get(sent[index].number);
			const verdict = record ? verdictForRecord(record, sent[index]) : undefined;
			if (verdict?.kind === 'stored') known[index] = verdict;
			else notDone.push(index);
			if (record && verdict?.kind !== 'stored') bodies[index] = asUpdate(record, batch[index].wanted);
		}
		return notDone;
	};
	const answer = await starshipitRequest.call(this, {
		endpoint: 'ordersUpdateMany',
		body: { orders: bodies },
		action: 'updated',
		itemIndex: batch[0].itemIndex,
		answersEachRecord: true,
		findExisting: async () => {
			pending = await readBack(pending);
			return pending.length === 0 ? { orders: [], errors: [], success: true } : undefined;
		},
		remainingBody: () => ({ orders: pending.map((index) => bodies[index]) }),
	});
	readBatchAnswer(pending.map((index) => sent[index]), answer).forEach((verdict, position) => (known[pending[position]] = verdict));
	// Where the answer does not say, Starshipit's record does.
	const unsaid = pending.filter((index) => known[index]?.kind === 'unsaid');
	for (const index of unsaid.length ? await readBack(unsaid) : []) {
		known[index] = { kind: 'refused', message: `Starshipit did not say whether it updated order ${sent[index].number}, and it does not hold the values sent` };
	}
	return known as Verdict[];
}

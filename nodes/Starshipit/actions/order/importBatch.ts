import type { IExecuteFunctions } from 'n8n-workflow';

import { starshipitRequest } from '../../transport';
import { findStoredOrders } from './existing';
import { readBatchAnswer, verdictForRecord, type SentOrder, type Verdict } from './outcome';

/**
 * Sends one batch of new orders (numbers unique within it) to POST /api/orders/import and says what
 * happened to each. After a failure that may have landed (5xx, timeout, dropped connection), the
 * batch's orders are read back first: one holding exactly the values sent was stored by this attempt;
 * one holding other values was there before (it is handed on as existing, to be updated); only the
 * others are sent again. Orders that were in Starshipit before are never taken for created ones.
 */
export async function importBatch(this: IExecuteFunctions, sent: SentOrder[], firstItem: number): Promise<{ verdicts: Array<Verdict | undefined>; error?: Error }> {
	const known: Array<Verdict | undefined> = sent.map(() => undefined);
	let pending = sent.map((_entry, index) => index);
	const send = starshipitRequest.call(this, {
		endpoint: 'ordersImport',
		body: { orders: sent.map((entry) => entry.wanted) },
		action: 'created',
		itemIndex: firstItem,
		// A batch of orders that all exist already answers success: false; each is still matched to its item.
		answersEachRecord: true,
		findExisting: async () => {
			const { found } = await findStoredOrders.call(this, pending.map((index) => sent[index].number), firstItem, false);
			for (const index of pending) {
				const record = found.get(sent[index].number);
				if (!record) continue;
				const verdict = verdictForRecord(record, sent[index]);
				known[index] = verdict.kind === 'stored' ? verdict : { kind: 'exists', message: `Order ${sent[index].number} already exists`, record };
			}
			pending = pending.filter((index) => !known[index]);
			return pending.length === 0 ? { orders: [], errors: [], success: true } : undefined;
		},
		remainingBody: () => ({ orders: pending.map((index) => sent[index].wanted) }),
	});
	try {
		const answer = await send;
		readBatchAnswer(pending.map((index) => sent[index]), answer).forEach((verdict, position) => (known[pending[position]] = verdict));
		return { verdicts: known };
	} catch (error) {
		// What a read back proved stored stays known; the rest failed with this error.
		return { verdicts: known, error: error as Error };
	}
}

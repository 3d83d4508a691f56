import type { IExecuteFunctions } from 'n8n-workflow';

import { sendExactBatch, type ReadBackOfOrder } from './exactBatch';
import { findStoredOrders } from './existing';
import { verdictForRecord, type SentOrder, type Verdict } from './outcome';

/**
 * Sends one batch of new orders (numbers unique within it) to POST /api/orders/import and says what
 * happened to each. After a failure that may have landed (5xx, timeout, dropped connection), the
 * batch's orders are read back first: one holding exactly the values sent was stored by this attempt;
 * one holding other values was there before (it is handed on as existing, to be updated); only the
 * others are sent again. Orders that were in Starshipit before are never taken for created ones.
 */
export async function importBatch(
	this: IExecuteFunctions,
	sent: SentOrder[],
	firstItem: number,
): Promise<{ verdicts: Array<Verdict | undefined>; error?: Error }> {
	const readBack = async (orders: SentOrder[]): Promise<ReadBackOfOrder[]> => {
		const { found } = await findStoredOrders.call(
			this,
			orders.map((order) => order.number),
			firstItem,
			false,
		);
		return orders.map((order) => {
			const record = found.get(order.number);
			if (!record) return { resend: 'same body' };
			const verdict = verdictForRecord(record, order);
			return {
				verdict:
					verdict.kind === 'stored'
						? verdict
						: { kind: 'exists', message: `Order ${order.number} already exists`, record },
			};
		});
	};
	return await sendExactBatch.call(this, {
		endpoint: 'ordersImport',
		action: 'created',
		itemIndex: firstItem,
		sent,
		bodies: sent.map((order) => order.wanted),
		readBack,
	});
}

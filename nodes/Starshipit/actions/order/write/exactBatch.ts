import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { starshipitRequest, type LandedCheck, type SupportAction } from '../../../transport';
import { readBatchAnswer, type SentOrder, type Verdict } from './outcome';

/** What a read back says of one order not settled yet: settled (its verdict), or sent again (with this body, or the same). */
export type ReadBackOfOrder = { verdict: Verdict } | { resend: IDataObject | 'same body' };

export interface ExactBatch {
	endpoint: 'ordersImport' | 'ordersUpdateMany';
	action: SupportAction;
	/** The batch's first item, named in its errors. */
	itemIndex: number;
	/** The orders, as they must end up, and the body each is first sent with (`{ orders: bodies }`). */
	sent: SentOrder[];
	bodies: IDataObject[];
	/** After a failure that may have landed: reads the orders not settled yet back and says, for each, settled or what to send. */
	readBack: (orders: SentOrder[]) => Promise<ReadBackOfOrder[]>;
}

/** The answer a batch stands for when a read back settled every order in it. */
const NOTHING_LEFT = { orders: [], errors: [], success: true };

/**
 * Sends one batch of orders so that none is written twice. The orders not settled yet are the batch's
 * state, kept here: after a failure that may have landed (5xx, timeout, dropped connection), the
 * caller's read back settles some; only the others are sent again, with the bodies it gives. The
 * answer then settles the orders it was sent for (readBatchAnswer). What a read back proved stays
 * known when the request fails in the end: the verdicts so far come back with the error.
 */
export async function sendExactBatch(
	this: IExecuteFunctions,
	batch: ExactBatch,
): Promise<{ verdicts: Array<Verdict | undefined>; error?: Error }> {
	const { sent } = batch;
	const bodies = [...batch.bodies];
	const verdicts: Array<Verdict | undefined> = sent.map(() => undefined);
	let pending = sent.map((_order, index) => index);
	const readBack = async (): Promise<LandedCheck> => {
		const found = await batch.readBack(pending.map((index) => sent[index]));
		pending.forEach((index, position) => {
			const order = found[position];
			if ('verdict' in order) verdicts[index] = order.verdict;
			else if (order.resend !== 'same body') bodies[index] = order.resend;
		});
		pending = pending.filter((index) => !verdicts[index]);
		return pending.length === 0
			? { done: NOTHING_LEFT }
			: { resend: { orders: pending.map((index) => bodies[index]) } };
	};
	try {
		const answer = await starshipitRequest.call(this, {
			endpoint: batch.endpoint,
			body: { orders: bodies },
			action: batch.action,
			itemIndex: batch.itemIndex,
			// A batch whose orders were all refused answers success: false; each is still matched to its order.
			write: { answersEachRecord: true, readBack },
		});
		readBatchAnswer(
			pending.map((index) => sent[index]),
			answer,
		).forEach((verdict, position) => (verdicts[pending[position]] = verdict));
		return { verdicts };
	} catch (error) {
		return { verdicts, error: error as Error };
	}
}

import type { IDataObject } from 'n8n-workflow';

import { UNCONFIRMED } from '../../../transport';
import { plainText } from '../../../validation/validate';
import { markFailed } from '../../failures/mark';
import { differences } from './compare';

/**
 * What happened to one order, read from Starshipit's answer or from a read back, never assumed:
 * the one shape of output item of Import and Create or Update.
 */
export interface Outcome {
	outcome: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
	order_number: string;
	order_id?: unknown;
	/** Why an order was left as it is (skipped, unchanged). */
	reason?: string;
	/** Why it failed, in Starshipit's words where it gave any: the cause itself, for an alert to read. */
	error?: string;
	/** The rest of what the error said (every problem, what to do), in plain text. */
	description?: string;
	/** Starshipit's record of the order, as it holds it now. */
	order?: IDataObject;
	/** What support needs to trace a failed request (endpoint, status, Starshipit's answer; never keys). */
	supportContext?: IDataObject;
}

/** One order of a batch as sent: its number, its Starshipit ID (updates), and the values it must end up with. */
export interface SentOrder {
	number: string;
	id?: unknown;
	wanted: IDataObject;
}

/** What a batch answer says about one order sent. */
export type Verdict =
	| { kind: 'stored'; record: IDataObject }
	| { kind: 'stored-otherwise'; record: IDataObject; fields: string[] }
	| { kind: 'exists'; message: string; record?: IDataObject }
	| { kind: 'refused'; message: string }
	| { kind: 'unsaid'; messages: string[] };

/** Whether an error names this order number (or ID) as a whole word: order 10 is not order 100. */
function mentions(error: IDataObject, word: string): boolean {
	const text = `${String(error.message ?? '')} ${String(error.details ?? '')}`;
	const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^A-Za-z0-9_-])${escaped}($|[^A-Za-z0-9_-])`).test(text);
}

/** Starshipit's words for a refusal: its message, and its details when they say more than which order. */
function refusalText(error: IDataObject): string {
	const details = String(error.details ?? '').trim();
	const message = String(error.message ?? '').trim() || 'Starshipit refused the order';
	return details && !/^order_(number|id):/i.test(details) ? `${message}: ${details}` : message;
}

const sameOrder = (row: IDataObject, sent: SentOrder) =>
	sent.id !== undefined && row.order_id !== undefined
		? String(row.order_id) === String(sent.id)
		: String(row.order_number) === sent.number;

/** A stored row: held with the values sent, or with others (then named field by field). */
export function verdictForRecord(record: IDataObject, sent: SentOrder): Verdict {
	const fields = differences(record, sent.wanted);
	return fields.length ? { kind: 'stored-otherwise', record, fields } : { kind: 'stored', record };
}

/**
 * Matches a batch answer (`{ orders: [...], errors: [{ message, details }] }`) to the orders sent, by
 * position first and then by order number or ID; each error goes to the orders it names. An order the
 * answer neither holds nor names is `unsaid`: the caller reads it back rather than guess.
 */
export function readBatchAnswer(sent: SentOrder[], answer: IDataObject): Verdict[] {
	const verdicts: Array<Verdict | undefined> = sent.map(() => undefined);
	let cursor = 0;
	for (const row of (Array.isArray(answer.orders) ? answer.orders : []) as IDataObject[]) {
		const atPosition = sent.findIndex(
			(entry, index) => index >= cursor && !verdicts[index] && sameOrder(row, entry),
		);
		const index =
			atPosition >= 0
				? atPosition
				: sent.findIndex((entry, other) => !verdicts[other] && sameOrder(row, entry));
		if (index < 0) continue; // not one of ours
		verdicts[index] = verdictForRecord(row, sent[index]);
		cursor = index + 1;
	}
	const unattributed: string[] = [];
	for (const error of (Array.isArray(answer.errors) ? answer.errors : []) as IDataObject[]) {
		const named = sent
			.map((entry, index) => ({ entry, index }))
			.filter(
				({ entry }) =>
					mentions(error, entry.number) ||
					(entry.id !== undefined && mentions(error, String(entry.id))),
			);
		if (named.length === 0) unattributed.push(refusalText(error));
		for (const { index } of named) {
			if (verdicts[index]) continue;
			const message = refusalText(error);
			verdicts[index] = UNCONFIRMED.importDuplicatePattern.test(String(error.message))
				? { kind: 'exists', message }
				: { kind: 'refused', message };
		}
	}
	return verdicts.map((verdict) => verdict ?? { kind: 'unsaid', messages: unattributed });
}

/** The outcome of an order Starshipit already holds, before anything is written: skipped, unchanged, or undefined (to update). */
export function outcomeBeforeUpdate(
	existing: IDataObject,
	wanted: IDataObject,
): Outcome | undefined {
	const base = {
		order_number: String(existing.order_number),
		order_id: existing.order_id,
		order: existing,
	};
	if (existing.archived === true) {
		// Starshipit keeps an archived order's number: a create would be refused, and an archived order is not changed.
		const reason = `Order ${String(existing.order_number)} is archived in Starshipit (archived by hand, or merged into another order), so it was left as it is and nothing was sent. To change it, bring it back with Order > Restore first; for a new order, use another order number.`;
		return { outcome: 'skipped', reason, ...base };
	}
	if (existing.status !== undefined && existing.status !== 'Unshipped') {
		// Starshipit refuses changes to printed orders: say so rather than fail the run.
		const reason = `Order ${String(existing.order_number)} is ${String(existing.status).toLowerCase()} in Starshipit, so it can no longer be changed`;
		return { outcome: 'skipped', reason, ...base };
	}
	if (differences(existing, wanted).length === 0)
		return {
			outcome: 'unchanged',
			reason: 'Starshipit already holds this order with these values',
			...base,
		};
	return undefined;
}

/** The outcome a stored verdict proves: `created` or `updated` only when held with the values sent. */
export function outcomeOfWrite(
	verdict: Verdict,
	number: string,
	done: 'created' | 'updated',
): Outcome {
	if (verdict.kind === 'stored')
		return {
			outcome: done,
			order_number: number,
			order_id: verdict.record.order_id,
			order: verdict.record,
		};
	if (verdict.kind === 'stored-otherwise') {
		const error = `Starshipit holds order ${number} with other values than were sent (${verdict.fields.join(', ')}): check the order in Starshipit`;
		return markFailed({
			outcome: 'failed',
			order_number: number,
			order_id: verdict.record.order_id,
			error,
			order: verdict.record,
		});
	}
	if (verdict.kind === 'unsaid') {
		const said = verdict.messages.length ? ` (it answered: ${verdict.messages.join('; ')})` : '';
		return markFailed({
			outcome: 'failed',
			order_number: number,
			error: `Starshipit did not say what happened to order ${number} and does not hold it${said}`,
		});
	}
	return markFailed({ outcome: 'failed', order_number: number, error: verdict.message });
}

/** A failed order from a thrown error: its message, its description as text, and its support context when a request failed. */
export function failedOutcome(number: string, error: Error): Outcome {
	const { description, context } = error as Error & {
		description?: string | null;
		context?: IDataObject;
	};
	const outcome: Outcome = { outcome: 'failed', order_number: number, error: error.message };
	if (description) outcome.description = plainText(description);
	if (context?.supportContext) outcome.supportContext = context.supportContext as IDataObject;
	// Marked without the error: a batch's one error stands for several orders, each completed on its own.
	return markFailed(outcome);
}

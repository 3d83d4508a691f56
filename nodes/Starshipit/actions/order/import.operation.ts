import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../helpers/items';
import { credentialHomeCountry, LIMITS } from '../../transport';
import { asLines } from '../../validation/validate';
import { markFailed } from '../failures/mark';
import type { OperationModule } from '../types';
import { orderFields } from './fields';
import { batchesOf, forEachBatch } from './write/batches';
import { updateOrdersInBulk, type OrderToUpdate } from './write/bulkUpdate';
import { differences } from './write/compare';
import { findStoredOrders } from './write/existing';
import { importBatch } from './write/importBatch';
import { orderNumberOf, validOrder } from './write/orderInput';
import {
	failedOutcome,
	outcomeBeforeUpdate,
	outcomeOfWrite,
	type Outcome,
	type Verdict,
} from './write/outcome';
import { repeatedOrderError } from './write/repeats';

const description: INodeProperties[] = [
	{
		displayName: `Each input item becomes one order. They are sent to Starshipit in batches of ${LIMITS.importBatchSize}, which is much faster than one request per order and stays within the rate limit.`,
		name: 'importNotice',
		type: 'notice',
		default: '',
	},
	...orderFields,
	{
		displayName: 'Update Existing Orders',
		name: 'updateExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether orders whose number already exists in Starshipit are updated (when still unshipped) instead of reported as failed',
	},
];

interface Entry {
	order: IDataObject;
	itemIndex: number;
}

/** Checks every order before anything is sent. Without Continue On Fail, every bad item is named in one error. */
function checkedOrders(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	outcomes: Map<number, Outcome>,
	homeCountry: string,
): Entry[] {
	const valid: Entry[] = [];
	const problems: string[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			valid.push({ order: validOrder.call(this, itemIndex, homeCountry), itemIndex });
		} catch (error) {
			// Echoed only when it is text: a mapped object or list is not an order number.
			const number = orderNumberOf.call(this, itemIndex);
			const { description: details } = error as Error & { description?: string };
			const said = String(details ?? (error as Error).message)
				.split(/<br>\n?|\n/)
				.filter(Boolean)
				.map((line) => line.replace(/^• /, ''));
			problems.push(
				...said.map(
					(line) => `• Item ${itemIndex + 1}${number ? ` (order ${number})` : ''}: ${line}`,
				),
			);
			outcomes.set(itemIndex, failedOutcome(number, error as Error));
		}
	}
	const bad = outcomes.size;
	if (bad && !this.continueOnFail()) {
		// One bad order: its own error, which names the cause. Several: how many, each listed below.
		const [[, only]] = outcomes;
		const message =
			bad > 1
				? `${bad} of ${items.length} orders have problems: nothing was sent to Starshipit`
				: String(only.error);
		throw new NodeOperationError(this.getNode(), message, {
			description: asLines([
				...problems,
				'Nothing was sent to Starshipit. Correct them and run the node again. To send the good orders now and get each bad one as an error item, choose Settings > On Error > Continue in this node.',
			]),
		});
	}
	return valid;
}

/** The second and later items with the same order number fail (Starshipit would store only one). */
function withoutRepeats(entries: Entry[], outcomes: Map<number, Outcome>): Entry[] {
	const first = new Map<string, number>();
	return entries.filter(({ order, itemIndex }) => {
		const number = String(order.order_number);
		const earlier = first.get(number);
		if (earlier === undefined) return first.set(number, itemIndex);
		const { message, description } = repeatedOrderError(number, earlier, itemIndex);
		outcomes.set(
			itemIndex,
			markFailed({ outcome: 'failed', order_number: number, error: `${message}. ${description}` }),
		);
		return false;
	});
}

/** An order Starshipit holds, found by number or handed on by a read back. */
interface Existing extends Entry {
	/** Starshipit's refusal ("already exists"); empty when its answer did not mention the order. */
	message: string;
	/** What else the answer said, unattributed (for an order it did not mention). */
	said: string[];
	record?: IDataObject;
}

/** Sends the new orders in batches; what Starshipit refused as existing is returned to be updated. */
async function importAll(
	this: IExecuteFunctions,
	entries: Entry[],
	outcomes: Map<number, Outcome>,
): Promise<Existing[]> {
	const existing: Existing[] = [];
	await forEachBatch(batchesOf(entries), async (batch) => {
		const sent = batch.map(({ order }) => ({ number: String(order.order_number), wanted: order }));
		const { verdicts, error } = await importBatch.call(this, sent, batch[0].itemIndex);
		if (error && !this.continueOnFail()) throw asNodeError.call(this, error, batch[0].itemIndex);
		batch.forEach((entry, index) => {
			const verdict: Verdict | undefined = verdicts[index];
			const number = sent[index].number;
			if (!verdict) outcomes.set(entry.itemIndex, failedOutcome(number, error as Error));
			else if (verdict.kind === 'exists')
				existing.push({ ...entry, message: verdict.message, said: [], record: verdict.record });
			else if (verdict.kind === 'unsaid')
				existing.push({ ...entry, message: '', said: verdict.messages });
			else outcomes.set(entry.itemIndex, outcomeOfWrite(verdict, number, 'created'));
		});
	});
	// In item order, whichever batch answered first: the bulk updates then go in item order too.
	return existing.sort((a, b) => a.itemIndex - b.itemIndex);
}

/**
 * The orders Starshipit refused as existing, and those its answer did not mention, read back in as
 * few requests as possible: unmentioned ones holding the values sent were created; existing ones are
 * skipped (printed), unchanged, or updated in bulk.
 */
async function settleExisting(
	this: IExecuteFunctions,
	entries: Existing[],
	outcomes: Map<number, Outcome>,
): Promise<void> {
	const updateExisting = (itemIndex: number) =>
		this.getNodeParameter('updateExisting', itemIndex, true) as boolean;
	const toRead = entries.filter(
		(entry) => !entry.record && (updateExisting(entry.itemIndex) || !entry.message),
	);
	const { found } = toRead.length
		? await findStoredOrders.call(
				this,
				toRead.map(({ order }) => String(order.order_number)),
				toRead[0].itemIndex,
				true,
			)
		: { found: new Map<string, IDataObject>() };
	const toUpdate: OrderToUpdate[] = [];
	for (const { order, itemIndex, message, said, record } of entries) {
		const number = String(order.order_number);
		const stored = record ?? found.get(number);
		// Not mentioned in the answer: created if held as sent, failed if not held; held otherwise, it existed before.
		if (!message && (!stored || differences(stored, order).length === 0)) {
			const verdict: Verdict = stored
				? { kind: 'stored', record: stored }
				: { kind: 'unsaid', messages: said };
			outcomes.set(itemIndex, outcomeOfWrite(verdict, number, 'created'));
			continue;
		}
		if (!updateExisting(itemIndex))
			outcomes.set(
				itemIndex,
				markFailed({
					outcome: 'failed',
					order_number: number,
					error: message || `Order ${number} already exists`,
				}),
			);
		else if (!stored)
			outcomes.set(
				itemIndex,
				markFailed({
					outcome: 'failed',
					order_number: number,
					error: `Starshipit refused the order (${message}) and no existing order has that number`,
				}),
			);
		else {
			const before = outcomeBeforeUpdate(stored, order);
			if (before) outcomes.set(itemIndex, before);
			else toUpdate.push({ existing: stored, wanted: order, itemIndex });
		}
	}
	for (const [itemIndex, outcome] of await updateOrdersInBulk.call(this, toUpdate))
		outcomes.set(itemIndex, outcome);
}

export const importOrdersOperation: OperationModule = {
	description,
	writes: true,
	action: 'create',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const outcomes = new Map<number, Outcome>();
		const homeCountry = await credentialHomeCountry.call(this);
		const valid = withoutRepeats(checkedOrders.call(this, items, outcomes, homeCountry), outcomes);
		const existing = await importAll.call(this, valid, outcomes);
		await settleExisting.call(this, existing, outcomes);
		return items.map((_item, itemIndex) => ({
			json: outcomes.get(itemIndex) as unknown as IDataObject,
			pairedItem: { item: itemIndex },
		}));
	},
};

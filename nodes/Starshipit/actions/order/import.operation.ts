import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError } from '../../helpers/items';
import { LIMITS, UNCONFIRMED, starshipitRequest } from '../../transport';
import type { OperationModule } from '../types';
import { validOrder } from './create.operation';
import { updateExistingOrder } from './createOrUpdate.operation';
import { orderFields } from './fields';
import { findOrderByNumber } from './lookup';

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
		description: 'Whether orders whose number already exists in Starshipit are updated (when still unshipped) instead of reported as failed',
	},
];

interface Outcome {
	outcome: 'created' | 'updated' | 'skipped' | 'failed';
	order_number: string;
	order_id?: unknown;
	error?: string;
	/** Why an order was left as it is (already printed). */
	reason?: string;
	order?: IDataObject;
	/** What support needs to trace a failed request (endpoint, status, Starshipit's answer; never keys). */
	supportContext?: IDataObject;
}

/** A failed order: the error's message and details, and its support context when a request failed. */
function failedOutcome(orderNumber: string, error: Error): Outcome {
	const { description, context } = error as Error & { description?: string; context?: IDataObject };
	const outcome: Outcome = { outcome: 'failed', order_number: orderNumber, error: description ? `${error.message}\n${description}` : error.message };
	if (context?.supportContext) outcome.supportContext = context.supportContext as IDataObject;
	return outcome;
}

/** Whether an error names this order number as a whole word: order 10 is not order 100. */
function mentions(error: IDataObject, orderNumber: string): boolean {
	const text = `${String(error.message ?? '')} ${String(error.details ?? '')}`;
	const escaped = orderNumber.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^A-Za-z0-9_-])${escaped}($|[^A-Za-z0-9_-])`).test(text);
}

/** Sends one batch; after a dropped connection, finds which orders landed before sending the rest again. */
async function importBatch(this: IExecuteFunctions, orders: IDataObject[], firstItem: number): Promise<IDataObject> {
	return await starshipitRequest.call(this, {
		endpoint: 'ordersImport',
		body: { orders },
		action: 'created',
		itemIndex: firstItem,
		// A batch of orders that all exist already answers success: false; each is still matched to its item.
		answersEachRecord: true,
		findExisting: async () => {
			const found = [];
			for (const order of orders) {
				const existing = await findOrderByNumber.call(this, String(order.order_number), firstItem);
				if (existing) found.push(existing);
			}
			// None landed: sending the batch again is safe. Some landed: report them, fail the rest honestly.
			if (found.length === 0) return undefined;
			return { orders: found, success: true, errors: [{ message: 'The connection dropped during the import: run the missing orders again', details: '' }] };
		},
	});
}

/** An order Starshipit refused as a duplicate: updated in place, skipped if printed, failed on its own if that fails. */
async function updateExisting(this: IExecuteFunctions, order: IDataObject, itemIndex: number, refusal: string): Promise<Outcome> {
	const orderNumber = String(order.order_number);
	try {
		const existing = await findOrderByNumber.call(this, orderNumber, itemIndex);
		if (!existing) return { outcome: 'failed', order_number: orderNumber, error: `Starshipit refused the order (${refusal}) and no existing order has that number` };
		const result = await updateExistingOrder.call(this, existing, order, itemIndex);
		if (result.outcome === 'skipped') return { outcome: 'skipped', order_number: orderNumber, order_id: existing.order_id, reason: result.reason };
		return { outcome: 'updated', order_number: orderNumber, order_id: existing.order_id, order: result.order };
	} catch (error) {
		return failedOutcome(orderNumber, error as Error);
	}
}

/** Matches the batch answer back to each order: created, else the error that names it. */
async function outcomesOf(this: IExecuteFunctions, batch: Array<{ order: IDataObject; itemIndex: number }>, answer: IDataObject): Promise<Map<number, Outcome>> {
	const created = new Map(((answer.orders as IDataObject[]) ?? []).map((order) => [String(order.order_number), order]));
	const errors = (answer.errors as IDataObject[]) ?? [];
	const outcomes = new Map<number, Outcome>();
	for (const { order, itemIndex } of batch) {
		const orderNumber = String(order.order_number);
		const landed = created.get(orderNumber);
		// This order's error: the one naming it, else one naming no order of the batch, never another order's.
		const own = errors.find((candidate) => mentions(candidate, orderNumber)) ?? errors.find((candidate) => !batch.some((entry) => mentions(candidate, String(entry.order.order_number))));
		const exists = own && UNCONFIRMED.importDuplicatePattern.test(String(own.message));
		if (landed) outcomes.set(itemIndex, { outcome: 'created', order_number: orderNumber, order_id: landed.order_id, order: landed });
		else if (exists && this.getNodeParameter('updateExisting', itemIndex, true)) outcomes.set(itemIndex, await updateExisting.call(this, order, itemIndex, String(own.message)));
		else outcomes.set(itemIndex, { outcome: 'failed', order_number: orderNumber, error: String(own?.message ?? 'Starshipit did not create the order') });
	}
	return outcomes;
}

export const importOrdersOperation: OperationModule = {
	description,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const outcomes = new Map<number, Outcome>();
		const valid: Array<{ order: IDataObject; itemIndex: number }> = [];
		// Check every order first: without Continue On Fail, one bad order stops the import before anything is sent.
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				valid.push({ order: validOrder.call(this, itemIndex), itemIndex });
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError.call(this, error, itemIndex);
				outcomes.set(itemIndex, failedOutcome(String(this.getNodeParameter('orderNumber', itemIndex, '')), error as Error));
			}
		}
		for (let start = 0; start < valid.length; start += LIMITS.importBatchSize) {
			const batch = valid.slice(start, start + LIMITS.importBatchSize);
			try {
				const answer = await importBatch.call(this, batch.map((entry) => entry.order), batch[0].itemIndex);
				for (const [itemIndex, outcome] of await outcomesOf.call(this, batch, answer)) outcomes.set(itemIndex, outcome);
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError.call(this, error, batch[0].itemIndex);
				for (const { order, itemIndex } of batch) outcomes.set(itemIndex, failedOutcome(String(order.order_number), error as Error));
			}
		}
		return items.map((_item, itemIndex) => ({ json: outcomes.get(itemIndex) as unknown as IDataObject, pairedItem: { item: itemIndex } }));
	},
};

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../helpers/items';
import { UNCONFIRMED } from '../../transport';
import type { OperationModule } from '../types';
import { putOrderUpdate } from './changes';
import { createOrder } from './create.operation';
import { credentialHomeCountry, orderFields } from './fields';
import { fetchOrder, findOrderByNumber } from './lookup';
import { orderNumberOf, validOrder } from './orderInput';
import { refuseRepeatsBeforeSending, RepeatedOrders } from './repeats';
import { failedOutcome, outcomeBeforeUpdate, outcomeOfWrite, verdictForRecord, type Outcome, type Verdict } from './outcome';

/**
 * Turns a new order into an update of the existing one: items are matched by SKU (then by line),
 * packages by line, and rows that are no longer there are removed, so the result matches the input.
 */
export function asUpdate(existing: IDataObject, order: IDataObject): IDataObject {
	const matchRows = (key: 'items' | 'packages', idKey: string, sameRow: (a: IDataObject, b: IDataObject, index: number) => boolean) => {
		const current = (existing[key] as IDataObject[] | undefined) ?? [];
		const wanted = (order[key] as IDataObject[] | undefined) ?? [];
		const used = new Set<unknown>();
		const rows = wanted.map((row, index) => {
			const match = current.find((old, oldIndex) => !used.has(old[idKey]) && sameRow(old, row, index === oldIndex ? index : -1));
			if (match) used.add(match[idKey]);
			return match ? { ...row, [idKey]: match[idKey] } : row;
		});
		const removed = current.filter((old) => !used.has(old[idKey])).map((old) => ({ [idKey]: old[idKey], delete: true }));
		return [...rows, ...removed];
	};
	// No rows given leaves the order's rows as they are: an empty Packages field means "let Starshipit choose".
	const { items, packages, ...fields } = order;
	delete fields.order_number;
	const update: IDataObject = { ...fields, order_id: existing.order_id };
	if ((items as IDataObject[] | undefined)?.length) update.items = matchRows('items', 'item_id', (old, row, index) => (row.sku ? old.sku === row.sku : index >= 0));
	if ((packages as IDataObject[] | undefined)?.length) update.packages = matchRows('packages', 'package_id', (_old, _row, index) => index >= 0);
	return update;
}

/** The whole order as Starshipit holds it after an update: its answer, or a read back when the answer leaves it out. */
async function heldAfterUpdate(this: IExecuteFunctions, answered: IDataObject, orderId: unknown, itemIndex: number): Promise<IDataObject | undefined> {
	if (answered.status !== undefined && answered.order_number !== undefined) return answered;
	return await fetchOrder.call(this, { order_id: orderId as number }, 'Unshipped', itemIndex);
}

/**
 * Creates the order; when Starshipit answers that it already exists (another run created it since
 * it was looked up, or a read back after a lost answer found it with other values), the order it
 * holds is handed back to be updated instead. Any other failure stands.
 */
async function createOrFindCreated(this: IExecuteFunctions, order: IDataObject, itemIndex: number): Promise<{ created: IDataObject } | { existing: IDataObject }> {
	const number = String(order.order_number);
	try {
		return { created: await createOrder.call(this, order, itemIndex) };
	} catch (error) {
		const alreadyExists = UNCONFIRMED.importDuplicatePattern.test(String((error as Error).message ?? ''));
		const existing = alreadyExists ? await findOrderByNumber.call(this, number, itemIndex) : undefined;
		if (!existing) throw asNodeError.call(this, error, itemIndex);
		return { existing };
	}
}

/** One order created or brought in line with the one wanted; its outcome read from what Starshipit holds afterwards. */
async function createOrUpdateOrder(this: IExecuteFunctions, itemIndex: number, homeCountry: string, repeats: RepeatedOrders): Promise<Outcome> {
	const order = validOrder.call(this, itemIndex, homeCountry);
	repeats.refuseRepeat(order, itemIndex);
	const number = String(order.order_number);
	let existing = await findOrderByNumber.call(this, number, itemIndex);
	if (!existing) {
		const written = await createOrFindCreated.call(this, order, itemIndex);
		if ('created' in written) return outcomeOfWrite(verdictForRecord(written.created, { number, wanted: order }), number, 'created');
		existing = written.existing;
	}
	const before = outcomeBeforeUpdate(existing, order);
	if (before) return before;
	const answered = await putOrderUpdate.call(this, existing, asUpdate(existing, order), itemIndex);
	const held = await heldAfterUpdate.call(this, answered, existing.order_id, itemIndex);
	const verdict: Verdict = held ? verdictForRecord(held, { number, id: existing.order_id, wanted: order }) : { kind: 'unsaid', messages: [] };
	return outcomeOfWrite(verdict, number, 'updated');
}

export const createOrUpdateOrderOperation: OperationModule = {
	description: orderFields,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const output: INodeExecutionData[] = [];
		const homeCountry = await credentialHomeCountry.call(this);
		refuseRepeatsBeforeSending.call(this, items);
		const repeats = new RepeatedOrders(this.getNode());
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			let outcome: Outcome;
			try {
				outcome = await createOrUpdateOrder.call(this, itemIndex, homeCountry, repeats);
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError.call(this, error, itemIndex);
				// The same shape as Import's failed items: the order number, and the error in plain words.
				outcome = failedOutcome(orderNumberOf.call(this, itemIndex), error as Error);
			}
			output.push({ json: outcome as unknown as IDataObject, pairedItem: { item: itemIndex } });
		}
		return output;
	},
};

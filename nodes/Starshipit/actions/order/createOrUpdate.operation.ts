import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../helpers/items';
import { credentialHomeCountry, UNCONFIRMED } from '../../transport';
import { fetchOrder, findOrderByNumber } from '../orderReads';
import type { OperationModule } from '../types';
import { orderFields } from './fields';
import { createOrder } from './write/create';
import { orderNumberOf, validOrder } from './write/orderInput';
import {
	failedOutcome,
	outcomeBeforeUpdate,
	outcomeOfWrite,
	verdictForRecord,
	type Outcome,
	type Verdict,
} from './write/outcome';
import { refuseRepeatsBeforeSending, RepeatedOrders } from './write/repeats';
import { asUpdate, putOrderUpdate } from './write/update';

/** The whole order as Starshipit holds it after an update: its answer, or a read back when the answer leaves it out. */
async function heldAfterUpdate(
	this: IExecuteFunctions,
	answered: IDataObject,
	orderId: unknown,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	if (answered.status !== undefined && answered.order_number !== undefined) return answered;
	return await fetchOrder.call(this, { order_id: orderId as number }, 'Unshipped', itemIndex);
}

/**
 * Creates the order; when Starshipit answers that it already exists (another run created it since
 * it was looked up, or a read back after a lost answer found it with other values), the order it
 * holds is handed back to be updated instead. Any other failure stands.
 */
async function createOrFindCreated(
	this: IExecuteFunctions,
	order: IDataObject,
	itemIndex: number,
): Promise<{ created: IDataObject } | { existing: IDataObject }> {
	const number = String(order.order_number);
	try {
		return { created: await createOrder.call(this, order, itemIndex) };
	} catch (error) {
		const alreadyExists = UNCONFIRMED.importDuplicatePattern.test(
			String((error as Error).message ?? ''),
		);
		const existing = alreadyExists
			? await findOrderByNumber.call(this, number, itemIndex)
			: undefined;
		if (!existing) throw asNodeError.call(this, error, itemIndex);
		return { existing };
	}
}

/** One order created or brought in line with the one wanted; its outcome read from what Starshipit holds afterwards. */
async function createOrUpdateOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	homeCountry: string,
	repeats: RepeatedOrders,
): Promise<Outcome> {
	const order = validOrder.call(this, itemIndex, homeCountry);
	repeats.refuseRepeat(order, itemIndex);
	const number = String(order.order_number);
	let existing = await findOrderByNumber.call(this, number, itemIndex);
	if (!existing) {
		const written = await createOrFindCreated.call(this, order, itemIndex);
		if ('created' in written)
			return outcomeOfWrite(
				verdictForRecord(written.created, { number, wanted: order }),
				number,
				'created',
			);
		existing = written.existing;
	}
	const before = outcomeBeforeUpdate(existing, order);
	if (before) return before;
	const answered = await putOrderUpdate.call(this, existing, asUpdate(existing, order), itemIndex);
	const held = await heldAfterUpdate.call(this, answered, existing.order_id, itemIndex);
	const verdict: Verdict = held
		? verdictForRecord(held, { number, id: existing.order_id, wanted: order })
		: { kind: 'unsaid', messages: [] };
	return outcomeOfWrite(verdict, number, 'updated');
}

export const createOrUpdateOrderOperation: OperationModule = {
	description: orderFields,
	writes: true,
	action: 'create',
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

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import type { OperationModule } from '../types';
import { putOrderUpdate } from './changes';
import { createOrder, validOrder } from './create.operation';
import { orderFields } from './fields';
import { findOrderByNumber } from './lookup';

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
	const { order_number: _number, items, packages, ...fields } = order;
	const update: IDataObject = { ...fields, order_id: existing.order_id };
	if ((items as IDataObject[] | undefined)?.length) update.items = matchRows('items', 'item_id', (old, row, index) => (row.sku ? old.sku === row.sku : index >= 0));
	if ((packages as IDataObject[] | undefined)?.length) update.packages = matchRows('packages', 'package_id', (_old, _row, index) => index >= 0);
	return update;
}

export type ExistingOrderOutcome = { outcome: 'updated'; order: IDataObject } | { outcome: 'skipped'; reason: string; order: IDataObject };

/** Brings an existing order in line with the wanted one, or says why it cannot be changed any more. */
export async function updateExistingOrder(this: IExecuteFunctions, existing: IDataObject, wanted: IDataObject, itemIndex: number): Promise<ExistingOrderOutcome> {
	if (existing.status !== 'Unshipped') {
		// Starshipit refuses changes to printed orders: say so rather than fail the run.
		const reason = `Order ${String(existing.order_number)} is ${String(existing.status ?? 'no longer unshipped').toLowerCase()} in Starshipit, so it can no longer be changed`;
		return { outcome: 'skipped', reason, order: existing };
	}
	return { outcome: 'updated', order: await putOrderUpdate.call(this, existing, asUpdate(existing, wanted), itemIndex) };
}

export const createOrUpdateOrderOperation: OperationModule = {
	description: orderFields,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const order = validOrder.call(this, itemIndex);
			const existing = await findOrderByNumber.call(this, String(order.order_number), itemIndex);
			if (!existing) return outputFor(itemIndex, { outcome: 'created', ...(await createOrder.call(this, order, itemIndex)) });
			const result = await updateExistingOrder.call(this, existing, order, itemIndex);
			return outputFor(itemIndex, result.outcome === 'skipped' ? { outcome: 'skipped', reason: result.reason, ...result.order } : { outcome: 'updated', ...result.order });
		});
	},
};

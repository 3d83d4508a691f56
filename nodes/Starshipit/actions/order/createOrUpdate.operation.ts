import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import type { OperationModule } from '../types';
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
	const { order_number: _number, ...fields } = order;
	const update: IDataObject = { ...fields, order_id: existing.order_id };
	if (order.items) update.items = matchRows('items', 'item_id', (old, row, index) => (row.sku ? old.sku === row.sku : index >= 0));
	if (order.packages) update.packages = matchRows('packages', 'package_id', (_old, _row, index) => index >= 0);
	return update;
}

export const createOrUpdateOrderOperation: OperationModule = {
	description: orderFields,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const order = validOrder.call(this, itemIndex);
			const orderNumber = String(order.order_number);
			const existing = await findOrderByNumber.call(this, orderNumber, itemIndex);
			if (!existing) return outputFor(itemIndex, { outcome: 'created', ...(await createOrder.call(this, order, itemIndex)) });
			if (existing.status !== 'Unshipped') {
				// Starshipit refuses changes to printed orders: say so rather than fail the run.
				return outputFor(itemIndex, { outcome: 'skipped', reason: 'The order is already printed: Starshipit only accepts status changes now', ...existing });
			}
			const body = await starshipitRequest.call(this, {
				endpoint: 'ordersUpdate',
				body: { order: asUpdate(existing, order) },
				action: 'updated',
				sourceOrderId: orderNumber,
				starshipitOrderId: existing.order_id as number,
				itemIndex,
			});
			return outputFor(itemIndex, { outcome: 'updated', ...(body.order as IDataObject) });
		});
	},
};

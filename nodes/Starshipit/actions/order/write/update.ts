import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { withItemNamed } from '../../../helpers/items';
import { starshipitRequest } from '../../../transport';

/**
 * The body of an order update and sending it: a whole new order turned into an update of the stored one
 * (Create or Update, Import), or a set of changes with replaced rows (Update, Label > Create's "Update
 * Order First"). Rows are matched by their IDs, so an update never adds a row twice.
 */

const ROW_ID: Record<string, string> = { items: 'item_id', packages: 'package_id' };

/**
 * Turns a new order into an update of the existing one: items are matched by SKU (then by line),
 * packages by line, and rows that are no longer there are removed, so the result matches the input.
 */
export function asUpdate(existing: IDataObject, order: IDataObject): IDataObject {
	const matchRows = (
		key: 'items' | 'packages',
		idKey: string,
		sameRow: (a: IDataObject, b: IDataObject, index: number) => boolean,
	) => {
		const current = (existing[key] as IDataObject[] | undefined) ?? [];
		const wanted = (order[key] as IDataObject[] | undefined) ?? [];
		const used = new Set<unknown>();
		const rows = wanted.map((row, index) => {
			const match = current.find(
				(old, oldIndex) =>
					!used.has(old[idKey]) && sameRow(old, row, index === oldIndex ? index : -1),
			);
			if (match) used.add(match[idKey]);
			return match ? { ...row, [idKey]: match[idKey] } : row;
		});
		const removed = current
			.filter((old) => !used.has(old[idKey]))
			.map((old) => ({ [idKey]: old[idKey], delete: true }));
		return [...rows, ...removed];
	};
	// No rows given leaves the order's rows as they are: an empty Packages field means "let Starshipit choose".
	const { items, packages, ...fields } = order;
	delete fields.order_number;
	const update: IDataObject = { ...fields, order_id: existing.order_id };
	if ((items as IDataObject[] | undefined)?.length)
		update.items = matchRows('items', 'item_id', (old, row, index) =>
			row.sku ? old.sku === row.sku : index >= 0,
		);
	if ((packages as IDataObject[] | undefined)?.length)
		update.packages = matchRows('packages', 'package_id', (_old, _row, index) => index >= 0);
	return update;
}

/**
 * The changes as sent to Starshipit: replaced item and package rows also remove every current row
 * (a row with its id and `delete: true`), as a partial update only adds rows that carry no id.
 */
export function withRowsReplaced(existing: IDataObject, changes: IDataObject): IDataObject {
	const sent = { ...changes };
	for (const [key, idKey] of Object.entries(ROW_ID)) {
		if (!Array.isArray(changes[key])) continue;
		const current = (Array.isArray(existing[key]) ? existing[key] : []) as IDataObject[];
		sent[key] = [
			...current.map((row) => ({ [idKey]: row[idKey], delete: true })),
			...(changes[key] as IDataObject[]),
		];
	}
	return sent;
}

/** An order update can be sent again harmlessly unless it adds rows (rows without an id would be added twice). */
export function isRepeatableUpdate(order: IDataObject): boolean {
	return Object.keys(ROW_ID).every(
		(key) =>
			!Array.isArray(order[key]) ||
			(order[key] as IDataObject[]).every((row) => row[ROW_ID[key]] !== undefined),
	);
}

/** PUT /api/orders for one order with a partial body; sent again after a failure only when that cannot add rows twice. */
export async function putOrderUpdate(
	this: IExecuteFunctions,
	existing: IDataObject,
	update: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const order = { ...update, order_id: existing.order_id };
	const body = await starshipitRequest
		.call(this, {
			endpoint: 'ordersUpdate',
			body: { order },
			action: 'updated',
			sourceOrderId: String(existing.order_number),
			starshipitOrderId: existing.order_id as number,
			itemIndex,
			write: { safeToRepeat: isRepeatableUpdate(order) },
		})
		.catch((error: unknown) => {
			throw withItemNamed(error, itemIndex, String(existing.order_number));
		});
	return (body.order as IDataObject | undefined) ?? order;
}

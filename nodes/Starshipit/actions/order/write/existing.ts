import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { LIMITS, UNCONFIRMED, starshipitListPage } from '../../../transport';
import { fetchOrder, findOrderByNumber } from '../../orderReads';
import { isWholeOrder } from './compare';

/** What one lookup by order number costs (a search, then the order read in full or, found by neither, the archived summary). */
const LOOKUP_COST = 2;

export interface StoredOrders {
	/** Starshipit's whole record of each order found, by order number. */
	found: Map<string, IDataObject>;
}

/**
 * Finds which of these order numbers Starshipit holds, in as few requests as possible: the unshipped
 * orders' list, then the shipped (and printed) one, newest first, 500 a page (an import's orders are
 * usually among the newest), for as long as reading on is cheaper than one lookup per number still
 * missing; then, if `lookUpMissing`, a lookup for each number still missing, archived ones included
 * (they are in neither list). Rows a list gives without their items or packages are read in full.
 */
export async function findStoredOrders(
	this: IExecuteFunctions,
	numbers: string[],
	itemIndex: number,
	lookUpMissing: boolean,
): Promise<StoredOrders> {
	const missing = new Set(numbers);
	const found = new Map<string, IDataObject>();
	for (const status of ['Unshipped', 'Shipped'] as const) {
		const list = {
			endpoint: 'ordersGet' as const,
			query: { status, ...UNCONFIRMED.newestOrdersFirst },
			style: 'page-number-size' as const,
			itemsKey: 'orders',
			itemIndex,
		};
		for (let page = 1; missing.size > 0; page++) {
			const { rows, totalPages, isLast } = await starshipitListPage.call(
				this,
				list,
				page,
				LIMITS.pagedListMaxPageSize,
			);
			for (const row of rows) {
				const number = String(row.order_number);
				if (!missing.has(number)) continue;
				missing.delete(number);
				found.set(
					number,
					isWholeOrder(row)
						? row
						: ((await fetchOrder.call(
								this,
								{ order_id: row.order_id as number },
								status,
								itemIndex,
							)) ?? row),
				);
			}
			if (isLast || totalPages - page > missing.size * LOOKUP_COST) break;
		}
	}
	if (!lookUpMissing) return { found };
	for (const number of missing) {
		const order = await findOrderByNumber.call(this, number, itemIndex);
		if (order) found.set(number, order);
	}
	return { found };
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LIMITS, starshipitRequest, type StarshipitContext } from '../transport';
import { checkIdentity } from '../validation/checks';
import { checked } from '../validation/read';
import { orderNamed } from '../validation/validate';

/** How the user named an order: Starshipit takes either `order_id` or `order_number`. */
export interface OrderReference {
	order_id?: number | string;
	order_number?: string;
}

/** Where an order is looked for: the two statuses GET /api/orders documents, or the archived order summary. */
export type OrderStatus = 'Unshipped' | 'Shipped' | 'Archived';

/** GET /api/orders in one status (`Unshipped` is Starshipit's default; `Shipped` also finds printed orders). Not found: undefined. */
export async function fetchOrder(
	this: StarshipitContext,
	reference: OrderReference,
	status: Exclude<OrderStatus, 'Archived'>,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const body = await starshipitRequest.call(this, {
		endpoint: 'ordersGet',
		query: { ...reference, status },
		sourceOrderId: reference.order_number,
		starshipitOrderId: reference.order_id,
		itemIndex,
		notFoundAsEmpty: true,
	});
	return (body.order as IDataObject | undefined) ?? undefined;
}

/**
 * An archived order, by number, from the documented order summary (`order_status=archived`,
 * filtered on the order number): its summary row, marked archived. Not found, or asked by ID
 * (the summary cannot be filtered on the ID): undefined.
 */
export async function findArchivedOrder(
	this: StarshipitContext,
	reference: OrderReference,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const number = reference.order_number;
	// A comma or ":::" would split the filter: such a number cannot be looked for there.
	if (number === undefined || number.includes(',') || number.includes(':::')) return undefined;
	const body = await starshipitRequest.call(this, {
		endpoint: 'ordersSummary',
		query: {
			order_status: 'archived',
			filter: `Order:::${number}`,
			page: 1,
			page_size: LIMITS.pagedListMaxPageSize,
		},
		sourceOrderId: number,
		itemIndex,
	});
	const rows = (Array.isArray(body.orders) ? body.orders : []) as IDataObject[];
	const row = rows.find((order) => String(order.order_number) === number);
	return row ? { ...row, archived: true } : undefined;
}

/** The order in whichever status it is, the likeliest first (so the usual case costs one request); archived ones as a summary row. */
async function fetchOrderInAnyStatus(
	this: StarshipitContext,
	reference: OrderReference,
	itemIndex?: number,
	likeliest: OrderStatus = 'Unshipped',
): Promise<IDataObject | undefined> {
	const statuses: OrderStatus[] = [
		likeliest,
		...(['Unshipped', 'Shipped', 'Archived'] as const).filter((status) => status !== likeliest),
	];
	for (const status of statuses) {
		const order =
			status === 'Archived'
				? await findArchivedOrder.call(this, reference, itemIndex)
				: await fetchOrder.call(this, reference, status, itemIndex);
		if (order) return order;
	}
	return undefined;
}

/**
 * Search rows with exactly this order number. Search matches parts of numbers and its rows are short
 * (no status, items or packages); `complete` is false when more pages of partial matches exist.
 */
export async function searchByOrderNumber(
	this: StarshipitContext,
	orderNumber: string,
	itemIndex?: number,
): Promise<{ matches: IDataObject[]; complete: boolean }> {
	const body = await starshipitRequest.call(this, {
		endpoint: 'ordersSearch',
		query: {
			phrase: orderNumber,
			fields: 'Order_Number',
			status: 'All',
			limit: LIMITS.legacyListMaxLimit,
		},
		sourceOrderId: orderNumber,
		itemIndex,
	});
	const rows = (Array.isArray(body.orders) ? body.orders : []) as IDataObject[];
	return {
		matches: rows.filter((order) => String(order.order_number) === orderNumber),
		complete: Number(body.total_pages ?? 1) <= 1,
	};
}

/**
 * The order with exactly this number, in any status, archived included, or undefined. A search and a look
 * in the archived summary answer "no such order" (the usual case before a create); a match is then read
 * in full (an archived one is its summary row, marked `archived`). When the number is short enough to
 * match more than a page of others, the order is asked for by number instead.
 */
export async function findOrderByNumber(
	this: StarshipitContext,
	orderNumber: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const { matches, complete } = await searchByOrderNumber.call(this, orderNumber, itemIndex);
	const latest = matches.at(-1);
	if (!latest && !complete)
		return await fetchOrderInAnyStatus.call(this, { order_number: orderNumber }, itemIndex);
	const found = latest
		? await fetchOrderInAnyStatus.call(this, { order_id: latest.order_id as number }, itemIndex)
		: undefined;
	// Search's statuses are All, Unshipped and Shipped: an archived order is looked for in the documented archived
	// summary, by number (it cannot be filtered on an ID), so a create is never sent for a number Starshipit holds.
	return found ?? (await findArchivedOrder.call(this, { order_number: orderNumber }, itemIndex));
}

/** "order SO-1003" when the Order field names the order by number, for errors found before it is looked up. */
export function orderFieldNamed(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const locator = (this.getNodeParameter('order', itemIndex) ?? {}) as {
		mode?: string;
		value?: unknown;
	};
	return locator.mode === 'orderNumber' ? orderNamed(locator.value) : undefined;
}

/** Reads the Order field (by number, by ID, or from the list) without asking Starshipit anything. */
export function orderReference(this: IExecuteFunctions, itemIndex: number): OrderReference {
	const locator = (this.getNodeParameter('order', itemIndex) ?? {}) as {
		mode?: string;
		value?: unknown;
	};
	const value = checked(
		this.getNode(),
		itemIndex,
		'Order',
		checkIdentity(locator.value, 50),
		'Enter an order number or Starshipit order ID, or map one from the previous node.',
	);
	if (locator.mode !== 'id' && locator.mode !== 'list') return { order_number: value };
	if (!/^[0-9]+$/.test(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`Order ID "${value}" in item ${itemIndex + 1} is not a Starshipit order ID`,
			{
				itemIndex,
				description:
					'A Starshipit order ID is a number, e.g. the order_id from Order > Create. To use your own order number, pick "By Number".',
			},
		);
	}
	return { order_id: Number(value) };
}

/** Reads the order the locator points at, or says plainly that Starshipit has no such order. */
export async function resolveOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	likeliest?: OrderStatus,
): Promise<IDataObject> {
	const reference = orderReference.call(this, itemIndex);
	const byId = reference.order_id !== undefined;
	const value = byId ? reference.order_id : reference.order_number;
	const order = await fetchOrderInAnyStatus.call(this, reference, itemIndex, likeliest);
	if (!order) {
		throw new NodeOperationError(
			this.getNode(),
			`Starshipit has no order ${byId ? 'with ID' : 'numbered'} ${value} (item ${itemIndex + 1})`,
			{
				itemIndex,
				description: byId
					? 'Check the Starshipit order ID.'
					: 'Check the order number: it must match the number sent to Starshipit exactly.',
			},
		);
	}
	return order;
}

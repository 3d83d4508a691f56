import { SANDBOX_API_KEY, SANDBOX_OTHER_ACCOUNT_API_KEY } from '../accounts';
import { bulkOrders } from '../seed';
import type { Json, SandboxOrder, SandboxStore } from '../types';
import { filterOrders, sortOrders } from './order-filter';
import { fail, isoNow, ok, pageOf, toInt, type Route, type RouteRequest } from './envelope';

const DAY = 24 * 3600_000;
const DESTINATION_REQUIRED = ['name', 'street', 'suburb', 'country'] as const;
const READ_ONLY = new Set([
	'order_id',
	'status',
	'tracking_number',
	'tracking_events',
	'manifest_number',
	'archived',
]);

export function findOrder(
	store: SandboxStore,
	id?: unknown,
	number?: unknown,
): SandboxOrder | undefined {
	// Compared as text once, outside the scan: the benchmark holds thousands of orders.
	const wantedId = id === undefined || id === '' ? undefined : String(id);
	const wantedNumber = number === undefined || number === '' ? undefined : String(number);
	return store.orders.find(
		(order) =>
			(wantedId !== undefined && String(order.order_id) === wantedId) ||
			(wantedNumber !== undefined && order.order_number === wantedNumber),
	);
}

/** What Starshipit refuses on create (the documented required fields). */
function createProblems(order: Json | undefined, store: SandboxStore): string[] {
	if (!order || typeof order !== 'object') return ['The request needs an "order" object'];
	const problems: string[] = [];
	if (!order.order_number) problems.push('Order number is required');
	else if (findOrder(store, undefined, order.order_number))
		problems.push(`Order ${String(order.order_number)} already exists`);
	const destination = (order.destination ?? {}) as Json;
	for (const field of DESTINATION_REQUIRED)
		if (!destination[field]) problems.push(`Destination ${field} is required`);
	return problems;
}

function createOrder(request: RouteRequest, input: Json): SandboxOrder {
	const { store, now } = request;
	const id = store.nextOrderId++;
	const order: SandboxOrder = {
		order_date: isoNow(now),
		...input,
		order_id: id,
		order_number: String(input.order_number),
		status: 'Unshipped',
		archived: false,
		destination: (input.destination ?? {}) as Json,
		items: ((input.items ?? []) as Json[]).map((item, index) => ({
			...item,
			item_id: id * 100 + index,
		})),
		packages: ((input.packages ?? []) as Json[]).map((pack, index) => ({
			...pack,
			package_id: id * 100 + index,
		})),
		tracking_events: [],
		last_updated_date: isoNow(now),
	};
	store.orders.push(order);
	return order;
}

const create: Route = (request) => {
	const order = request.body.order as Json | undefined;
	const problems = createProblems(order, request.store);
	if (problems.length) return fail(400, problems[0], problems.join('; '));
	return ok({ order: createOrder(request, order as Json) });
};

/** Import: at most 50. Which orders fail and how is not documented: duplicates are reported in errors[]. */
const importMany: Route = (request) => {
	const orders = request.body.orders;
	if (!Array.isArray(orders) || orders.length === 0)
		return fail(400, 'The request needs an "orders" list');
	if (orders.length > 50) return fail(400, 'A maximum of 50 orders can be imported per request');
	const created: SandboxOrder[] = [];
	const errors: Json[] = [];
	for (const input of orders as Json[]) {
		const problems = createProblems(input, request.store);
		if (problems.length)
			errors.push({
				message: problems[0],
				details: `order_number: ${String(input?.order_number ?? '')}`,
			});
		else created.push(createOrder(request, input));
	}
	return { status: 200, body: { orders: created, success: created.length > 0, errors } };
};

const visible = (order: SandboxOrder, status?: string) => {
	if (order.archived) return false;
	if (!status || status === 'All') return true;
	if (status === 'Shipped' || status === 'Printed') return order.status !== 'Unshipped';
	return order.status === status;
};

/** GET /api/orders: one order by id or number (status defaults to Unshipped), or the paged list. */
const get: Route = ({ query, store }) => {
	if (query.order_id || query.order_number) {
		const order = findOrder(store, query.order_id, query.order_number);
		const status = query.status || 'Unshipped';
		if (!order || !visible(order, status))
			return fail(404, 'Order not found', `No ${status.toLowerCase()} order matches`);
		return ok({ order });
	}
	const size = toInt(query.page_size, 50);
	if (size < 1 || size > 500) return fail(400, 'page_size must be between 1 and 500');
	const visibleRows = store.orders.filter((order) => visible(order, query.status || 'Unshipped'));
	const rows = sortOrders(
		filterOrders(visibleRows, query.filter),
		query.sort_column,
		query.sort_direction,
	);
	const page = toInt(query.page_number, 1);
	const { rows: data, totalPages } = pageOf(rows, page, size);
	return ok({
		page_number: page,
		page_size: size,
		total_pages: totalPages,
		total_records: rows.length,
		data: { orders: data },
	});
};

/** The older lists: only the last 24 hours unless a since_ date is given (documented). */
function legacyList(
	request: RouteRequest,
	rows: SandboxOrder[],
	dateField: 'order_date' | 'last_updated_date',
	sinceParam: string,
	summary: boolean,
) {
	const { query, now } = request;
	const limit = toInt(query.limit, 50);
	if (limit < 1 || limit > 250) return fail(400, 'limit must be between 1 and 250');
	const since = query[sinceParam] || query.since_last_updated;
	const from = since ? Date.parse(since) : now - DAY;
	if (Number.isNaN(from)) return fail(400, `${sinceParam} is not a valid date`);
	const field = query[sinceParam]
		? dateField
		: query.since_last_updated
			? 'last_updated_date'
			: dateField;
	const inWindow = rows
		.filter((order) => Date.parse(order[field]) >= from)
		.sort((a, b) => a.order_id - b.order_id);
	const { rows: page, totalPages } = pageOf(inWindow, toInt(query.page, 1), limit);
	if (query.ids_only === 'true')
		return ok({ order_ids: page.map((order) => order.order_id), total_pages: totalPages });
	return ok({ orders: summary ? page.map(shippedSummary) : page, total_pages: totalPages });
}

/** The shipped list answers the documented ShippedOrder rows: no status, last-updated time or events. */
const shippedSummary = (order: SandboxOrder) => ({
	order_id: order.order_id,
	order_date: order.order_date,
	shipped_date: order.shipment_date,
	order_number: order.order_number,
	reference: order.reference,
	name: order.destination.name,
	country: order.destination.country,
	state: order.destination.state,
	carrier: order.carrier,
	carrier_name: order.carrier_name,
	carrier_service_code: order.carrier_service_code,
	tracking_number: order.tracking_number,
	tracking_short_status: order.tracking_status,
	manifest_number: order.manifest_number,
	integration_source_name: order.integration_source_name,
	writeback_status: order.writeback_status,
	writeback_details: order.writeback_details,
});

const unshipped: Route = (request) =>
	legacyList(
		request,
		request.store.orders.filter((order) => visible(order, 'Unshipped')),
		'order_date',
		'since_order_date',
		false,
	);
const shipped: Route = (request) =>
	legacyList(
		request,
		request.store.orders.filter((order) => visible(order, 'Shipped')),
		'last_updated_date',
		'since_last_updated',
		true,
	);

const search: Route = ({ query, store }) => {
	const phrase = (query.phrase ?? '').toLowerCase();
	if (!phrase) return fail(400, 'phrase is required');
	const fields = query.fields || 'All';
	const limit = toInt(query.limit, 50);
	if (limit < 1 || limit > 250) return fail(400, 'limit must be between 1 and 250');
	const matches = store.orders.filter((order) => {
		if (!visible(order, query.status || 'All')) return false;
		const number = order.order_number.toLowerCase().includes(phrase);
		const reference = String(order.reference ?? '')
			.toLowerCase()
			.includes(phrase);
		return fields === 'Order_Number'
			? number
			: fields === 'TheirRef'
				? reference
				: number || reference;
	});
	const { rows, totalPages } = pageOf(matches, toInt(query.page, 1), limit);
	return ok({ orders: rows.map(searchRow), total_pages: totalPages });
};

/** Search answers short rows, as documented (SearchOrder): no status, items or packages. */
const searchRow = (order: SandboxOrder) => ({
	order_id: order.order_id,
	order_date: order.order_date,
	order_number: order.order_number,
	name: order.destination.name,
	carrier_name: order.carrier_name,
	tracking_number: order.tracking_number,
	country: order.destination.country,
});

/** Partial update: unshipped orders take every non-read-only field; printed ones only a status change. */
function applyUpdate(
	request: RouteRequest,
	input: Json | undefined,
): { order?: SandboxOrder; error?: string } {
	const order = findOrder(request.store, input?.order_id);
	if (!input || !order) return { error: 'Order not found' };
	if (order.status !== 'Unshipped') {
		const changes = Object.keys(input).filter((key) => key !== 'order_id' && key !== 'status');
		if (changes.length)
			return { error: `Order ${order.order_number} has been printed: only its status can change` };
		if (input.status === 'Unshipped')
			return { error: 'A printed order cannot go back to unshipped' };
	}
	for (const [key, value] of Object.entries(input)) {
		if (READ_ONLY.has(key)) continue;
		if ((key === 'items' || key === 'packages') && Array.isArray(value))
			mergeRows(order, key, value as Json[]);
		else if (key === 'destination' && value && typeof value === 'object')
			order.destination = { ...order.destination, ...(value as Json) };
		else order[key] = value;
	}
	order.last_updated_date = isoNow(request.now);
	return { order };
}

/** Rows with their id update that row, `delete: true` removes it, rows without an id are added. */
function mergeRows(order: SandboxOrder, key: 'items' | 'packages', rows: Json[]) {
	const idKey = key === 'items' ? 'item_id' : 'package_id';
	for (const row of rows) {
		const index = order[key].findIndex(
			(existing) => row[idKey] !== undefined && existing[idKey] === row[idKey],
		);
		if (index >= 0 && row.delete === true) order[key].splice(index, 1);
		else if (index >= 0) order[key][index] = { ...order[key][index], ...row };
		else order[key].push({ ...row, [idKey]: order.order_id * 100 + order[key].length + 50 });
	}
}

const update: Route = (request) => {
	const { order, error } = applyUpdate(request, request.body.order as Json | undefined);
	return error ? fail(400, error) : ok({ order });
};

const updateMany: Route = (request) => {
	const inputs = request.body.orders;
	if (!Array.isArray(inputs)) return fail(400, 'The request needs an "orders" list');
	const results = (inputs as Json[]).map((input) => ({ input, ...applyUpdate(request, input) }));
	// Each refusal names the order it is about (how Starshipit words its details is not documented).
	const errors = results
		.filter((result) => result.error)
		.map((result) => ({
			message: result.error,
			details: `order_id: ${String(result.input?.order_id ?? '')}`,
		}));
	return {
		status: 200,
		body: {
			orders: results.flatMap((result) => result.order ?? []),
			success: errors.length === 0,
			errors,
		},
	};
};

const remove: Route = ({ query, store }) => {
	const order = findOrder(store, query.order_id);
	if (!order) return fail(404, 'Order not found');
	if (order.status !== 'Unshipped')
		return fail(
			400,
			'Only unshipped orders can be deleted',
			'Archive printed or shipped orders instead',
		);
	store.orders.splice(store.orders.indexOf(order), 1);
	return ok();
};

const setArchived =
	(archived: boolean): Route =>
	({ query, store, now }) => {
		const order = findOrder(store, query.order_id);
		if (!order) return fail(404, 'Order not found');
		if (archived && order.status === 'Unshipped')
			return fail(
				400,
				'Only printed or shipped orders can be archived',
				'Delete unshipped orders instead',
			);
		if (!archived && !order.archived) return fail(400, 'Order is not archived');
		order.archived = archived;
		order.last_updated_date = isoNow(now);
		return ok();
	};

/** The printed-orders list's rows (ShipmentsOrder in the API notes). */
const shipmentRow = (order: SandboxOrder) => ({
	order_id: order.order_id,
	order_number: order.order_number,
	date: order.shipment_date,
	name: order.destination.name,
	carrier_name: order.carrier_name,
	carrier_service_code: order.carrier_service_code,
	tracking_numbers: order.tracking_number ? [order.tracking_number] : [],
	country: order.destination.country,
});

/**
 * GET /api/orders/shipments (`status` required). How far back a list reaches without
 * since_created_date is not documented: here "recently printed" is the last 24 hours (as the older
 * lists), "unmanifested" every printed order not yet manifested. Tracking-only orders are in neither.
 */
const shipments: Route = ({ query, store, now }) => {
	const status = query.status;
	if (status !== 'recently_printed' && status !== 'unmanifested')
		return fail(400, 'status must be recently_printed or unmanifested');
	const limit = toInt(query.limit, 50);
	if (limit < 1 || limit > 250) return fail(400, 'limit must be between 1 and 250');
	const from = query.since_created_date
		? Date.parse(query.since_created_date)
		: status === 'recently_printed'
			? now - DAY
			: 0;
	if (Number.isNaN(from)) return fail(400, 'since_created_date is not a valid date');
	const rows = store.orders
		.filter(
			(order) =>
				!order.archived &&
				!order.tracking_only &&
				order.shipment_date &&
				Date.parse(order.shipment_date) >= from,
		)
		.filter((order) =>
			status === 'unmanifested' ? order.status === 'Printed' : Boolean(order.tracking_number),
		)
		.sort((a, b) => a.order_id - b.order_id);
	const { rows: page, totalPages } = pageOf(rows, toInt(query.page, 1), limit);
	return ok({ orders: page.map(shipmentRow), status, total_pages: totalPages });
};

/** GET /api/orders/delivered: what order_ref matches is not documented; here the number or the reference, exactly. */
const delivered: Route = ({ query, store }) => {
	const ref = (query.order_ref ?? '').trim();
	if (!ref) return fail(400, 'order_ref is required');
	return ok({
		orders: store.orders.filter(
			(order) =>
				!order.archived &&
				order.tracking_status === 'Delivered' &&
				(order.order_number === ref || order.reference === ref),
		),
	});
};

/** Carrier numbers for the batch change: 9 and 47 as in one client's fixture (no list is published). */
const CARRIER_IDS: Record<string, Json> = {
	9: { carrier: 'PlainLabel', carrier_name: 'Plain Label' },
	47: { carrier: 'MyPostBusiness', carrier_name: 'MyPost Business' },
};

/**
 * PUT /api/orders/batchupdate: unshipped orders only (documented). Whether Starshipit changes the
 * others when one is refused is not: here the whole request is refused (refusal texts are ours).
 */
const batchCarrier: Route = ({ body, store, now }) => {
	const ids = body.order_ids;
	if (!Array.isArray(ids) || !ids.length) return fail(400, 'order_ids is required');
	if (!body.product_code) return fail(400, 'product_code is required');
	const carrier = CARRIER_IDS[String(body.carrier_id ?? '')];
	if (!carrier)
		return fail(
			400,
			'Carrier not found',
			`No carrier with id ${String(body.carrier_id ?? '')} is enabled on this account`,
		);
	const orders = ids.map((id) => findOrder(store, id));
	const missing = orders.findIndex((order) => !order);
	if (missing >= 0) return fail(404, 'Order not found', `No order with id ${String(ids[missing])}`);
	const printed = (orders as SandboxOrder[]).find(
		(order) => order.status !== 'Unshipped' || order.archived,
	);
	if (printed)
		return fail(
			400,
			`Order ${printed.order_number} has been printed: only unshipped orders can change carrier`,
		);
	for (const order of orders as SandboxOrder[]) {
		Object.assign(order, carrier, {
			carrier_id: String(body.carrier_id),
			carrier_service_code: String(body.product_code),
			last_updated_date: isoNow(now),
		});
	}
	return ok();
};

/** Carrier codes accepted on tracking-only orders: some of the documented list. */
const CARRIER_CODES = new Set([
	'AusPost',
	'StarTrack',
	'CouriersPlease',
	'DHL',
	'TNT',
	'Sendle',
	'NZPost',
	'CourierPost',
	'PlainLabel',
	'MyPostBusiness',
	'FedEx',
	'UPS',
]);

/**
 * POST /api/orders/shipped: orders shipped outside Starshipit, tracked from now on; the answer maps
 * each new order ID to its tracking number (detail notes). Undocumented, so our choices: every order
 * needs order_number, tracking_number and a known carrier code, or none is recorded; a known order
 * number gets a second record (the worst case, so tests prove the node never sends twice).
 */
const trackingOnly: Route = ({ body, store, now, settings }) => {
	const inputs = body.orders;
	if (!Array.isArray(inputs) || !inputs.length)
		return fail(400, 'The request needs an "orders" list');
	for (const input of inputs as Json[]) {
		if (!input?.order_number || !input.tracking_number)
			return fail(400, 'order_number and tracking_number are required');
		if (!CARRIER_CODES.has(String(input.carrier ?? '')))
			return fail(
				400,
				'Invalid carrier',
				`"${String(input.carrier ?? '')}" is not a Starshipit carrier code`,
			);
	}
	const answer: Json = {};
	const at = isoNow(now);
	for (const input of inputs as Json[]) {
		const order: SandboxOrder = {
			order_id: store.nextOrderId++,
			order_number: String(input.order_number),
			order_date: at,
			status: 'Shipped',
			archived: false,
			tracking_only: true,
			destination: { name: input.name, country: input.country, post_code: input.postcode },
			items: [],
			packages: [],
			carrier: String(input.carrier),
			carrier_name: String(input.carrier),
			tracking_number: String(input.tracking_number),
			tracking_status: 'Dispatched',
			shipment_date: at,
			last_updated_date: at,
			tracking_events: [
				{ event_datetime: at, status: 'Dispatched', details: 'Shipped outside Starshipit' },
			],
		};
		store.orders.push(order);
		answer[String(order.order_id)] = order.tracking_number;
		settings.onTrackingChange?.(order.order_number);
	}
	return ok({ orders: answer });
};

/** Orders going to the same person at the same address: what Starshipit suggests merging (how it matches is not documented). */
const sameAddress = (order: SandboxOrder) =>
	['name', 'street', 'post_code', 'country']
		.map((field) => String(order.destination[field] ?? '').toLowerCase())
		.join('|');

/** GET /api/orders/mergeable: unshipped orders to one address, grouped; the oldest is the suggested parent. */
const mergeable: Route = ({ query, store }) => {
	const limit = toInt(query.limit, 50);
	if (limit < 1 || limit > 250) return fail(400, 'limit must be between 1 and 250');
	const groups = new Map<string, SandboxOrder[]>();
	for (const order of store.orders
		.filter((row) => visible(row, 'Unshipped'))
		.sort((a, b) => a.order_id - b.order_id)) {
		groups.set(sameAddress(order), [...(groups.get(sameAddress(order)) ?? []), order]);
	}
	const rows = [...groups.values()]
		.filter((group) => group.length > 1)
		.map((group) => ({
			primary_order_id: group[0].order_id,
			orders: group.map((order) => ({
				order_id: order.order_id,
				order_number: order.order_number,
				order_date: order.order_date,
				street: order.destination.street,
				suburb: order.destination.suburb,
				city: order.destination.city,
				postcode: order.destination.post_code,
				state: order.destination.state,
				country: order.destination.country,
				contact: order.destination.name,
			})),
		}));
	const { rows: page, totalPages } = pageOf(rows, toInt(query.page, 1), limit);
	return ok({ orders: page, total: rows.length, total_pages: totalPages });
};

/** POST /api/orders/merge: the children's items and packages join the parent; the children are archived (GUESSES.mergeChildren). */
const merge: Route = ({ body, store, now }) => {
	const parent = findOrder(store, body.parent_order_id);
	const childIds = Array.isArray(body.child_order_ids) ? body.child_order_ids : [];
	if (!parent || parent.archived)
		return fail(404, 'Order not found', `No order with id ${String(body.parent_order_id ?? '')}`);
	if (!childIds.length) return fail(400, 'child_order_ids is required');
	const children = childIds.map((id) => findOrder(store, id));
	const missing = children.findIndex((child) => !child || child.archived);
	if (missing >= 0)
		return fail(404, 'Order not found', `No order with id ${String(childIds[missing])}`);
	const all = [parent, ...(children as SandboxOrder[])];
	const printed = all.find((order) => order.status !== 'Unshipped');
	if (printed)
		return fail(
			400,
			`Order ${printed.order_number} has been printed: only unshipped orders can be merged`,
		);
	if ((children as SandboxOrder[]).includes(parent))
		return fail(400, 'An order cannot be merged into itself');
	for (const child of children as SandboxOrder[]) {
		parent.items.push(...child.items);
		parent.packages.push(...child.packages);
		child.archived = true;
		child.last_updated_date = isoNow(now);
	}
	parent.last_updated_date = isoNow(now);
	return ok();
};

/** Why one order of an assign request cannot move (the texts are ours: Starshipit's are not documented). */
function assignProblem(store: SandboxStore, input: Json): string | undefined {
	if (input.current_api_key !== SANDBOX_API_KEY)
		return 'current_api_key is not the API key of the account the order is in';
	if (input.new_api_key === SANDBOX_API_KEY) return 'The order is already in this account';
	if (input.new_api_key !== SANDBOX_OTHER_ACCOUNT_API_KEY)
		return 'new_api_key is not the API key of a Starshipit account';
	const order = findOrder(store, input.order_id, input.order_number);
	if (!order) return `Order not found: ${String(input.order_id ?? input.order_number ?? '')}`;
	return undefined;
}

/**
 * POST /api/orders/assign: each order leaves this account for the one of `new_api_key` (the sandbox holds only
 * this account, so a moved order is simply gone from it). Any order that cannot move refuses the whole request,
 * and the answer is `{ success }` only (GUESSES.assignOrders).
 */
const assign: Route = ({ body, store }) => {
	const inputs = body.orders;
	if (!Array.isArray(inputs) || !inputs.length)
		return fail(400, 'The request needs an "orders" list');
	for (const input of inputs as Json[]) {
		const problem = assignProblem(store, input ?? {});
		if (problem) return fail(400, problem);
	}
	for (const input of inputs as Json[])
		store.orders.splice(
			store.orders.indexOf(findOrder(store, input.order_id, input.order_number)!),
			1,
		);
	return ok();
};

export const orderRoutes: Record<string, Route> = {
	'POST /api/orders': create,
	'POST /api/orders/import': importMany,
	'GET /api/orders': get,
	'GET /api/orders/unshipped': unshipped,
	'GET /api/orders/shipped': shipped,
	'GET /api/orders/search': search,
	'PUT /api/orders': update,
	'PUT /api/orders/update': updateMany,
	'DELETE /api/orders/delete': remove,
	'POST /api/orders/archive': setArchived(true),
	'POST /api/orders/restore': setArchived(false),
	'GET /api/orders/shipments': shipments,
	'GET /api/orders/delivered': delivered,
	'PUT /api/orders/batchupdate': batchCarrier,
	'POST /api/orders/shipped': trackingOnly,
	'GET /api/orders/mergeable': mergeable,
	'POST /api/orders/merge': merge,
	'POST /api/orders/assign': assign,
};

export { bulkOrders };

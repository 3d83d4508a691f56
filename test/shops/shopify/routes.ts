/**
 * What the Shopify stand-in answers, after `/admin/api/{version}` with `//` collapsed and `.json` taken off (n8n's
 * node sends `…/2024-07//orders.json`, and its trigger `…//webhooks` without `.json`). Each route lists the query
 * parameters Shopify documents for it: anything else is a deviation, as is a path or method not listed here.
 */
import {
	addOrder,
	fulfillmentStatusOf,
	ids,
	LOCATION_ID,
	type Json,
	type ShopifyFulfillment,
	type ShopifyOrder,
	type ShopifyStore,
} from './store';

export interface RouteContext {
	shop: string;
	version: string;
	query: Record<string, string>;
	body: Json;
	params: string[];
	store: ShopifyStore;
	/** Fires the webhooks of a topic with this payload (after the answer, as Shopify does). */
	emit(topic: string, payload: object): void;
	/** Records a deviation: a request shape the stand-in does not know. */
	deviate(detail: string): void;
	/** Records a known difference from real Shopify that the stand-in lets through (info, not a failure). */
	note(detail: string): void;
	now(): string;
}

export interface RouteAnswer {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

interface Route {
	method: string;
	path: RegExp;
	query: string[];
	handle(context: RouteContext): RouteAnswer;
}

export const NOT_FOUND: RouteAnswer = { status: 404, body: { errors: 'Not Found' } };

/** Topics the stand-in accepts for webhooks (Shopify's order and fulfillment topics). */
export const KNOWN_TOPICS = [
	'orders/create',
	'orders/paid',
	'orders/updated',
	'orders/fulfilled',
	'orders/partially_fulfilled',
	'orders/cancelled',
	'orders/delete',
	'fulfillments/create',
	'fulfillments/update',
];

const ORDER_LIST_QUERY = [
	'limit',
	'page_info',
	'status',
	'financial_status',
	'fulfillment_status',
	'since_id',
	'ids',
	'fields',
	'created_at_min',
	'created_at_max',
	'updated_at_min',
	'updated_at_max',
	'processed_at_min',
	'processed_at_max',
	'attribution_app_id',
];

const findOrder = (store: ShopifyStore, id: string) =>
	store.orders.find((order) => String(order.id) === id);

/** `fields=a,b` keeps only those keys, as Shopify does. */
function onlyFields(order: ShopifyOrder, fields: string | undefined): Json {
	if (!fields) return order as unknown as Json;
	const keep = fields.split(',').map((field) => field.trim());
	return Object.fromEntries(Object.entries(order).filter(([key]) => keep.includes(key)));
}

function matchesFilters(order: ShopifyOrder, query: Record<string, string>): boolean {
	const status = query.status ?? 'open';
	if (status === 'open' && (order.closed_at || order.cancelled_at)) return false;
	if (status === 'closed' && !order.closed_at) return false;
	if (status === 'cancelled' && !order.cancelled_at) return false;
	const fulfillment = query.fulfillment_status;
	if (fulfillment === 'shipped' && order.fulfillment_status !== 'fulfilled') return false;
	if (fulfillment === 'partial' && order.fulfillment_status !== 'partial') return false;
	if (fulfillment === 'unshipped' && order.fulfillment_status !== null) return false;
	if (fulfillment === 'unfulfilled' && order.fulfillment_status === 'fulfilled') return false;
	if (
		query.financial_status &&
		query.financial_status !== 'any' &&
		order.financial_status !== query.financial_status
	)
		return false;
	if (query.since_id && order.id <= Number(query.since_id)) return false;
	if (query.ids && !query.ids.split(',').includes(String(order.id))) return false;
	if (query.created_at_min && order.created_at < new Date(query.created_at_min).toISOString())
		return false;
	if (query.updated_at_min && order.updated_at < new Date(query.updated_at_min).toISOString())
		return false;
	return true;
}

const pageToken = (filters: Record<string, string>, offset: number) =>
	Buffer.from(JSON.stringify({ filters, offset })).toString('base64url');

/**
 * GET /orders: a page, and a `Link` header like Shopify's: `rel="next"` alone on the first page, then
 * `rel="previous"` before `rel="next"` (the order n8n's Return All trips over: n8n-io/n8n#12902).
 */
function listOrders(context: RouteContext): RouteAnswer {
	const limit = Math.min(Number(context.query.limit ?? 50) || 50, 250);
	let filters = Object.fromEntries(
		Object.entries(context.query).filter(
			([key]) => !['limit', 'page_info', 'fields'].includes(key),
		),
	);
	let offset = 0;
	if (context.query.page_info) {
		try {
			({ filters, offset } = JSON.parse(
				Buffer.from(context.query.page_info, 'base64url').toString('utf8'),
			) as { filters: Record<string, string>; offset: number });
		} catch {
			return { status: 400, body: { errors: { page_info: 'Invalid value.' } } };
		}
	}
	const matching = context.store.orders
		.filter((order) => matchesFilters(order, filters))
		.sort((a, b) => a.id - b.id);
	const page = matching.slice(offset, offset + limit);
	const link = (to: number, rel: string) =>
		`<https://${context.shop}/admin/api/${context.version}/orders.json?limit=${limit}&page_info=${pageToken(filters, to)}>; rel="${rel}"`;
	const links = [
		...(offset > 0 ? [link(Math.max(0, offset - limit), 'previous')] : []),
		...(offset + limit < matching.length ? [link(offset + limit, 'next')] : []),
	];
	return {
		status: 200,
		body: { orders: page.map((order) => onlyFields(order, context.query.fields)) },
		headers: links.length ? { link: links.join(', ') } : {},
	};
}

function updateOrder(context: RouteContext): RouteAnswer {
	const order = findOrder(context.store, context.params[0]);
	if (!order) return NOT_FOUND;
	const changes = context.body.order as Json | undefined;
	if (!changes || typeof changes !== 'object')
		return { status: 400, body: { errors: { order: 'Required parameter missing or invalid' } } };
	const writable = [
		'note',
		'tags',
		'email',
		'phone',
		'shipping_address',
		'note_attributes',
		'buyer_accepts_marketing',
		'metafields',
		'id',
	];
	for (const key of Object.keys(changes))
		if (!writable.includes(key))
			context.deviate(`PUT /orders/{id}: field "${key}" is not one the stand-in knows`);
	const { id: _id, shipping_address: address, ...rest } = changes;
	Object.assign(
		order,
		rest,
		address ? { shipping_address: { ...order.shipping_address, ...(address as object) } } : {},
		{ updated_at: context.now() },
	);
	context.emit('orders/updated', order);
	return { status: 200, body: { order } };
}

/** POST /fulfillments: fulfils the listed fulfillment orders (all of their lines, or the ones listed) with tracking. */
function createFulfillment(context: RouteContext): RouteAnswer {
	const request = context.body.fulfillment as Json | undefined;
	const groups = request?.line_items_by_fulfillment_order as
		| Array<{
				fulfillment_order_id?: unknown;
				fulfillment_order_line_items?: Array<{ id: unknown; quantity: unknown }>;
		  }>
		| undefined;
	if (!request || !Array.isArray(groups) || !groups.length)
		return {
			status: 400,
			body: { errors: { fulfillment: 'Required parameter missing or invalid' } },
		};
	for (const key of Object.keys(request)) {
		if (
			![
				'line_items_by_fulfillment_order',
				'tracking_info',
				'notify_customer',
				'origin_address',
				'message',
			].includes(key)
		)
			context.deviate(`POST /fulfillments: field "${key}" is not one the stand-in knows`);
	}
	const tracking = (request.tracking_info ?? {}) as {
		number?: unknown;
		company?: unknown;
		url?: unknown;
	};
	for (const key of Object.keys(tracking))
		if (!['number', 'company', 'url', 'numbers', 'urls'].includes(key))
			context.deviate(
				`POST /fulfillments: tracking_info field "${key}" is not one the stand-in knows`,
			);
	const fulfillmentOrders = groups.map((group) =>
		context.store.fulfillmentOrders.find(
			(candidate) => String(candidate.id) === String(group.fulfillment_order_id),
		),
	);
	const missing = groups.find((_group, index) => !fulfillmentOrders[index]);
	if (missing) return { status: 404, body: { errors: 'Not Found' } };
	const unfulfillable = fulfillmentOrders.find((candidate) => candidate!.status === 'closed');
	if (unfulfillable)
		return {
			status: 422,
			body: {
				errors: [`Fulfillment order ${unfulfillable.id} has an unfulfillable status= closed.`],
			},
		};
	const order = context.store.orders.find(
		(candidate) => candidate.id === fulfillmentOrders[0]!.order_id,
	)!;
	const fulfilled: Json[] = [];
	groups.forEach((group, index) => {
		const fulfillmentOrder = fulfillmentOrders[index]!;
		const asked = group.fulfillment_order_line_items;
		for (const line of fulfillmentOrder.line_items) {
			const quantity = asked
				? Number(asked.find((entry) => String(entry.id) === String(line.id))?.quantity ?? 0)
				: line.fulfillable_quantity;
			if (!quantity) continue;
			line.fulfillable_quantity -= quantity;
			const orderLine = order.line_items.find((candidate) => candidate.id === line.line_item_id)!;
			orderLine.fulfillable_quantity -= quantity;
			orderLine.fulfillment_status = orderLine.fulfillable_quantity === 0 ? 'fulfilled' : 'partial';
			fulfilled.push({ ...orderLine, quantity });
		}
		fulfillmentOrder.status = fulfillmentOrder.line_items.every(
			(line) => line.fulfillable_quantity === 0,
		)
			? 'closed'
			: 'in_progress';
		fulfillmentOrder.updated_at = context.now();
	});
	const id = ids.fulfillment();
	const number =
		tracking.number === undefined || tracking.number === null ? null : String(tracking.number);
	const url = typeof tracking.url === 'string' ? tracking.url : null;
	const fulfillment: ShopifyFulfillment = {
		id,
		order_id: order.id,
		status: 'success',
		name: `${order.name}.${order.fulfillments.length + 1}`,
		service: 'manual',
		tracking_company: typeof tracking.company === 'string' ? tracking.company : null,
		tracking_number: number,
		tracking_numbers: number ? [number] : [],
		tracking_url: url,
		tracking_urls: url ? [url] : [],
		notify_customer: request.notify_customer === true,
		line_items: fulfilled,
		created_at: context.now(),
		updated_at: context.now(),
		admin_graphql_api_id: `gid://shopify/Fulfillment/${id}`,
	};
	order.fulfillments.push(fulfillment);
	order.fulfillment_status = fulfillmentStatusOf(order);
	order.updated_at = context.now();
	context.emit('fulfillments/create', fulfillment);
	context.emit(
		order.fulfillment_status === 'fulfilled' ? 'orders/fulfilled' : 'orders/partially_fulfilled',
		order,
	);
	context.emit('orders/updated', order);
	const { notify_customer: _notify, ...answer } = fulfillment;
	return {
		status: 201,
		body: {
			fulfillment: {
				...answer,
				location_id: LOCATION_ID,
				shipment_status: null,
				origin_address: null,
				receipt: {},
			},
		},
	};
}

function createWebhook(context: RouteContext): RouteAnswer {
	const webhook = context.body.webhook as
		| { topic?: unknown; address?: unknown; format?: unknown }
		| undefined;
	if (!webhook || typeof webhook.address !== 'string' || !webhook.address)
		return { status: 422, body: { errors: { address: ["can't be blank"] } } };
	if (typeof webhook.topic !== 'string' || !KNOWN_TOPICS.includes(webhook.topic)) {
		context.deviate(
			`POST /webhooks: topic ${JSON.stringify(webhook.topic)} is not one the stand-in knows`,
		);
		return { status: 422, body: { errors: { topic: ['Invalid topic specified.'] } } };
	}
	if (
		context.store.webhooks.some(
			(existing) => existing.topic === webhook.topic && existing.address === webhook.address,
		)
	) {
		return {
			status: 422,
			body: { errors: { address: ['for this topic has already been taken'] } },
		};
	}
	// Real Shopify takes only https addresses; n8n's here is http on loopback.
	if (!webhook.address.startsWith('https://'))
		context.note(`webhook address ${webhook.address} is not https (real Shopify refuses it)`);
	const at = context.now();
	const created = {
		id: ids.webhook(),
		address: webhook.address,
		topic: webhook.topic,
		format: typeof webhook.format === 'string' ? webhook.format : 'json',
		api_version: context.version,
		fields: [],
		metafield_namespaces: [],
		created_at: at,
		updated_at: at,
	};
	context.store.webhooks.push(created);
	return { status: 201, body: { webhook: created } };
}

export const ROUTES: Route[] = [
	{
		method: 'GET',
		path: /^\/products$/,
		query: ['limit', 'fields', 'ids', 'since_id', 'page_info'],
		handle: () => ({ status: 200, body: { products: [] } }),
	},
	{ method: 'GET', path: /^\/orders$/, query: ORDER_LIST_QUERY, handle: listOrders },
	{
		method: 'POST',
		path: /^\/orders$/,
		query: [],
		handle: (context) => {
			const seed = context.body.order as never;
			if (!seed)
				return {
					status: 400,
					body: { errors: { order: 'Required parameter missing or invalid' } },
				};
			const order = addOrder(context.store, seed);
			context.emit('orders/create', order);
			return { status: 201, body: { order } };
		},
	},
	{
		method: 'GET',
		path: /^\/orders\/(\d+)$/,
		query: ['fields'],
		handle: (context) => {
			const order = findOrder(context.store, context.params[0]);
			return order
				? { status: 200, body: { order: onlyFields(order, context.query.fields) } }
				: NOT_FOUND;
		},
	},
	{ method: 'PUT', path: /^\/orders\/(\d+)$/, query: [], handle: updateOrder },
	{
		method: 'GET',
		path: /^\/orders\/(\d+)\/fulfillment_orders$/,
		query: ['include_financial_summaries', 'include_order_reference_fields'],
		handle: (context) => {
			if (!findOrder(context.store, context.params[0])) return NOT_FOUND;
			return {
				status: 200,
				body: {
					fulfillment_orders: context.store.fulfillmentOrders.filter(
						(candidate) => String(candidate.order_id) === context.params[0],
					),
				},
			};
		},
	},
	{ method: 'POST', path: /^\/fulfillments$/, query: [], handle: createFulfillment },
	{
		method: 'GET',
		path: /^\/webhooks$/,
		query: ['topic', 'address', 'limit', 'fields', 'since_id', 'created_at_min', 'updated_at_min'],
		handle: (context) => ({
			status: 200,
			body: {
				webhooks: context.store.webhooks.filter(
					(webhook) =>
						(!context.query.topic || webhook.topic === context.query.topic) &&
						(!context.query.address || webhook.address === context.query.address),
				),
			},
		}),
	},
	{ method: 'POST', path: /^\/webhooks$/, query: [], handle: createWebhook },
	{
		method: 'DELETE',
		path: /^\/webhooks\/(\d+)$/,
		query: [],
		handle: (context) => {
			const index = context.store.webhooks.findIndex(
				(webhook) => String(webhook.id) === context.params[0],
			);
			if (index < 0) return NOT_FOUND;
			context.store.webhooks.splice(index, 1);
			return { status: 200, body: {} };
		},
	},
];

export function findRoute(
	method: string,
	path: string,
): { route: Route; params: string[] } | undefined {
	for (const route of ROUTES) {
		const match = route.method === method ? route.path.exec(path) : null;
		if (match) return { route, params: match.slice(1) };
	}
	return undefined;
}

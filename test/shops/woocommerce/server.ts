/**
 * A WooCommerce REST v3 stand-in, started in-process like the Starshipit sandbox: what n8n's WooCommerce node,
 * WooCommerce Trigger and HTTP Request (with the WooCommerce credential) send to a shop, answered as WooCommerce
 * answers (docs/shop-standins design, §4), over HTTPS on loopback (real WooCommerce takes keys over HTTPS only).
 * Any request it does not know (a route, a query parameter, a body field) is a 404 or is still answered, and is
 * recorded in `deviations`: a test asserts none, so a new n8n version shows up as a named failure.
 */
import {
	createServer as createHttpServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { postDelivery, type DeliverOptions } from './deliveries';
import { orderOf, seedStore, type OrderSeed } from './seed';
import type {
	WooDelivery,
	WooDeviation,
	WooNote,
	WooOrder,
	WooRequest,
	WooStore,
	WooWebhook,
} from './types';

/** Not secrets: the stand-in's fixed keys, in WooCommerce's ck_/cs_ form, for tests and the demo. */
export const WOO_CONSUMER_KEY = 'ck_standin_key_not_a_secret_0000000000000';
export const WOO_CONSUMER_SECRET = 'cs_standin_secret_not_a_secret_00000000000';
export const API_PREFIX = '/wp-json/wc/v3';

export interface WooStandInOptions {
	/** 0 (the default) for any free port. */
	port?: number;
	consumerKey?: string;
	consumerSecret?: string;
	/** The certificate to serve HTTPS with (test/shops/tls.ts); without it plain HTTP, which real stores refuse keys over. */
	tls?: { key: string; cert: string };
	/** Start with the three sample orders (default) or none. */
	seed?: boolean;
	/** Failed deliveries in a row after which a webhook is disabled, as WooCommerce does (default 5). */
	disableAfterFailures?: number;
}

export interface WooStandIn {
	/** The store's address, as a user types it into n8n's WooCommerce credential (no trailing slash). */
	url: string;
	store: WooStore;
	requests: WooRequest[];
	deliveries: WooDelivery[];
	deviations: WooDeviation[];
	/** A new order placed at the checkout: stored, then `order.created` delivered to every active webhook for it. */
	createOrder(seed: OrderSeed): Promise<{ order: WooOrder; deliveries: WooDelivery[] }>;
	/** Delivers an order to every active webhook of the topic, genuinely or forged (options). */
	deliver(topic: string, order: WooOrder, options?: DeliverOptions): Promise<WooDelivery[]>;
	/** Waits for deliveries the stand-in sent on its own (order.updated after a PUT). */
	settled(): Promise<void>;
	notesOf(orderId: number): WooNote[];
	orderOf(id: number): WooOrder | undefined;
	close(): Promise<void>;
}

interface Call {
	method: string;
	path: string;
	params: string[];
	query: Record<string, string>;
	body: Record<string, unknown>;
}

interface Answer {
	status: number;
	body: unknown;
	/** A list's total, for X-WP-Total, X-WP-TotalPages and the prev/next links. */
	page?: { total: number; perPage: number; page: number };
}

const error = (status: number, code: string, message: string): Answer => ({
	status,
	body: { code, message, data: { status } },
});
const ok = (body: unknown, status = 200): Answer => ({ status, body });

const ORDER_STATUSES = [
	'pending',
	'processing',
	'on-hold',
	'completed',
	'cancelled',
	'refunded',
	'failed',
	'trash',
	'checkout-draft',
];
const STATUS_LABELS: Record<string, string> = {
	pending: 'Pending payment',
	processing: 'Processing',
	'on-hold': 'On hold',
	completed: 'Completed',
	cancelled: 'Cancelled',
	refunded: 'Refunded',
	failed: 'Failed',
	trash: 'Trash',
	'checkout-draft': 'Draft',
};
const ORDER_UPDATE_FIELDS = [
	'status',
	'customer_note',
	'currency',
	'customer_id',
	'parent_id',
	'payment_method',
	'payment_method_title',
	'transaction_id',
	'billing',
	'shipping',
	'line_items',
	'shipping_lines',
	'fee_lines',
	'coupon_lines',
	'meta_data',
];
const WEBHOOK_HOOKS: Record<string, string[]> = {
	'order.created': ['woocommerce_new_order'],
	'order.updated': ['woocommerce_update_order', 'woocommerce_order_refunded'],
	'order.deleted': ['wp_trash_post'],
};
const WEBHOOK_TOPIC = /^(order|product|customer|coupon)\.(created|updated|deleted|restored)$/;

interface Route {
	method: string | string[];
	pattern: RegExp;
	/** The query parameters WooCommerce takes on this route (n8n sending another one is a deviation). */
	query: string[];
	/** The body fields it takes, for writes. */
	body?: string[];
	handle(call: Call, context: Context): Answer;
}

interface Context {
	store: WooStore;
	now(): string;
	orderUpdated(order: WooOrder): void;
}

const orderById = (store: WooStore, id: string) =>
	store.orders.find((order) => order.id === Number(id));
const invalidOrder = () => error(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
const paged = <T>(rows: T[], query: Record<string, string>, fallback = 10): Answer => {
	const perPage = Number(query.per_page ?? fallback);
	const page = Number(query.page ?? 1);
	if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
		return error(400, 'rest_invalid_param', 'Invalid parameter(s): per_page');
	if (!Number.isInteger(page) || page < 1)
		return error(400, 'rest_invalid_param', 'Invalid parameter(s): page');
	return {
		status: 200,
		body: rows.slice((page - 1) * perPage, page * perPage),
		page: { total: rows.length, perPage, page },
	};
};

function listOrders({ query }: Call, { store }: Context): Answer {
	const statuses = (query.status ?? 'any').split(',').map((status) => status.trim());
	if (statuses.some((status) => status !== 'any' && !ORDER_STATUSES.includes(status)))
		return error(400, 'rest_invalid_param', 'Invalid parameter(s): status');
	let rows = store.orders.filter((order) =>
		statuses.includes('any') ? order.status !== 'trash' : statuses.includes(order.status),
	);
	if (query.after) rows = rows.filter((order) => order.date_created > query.after.slice(0, 19));
	if (query.before) rows = rows.filter((order) => order.date_created < query.before.slice(0, 19));
	if (query.search)
		rows = rows.filter((order) =>
			JSON.stringify([order.number, order.billing, order.shipping])
				.toLowerCase()
				.includes(query.search.toLowerCase()),
		);
	if (query.customer)
		rows = rows.filter((order) => Number(order.customer_id ?? 0) === Number(query.customer));
	if (query.product)
		rows = rows.filter((order) =>
			order.line_items.some((line) => line.product_id === Number(query.product)),
		);
	const key =
		query.orderby === 'id'
			? (order: WooOrder) => String(order.id).padStart(12, '0')
			: (order: WooOrder) => order.date_created;
	rows = [...rows].sort((a, b) => key(a).localeCompare(key(b)));
	if ((query.order ?? 'desc') === 'desc') rows.reverse();
	return paged(rows, query);
}

/** A status change as WooCommerce makes it: dates, the system's note, and (by the caller) order.updated. */
function changeStatus(order: WooOrder, status: string, context: Context) {
	const from = order.status;
	if (from === status) return;
	order.status = status;
	if (status === 'completed') order.date_completed = context.now();
	addNote(
		context.store,
		order.id,
		`Order status changed from ${STATUS_LABELS[from] ?? from} to ${STATUS_LABELS[status] ?? status}.`,
		false,
		context.now(),
	);
}

function addNote(
	store: WooStore,
	orderId: number,
	note: string,
	customerNote: boolean,
	now: string,
): WooNote {
	const stored: WooNote = {
		id: store.nextNoteId++,
		author: 'system',
		date_created: now,
		date_created_gmt: now,
		note,
		customer_note: customerNote,
	};
	(store.notes[orderId] ??= []).push(stored);
	return stored;
}

function updateOrder({ params: [id], body }: Call, context: Context): Answer {
	const order = orderById(context.store, id);
	if (!order) return invalidOrder();
	if (body.status !== undefined && !ORDER_STATUSES.includes(String(body.status)))
		return error(400, 'rest_invalid_param', 'Invalid parameter(s): status');
	for (const [field, value] of Object.entries(body)) {
		if (field === 'status') continue;
		if ((field === 'billing' || field === 'shipping') && value && typeof value === 'object')
			Object.assign(order[field], value);
		else if (field === 'meta_data' && Array.isArray(value)) {
			for (const entry of value as Array<{ key: string; value: unknown }>) {
				const existing = order.meta_data.find((meta) => meta.key === entry.key);
				if (existing) existing.value = entry.value;
				else
					order.meta_data.push({
						id: order.meta_data.length + 1,
						key: entry.key,
						value: entry.value,
					});
			}
		} else order[field] = value;
	}
	if (body.status !== undefined) changeStatus(order, String(body.status), context);
	order.date_modified = context.now();
	context.orderUpdated(order);
	return ok(order);
}

function addOrderNote({ params: [id], body }: Call, context: Context): Answer {
	const order = orderById(context.store, id);
	if (!order) return invalidOrder();
	if (typeof body.note !== 'string' || body.note.trim() === '')
		return error(400, 'rest_missing_callback_param', 'Missing parameter(s): note');
	return ok(
		addNote(
			context.store,
			order.id,
			body.note,
			body.customer_note === true || body.customer_note === 'true',
			context.now(),
		),
		201,
	);
}

function listNotes({ params: [id], query }: Call, { store }: Context): Answer {
	const order = orderById(store, id);
	if (!order) return invalidOrder();
	const type = query.type ?? 'any';
	if (!['any', 'customer', 'internal'].includes(type))
		return error(400, 'rest_invalid_param', 'Invalid parameter(s): type');
	const notes = (store.notes[order.id] ?? []).filter(
		(note) => type === 'any' || note.customer_note === (type === 'customer'),
	);
	// Newest first, as WooCommerce lists them.
	return ok([...notes].reverse());
}

/** A webhook as the API shows it: never its secret. */
const shownWebhook = ({ secret: _secret, failures: _failures, ...webhook }: WooWebhook) => webhook;

function createWebhook({ body }: Call, context: Context): Answer {
	const missing = ['topic', 'delivery_url'].filter(
		(field) => typeof body[field] !== 'string' || body[field] === '',
	);
	if (missing.length)
		return error(400, 'rest_missing_callback_param', `Missing parameter(s): ${missing.join(', ')}`);
	const topic = String(body.topic);
	if (!WEBHOOK_TOPIC.test(topic))
		return error(400, 'rest_invalid_param', 'Invalid parameter(s): topic');
	const [resource, event] = topic.split('.');
	const now = context.now();
	const webhook: WooWebhook = {
		id: context.store.nextWebhookId++,
		name: typeof body.name === 'string' ? body.name : `Webhook created on ${now}`,
		status: (['active', 'paused', 'disabled'].includes(String(body.status))
			? body.status
			: 'active') as WooWebhook['status'],
		topic,
		resource,
		event,
		hooks: WEBHOOK_HOOKS[topic] ?? [`woocommerce_${event}_${resource}`],
		delivery_url: String(body.delivery_url),
		secret:
			typeof body.secret === 'string' && body.secret ? body.secret : `generated-secret-${now}`,
		date_created: now,
		date_modified: now,
		failures: 0,
	};
	context.store.webhooks.push(webhook);
	return ok(shownWebhook(webhook), 201);
}

function listWebhooks({ query }: Call, { store }: Context): Answer {
	const status = query.status ?? 'all';
	if (!['all', 'active', 'paused', 'disabled'].includes(status))
		return error(400, 'rest_invalid_param', 'Invalid parameter(s): status');
	return paged(
		store.webhooks
			.filter((webhook) => status === 'all' || webhook.status === status)
			.map(shownWebhook),
		query,
	);
}

function deleteWebhook({ params: [id], query }: Call, { store }: Context): Answer {
	const index = store.webhooks.findIndex((webhook) => webhook.id === Number(id));
	if (index < 0) return error(404, 'woocommerce_rest_webhook_invalid_id', 'Invalid ID.');
	if (query.force !== 'true' && query.force !== '1')
		return error(501, 'woocommerce_rest_trash_not_supported', 'Webhooks do not support trashing.');
	const [removed] = store.webhooks.splice(index, 1);
	return ok(shownWebhook(removed));
}

const ROUTES: Route[] = [
	{
		method: 'GET',
		pattern: /^\/products\/categories$/,
		query: ['per_page', 'page'],
		handle: (call) => paged([], call.query),
	},
	{
		method: 'GET',
		pattern: /^\/products\/(\d+)$/,
		query: [],
		handle: ({ params: [id] }, { store }) => {
			const product = store.products.find((candidate) => candidate.id === Number(id));
			return product
				? ok(product)
				: error(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
		},
	},
	{
		method: 'GET',
		pattern: /^\/orders$/,
		query: [
			'per_page',
			'page',
			'status',
			'after',
			'before',
			'search',
			'order',
			'orderby',
			'customer',
			'product',
			'dp',
		],
		handle: listOrders,
	},
	{
		method: 'GET',
		pattern: /^\/orders\/(\d+)$/,
		query: ['dp'],
		handle: ({ params: [id] }, { store }) =>
			orderById(store, id) ? ok(orderById(store, id)) : invalidOrder(),
	},
	{
		method: ['PUT', 'POST', 'PATCH'],
		pattern: /^\/orders\/(\d+)$/,
		query: [],
		body: ORDER_UPDATE_FIELDS,
		handle: updateOrder,
	},
	{ method: 'GET', pattern: /^\/orders\/(\d+)\/notes$/, query: ['type'], handle: listNotes },
	{
		method: 'POST',
		pattern: /^\/orders\/(\d+)\/notes$/,
		query: [],
		body: ['note', 'customer_note', 'added_by_user'],
		handle: addOrderNote,
	},
	{
		method: 'GET',
		pattern: /^\/webhooks$/,
		query: ['status', 'per_page', 'page'],
		handle: listWebhooks,
	},
	{
		method: 'POST',
		pattern: /^\/webhooks$/,
		query: [],
		body: ['delivery_url', 'topic', 'secret', 'status', 'name'],
		handle: createWebhook,
	},
	{ method: 'DELETE', pattern: /^\/webhooks\/(\d+)$/, query: ['force'], handle: deleteWebhook },
];

function findRoute(method: string, path: string): { route: Route; params: string[] } | undefined {
	for (const route of ROUTES) {
		const methods = Array.isArray(route.method) ? route.method : [route.method];
		const match = route.pattern.exec(path);
		if (match && methods.includes(method)) return { route, params: match.slice(1) };
	}
	return undefined;
}

/** Which keys the request carried, and whether they are the store's (WooCommerce checks the key first). */
function authenticate(
	request: IncomingMessage,
	query: URLSearchParams,
	key: string,
	secret: string,
): { auth: WooRequest['auth']; refused?: Answer } {
	const header = request.headers.authorization ?? '';
	let given: [string, string] | undefined;
	let auth: WooRequest['auth'] = 'none';
	if (/^Basic /i.test(header)) {
		const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		given = [decoded.slice(0, colon), decoded.slice(colon + 1)];
		auth = 'basic';
		// WooCommerce reads Basic keys only when both are there (PHP_AUTH_USER and PHP_AUTH_PW not empty); otherwise it
		// looks in the query, and without keys there the request is anonymous.
		if (!given[0] || !given[1]) {
			auth = 'basic-without-key';
			given = query.has('consumer_key')
				? [query.get('consumer_key') ?? '', query.get('consumer_secret') ?? '']
				: undefined;
		}
	} else if (query.has('consumer_key')) {
		given = [query.get('consumer_key') ?? '', query.get('consumer_secret') ?? ''];
		auth = 'query';
	}
	if (!given) {
		const verb =
			request.method === 'GET'
				? ['woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.']
				: ['woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.'];
		return { auth, refused: error(401, verb[0], verb[1]) };
	}
	if (given[0] !== key)
		return {
			auth,
			refused: error(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.'),
		};
	if (given[1] !== secret)
		return {
			auth,
			refused: error(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.'),
		};
	return { auth };
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let text = '';
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => (text += chunk));
		request.on('end', () => resolve(text));
		request.on('error', reject);
	});
}

function parseBody(text: string, contentType: string): Record<string, unknown> | undefined {
	if (!text) return {};
	if (contentType.includes('application/x-www-form-urlencoded'))
		return Object.fromEntries(new URLSearchParams(text));
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

export async function startWooStandIn(options: WooStandInOptions = {}): Promise<WooStandIn> {
	const key = options.consumerKey ?? WOO_CONSUMER_KEY;
	const secret = options.consumerSecret ?? WOO_CONSUMER_SECRET;
	const disableAfter = options.disableAfterFailures ?? 5;
	const store = seedStore(options.seed !== false);
	const requests: WooRequest[] = [];
	const deliveries: WooDelivery[] = [];
	const deviations: WooDeviation[] = [];
	const pending = new Set<Promise<unknown>>();
	const sockets = new Set<Socket>();
	let url = '';

	/** WordPress's local time, as WooCommerce shows dates (no zone). */
	const now = () => new Date().toISOString().slice(0, 19);

	async function deliver(
		topic: string,
		order: WooOrder,
		deliverOptions: DeliverOptions = {},
	): Promise<WooDelivery[]> {
		const hooks = store.webhooks.filter(
			(webhook) => webhook.status === 'active' && webhook.topic === topic,
		);
		const sent = await Promise.all(
			hooks.map((webhook) => postDelivery(url, webhook, order, deliverOptions)),
		);
		for (const delivery of sent) {
			deliveries.push(delivery);
			const webhook = store.webhooks.find((candidate) => candidate.id === delivery.webhookId);
			// Only WooCommerce's own deliveries count towards disabling a webhook.
			if (!webhook || delivery.kind !== 'genuine') continue;
			webhook.failures = delivery.status >= 200 && delivery.status < 300 ? 0 : webhook.failures + 1;
			if (webhook.failures >= disableAfter) webhook.status = 'disabled';
		}
		return sent;
	}

	const context: Context = {
		store,
		now,
		orderUpdated: (order) => {
			// WooCommerce delivers from its queue, after the request that changed the order has been answered.
			const sending = new Promise((resolve) => setImmediate(resolve)).then(() =>
				deliver('order.updated', structuredClone(order)),
			);
			pending.add(sending);
			void sending.finally(() => pending.delete(sending));
		},
	};

	function send(response: ServerResponse, answer: Answer, requestUrl: URL) {
		const links = [`<${url}/wp-json/>; rel="https://api.w.org/"`];
		if (answer.page) {
			const { total, perPage, page } = answer.page;
			const pages = Math.max(1, Math.ceil(total / perPage));
			response.setHeader('X-WP-Total', String(total));
			response.setHeader('X-WP-TotalPages', String(pages));
			const pageUrl = (number: number) => {
				const next = new URL(requestUrl.toString());
				for (const name of ['consumer_key', 'consumer_secret']) next.searchParams.delete(name);
				next.searchParams.set('page', String(number));
				return `${url}${next.pathname}${next.search}`;
			};
			if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, pages))}>; rel="prev"`);
			if (page < pages) links.push(`<${pageUrl(page + 1)}>; rel="next"`);
		}
		// Separate Link headers, as WordPress sends them (Node joins them with ", " for the client).
		response.setHeader('Link', links);
		response.setHeader('Content-Type', 'application/json; charset=UTF-8');
		response.statusCode = answer.status;
		response.end(JSON.stringify(answer.body));
	}

	async function handle(request: IncomingMessage, response: ServerResponse) {
		const requestUrl = new URL(request.url ?? '/', 'https://stand-in.invalid');
		const method = request.method ?? 'GET';
		const text = await readBody(request);
		const path = requestUrl.pathname.startsWith(`${API_PREFIX}/`)
			? requestUrl.pathname.slice(API_PREFIX.length)
			: requestUrl.pathname;
		const query = Object.fromEntries(
			[...requestUrl.searchParams].filter(
				([name]) => name !== 'consumer_key' && name !== 'consumer_secret',
			),
		);
		const record: WooRequest = { method, path, query, auth: 'none', status: 0 };
		requests.push(record);
		const reply = (answer: Answer) => {
			record.status = answer.status;
			send(response, answer, requestUrl);
		};

		const found = requestUrl.pathname.startsWith(`${API_PREFIX}/`)
			? findRoute(method, path)
			: undefined;
		if (!found) {
			deviations.push({
				method,
				path: requestUrl.pathname,
				what: 'a route WooCommerce REST v3 does not have (or the stand-in does not know)',
			});
			return reply(
				error(404, 'rest_no_route', 'No route was found matching the URL and request method.'),
			);
		}
		const { auth, refused } = authenticate(request, requestUrl.searchParams, key, secret);
		record.auth = auth;
		if (refused) return reply(refused);
		for (const name of Object.keys(query)) {
			if (!found.route.query.includes(name))
				deviations.push({ method, path, what: `query parameter ${name}` });
		}
		const body = parseBody(text, String(request.headers['content-type'] ?? ''));
		if (body === undefined)
			return reply(error(400, 'rest_invalid_json', 'Invalid JSON body passed.'));
		if (text) record.body = body;
		for (const field of Object.keys(body)) {
			if (!(found.route.body ?? []).includes(field))
				deviations.push({ method, path, what: `body field ${field}` });
		}
		reply(found.route.handle({ method, path, params: found.params, query, body }, context));
	}

	const listener = (request: IncomingMessage, response: ServerResponse) => {
		handle(request, response).catch((failure: Error) => {
			response.statusCode = 500;
			response.end(
				JSON.stringify({
					code: 'internal_server_error',
					message: failure.message,
					data: { status: 500 },
				}),
			);
		});
	};
	const server: Server = options.tls
		? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
		: createHttpServer(listener);
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	// TLS sockets are tracked through the underlying connection as well.
	server.on('secureConnection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		get url() {
			return url;
		},
		store,
		requests,
		deliveries,
		deviations,
		async createOrder(seed) {
			const order = orderOf(store, { date: now(), ...seed });
			store.orders.push(order);
			store.notes[order.id] = [];
			return { order, deliveries: await deliver('order.created', structuredClone(order)) };
		},
		deliver,
		async settled() {
			while (pending.size) await Promise.all([...pending]);
		},
		notesOf: (orderId) => store.notes[orderId] ?? [],
		orderOf: (id) => store.orders.find((order) => order.id === id),
		async close() {
			await Promise.all([...pending]).catch(() => undefined);
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

import { KEY_FIELDS, SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from './accounts';
import { addressBookRoutes } from './routes/addressbook';
import { fail, type RouteAnswer, type Route, type SandboxSettings } from './routes/envelope';
import { orderRoutes, findOrder } from './routes/orders';
import { productRoutes } from './routes/products';
import { summaryRoutes } from './routes/summary';
import { printOrder, setTracking, shippingRoutes } from './routes/shipping';
import { bulkOrders, seedStore } from './seed';
import { pageAnswer } from './page';
import { checkRequest } from './strict/check';
import { noteDeviations } from './strict/registry';
import type { Deviation, Fault, Json, RecordedRequest, SandboxStore } from './types';
import { postWebhook, webhookPayload, type SendOptions } from './webhooks';

export { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY };

const ROUTES: Record<string, Route> = {
	...orderRoutes,
	...shippingRoutes,
	...productRoutes,
	...summaryRoutes,
	...addressBookRoutes,
};

export interface SandboxOptions {
	port?: number;
	host?: string;
	/** Requests per second per subscription key (sliding 1 s window); null for none. Default none. */
	rateLimitPerSecond?: number | null;
	/** Load from and save to this JSON file (optional persistence for the demo). */
	dataFile?: string;
	/** Start with the demo seed (default) or empty. */
	seed?: boolean;
}

export interface Sandbox {
	url: string;
	store: SandboxStore;
	settings: SandboxSettings;
	requests: RecordedRequest[];
	/** How requests departed from the API notes (test/sandbox/strict/); the jest harness fails a test that leaves any. */
	deviations: Deviation[];
	/** What workflows posted to /__sandbox/inbox: a stand-in for the merchant's shop receiving tracking. */
	inbox: Json[];
	stats: { requests: number; rateLimited: number; byRoute: Record<string, number> };
	faults: { add(fault: Fault): void; clear(): void; list: Fault[] };
	setRateLimit(perSecond: number | null): void;
	setWebhook(url: string | null, secret?: string): void;
	setOrderStatus(idOrNumber: string | number, trackingStatus: string): Promise<void>;
	sendTrackingWebhook(
		orderNumber: string,
		options?: SendOptions,
	): Promise<{ status: number; body: string }>;
	seedBulkOrders(count: number): void;
	reset(): void;
	close(): Promise<void>;
}

const GATEWAY_401 = {
	statusCode: 401,
	message:
		'Access denied due to missing or invalid subscription key. Make sure to provide a valid key for an active subscription.',
};
const API_KEY_403 = { statusCode: 403, message: 'Access denied due to invalid API key.' };

/** The body as recorded: an account key in it (the assign request's) shown as [key], never kept. */
function withoutKeys(body: Json): Json {
	const orders = (body as { orders?: unknown }).orders;
	if (
		!Array.isArray(orders) ||
		!orders.some(
			(order) => order && typeof order === 'object' && KEY_FIELDS.some((field) => field in order),
		)
	)
		return body;
	const masked = orders.map((order: Json) =>
		order && typeof order === 'object'
			? Object.fromEntries(
					Object.entries(order).map(([field, value]) => [
						field,
						KEY_FIELDS.includes(field) ? '[key]' : value,
					]),
				)
			: order,
	);
	return { ...body, orders: masked };
}

/** The `drop-last-line` fault: each order of a write body as if its last item line had not been sent. */
function withoutLastLines(body: Json): Json {
	const shorten = (order: Json) =>
		order && typeof order === 'object' && Array.isArray((order as { items?: unknown }).items)
			? { ...(order as object), items: (order as { items: Json[] }).items.slice(0, -1) }
			: order;
	const envelope = body as { order?: Json; orders?: Json[] };
	if (Array.isArray(envelope?.orders))
		return { ...envelope, orders: envelope.orders.map(shorten) } as Json;
	if (envelope?.order) return { ...envelope, order: shorten(envelope.order) } as Json;
	return body;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const load = () =>
		options.dataFile && existsSync(options.dataFile)
			? (JSON.parse(readFileSync(options.dataFile, 'utf8')) as SandboxStore)
			: seedStore();
	let store = options.seed === false ? { ...seedStore(), orders: [], products: [] } : load();
	let rateLimit = options.rateLimitPerSecond ?? null;
	let webhook: { url: string; secret?: string } | null = null;
	const recent: number[] = [];
	const faultList: Fault[] = [];
	const pendingWebhooks = new Set<Promise<unknown>>();
	const sockets = new Set<import('node:net').Socket>();

	const settings: SandboxSettings = {
		labelFormat: 'pdf',
		onTrackingChange: (orderNumber) => {
			if (!webhook) return;
			const sending = sandbox.sendTrackingWebhook(orderNumber).catch(() => undefined);
			pendingWebhooks.add(sending);
			void sending.finally(() => pendingWebhooks.delete(sending));
		},
	};

	const save = () =>
		options.dataFile && writeFileSync(options.dataFile, JSON.stringify(store, null, '\t'));

	function takeFault(method: string, path: string): Fault | undefined {
		const fault = faultList.find(
			(row) => (!row.method || row.method === method) && row.path === path,
		);
		if (!fault) return undefined;
		if (fault.times !== undefined && --fault.times <= 0)
			faultList.splice(faultList.indexOf(fault), 1);
		return fault;
	}

	function overLimit(now: number) {
		if (rateLimit === null) return false;
		while (recent.length && recent[0] <= now - 1000) recent.shift();
		if (recent.length >= rateLimit) return true;
		recent.push(now);
		return false;
	}

	/** The request body as an object; undefined when it is not JSON or not an object. */
	function parseBody(raw: string): Json | undefined {
		if (!raw) return {};
		try {
			const parsed: unknown = JSON.parse(raw);
			return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
				? (parsed as Json)
				: undefined;
		} catch {
			return undefined;
		}
	}

	async function handle(request: IncomingMessage, response: ServerResponse, raw: string) {
		const url = new URL(request.url ?? '/', 'http://sandbox');
		const method = request.method ?? 'GET';
		const query = Object.fromEntries(url.searchParams);
		const now = Date.now();
		const body = parseBody(raw);
		if (!body) {
			response.writeHead(400, { 'content-type': 'application/json' });
			return response.end(
				JSON.stringify({
					success: false,
					errors: [{ message: 'The request body is not a JSON object', details: '' }],
				}),
			);
		}
		if (url.pathname.startsWith('/__sandbox/')) {
			const answer = control(method, url.pathname, body);
			response.writeHead(answer.status, { 'content-type': 'application/json' });
			return response.end(JSON.stringify(answer.body));
		}
		// The sandbox's own page (GET /, its PDFs): not part of the API, so neither keyed, recorded nor checked.
		const page = pageAnswer(method, url.pathname, request.socket.remoteAddress, {
			store,
			requests,
		});
		if (page) {
			response.writeHead(page.status, page.headers);
			return response.end(page.body);
		}

		stats.requests++;
		const routeKey = `${method} ${url.pathname}`;
		stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;
		const record: RecordedRequest = {
			method,
			path: url.pathname,
			query,
			status: 0,
			at: new Date(now).toISOString(),
			body: raw ? withoutKeys(body) : undefined,
		};
		// The `truncated` fault: the answer's JSON is cut in half (set once the fault is known, below).
		let cutInHalf = false;
		requests.push(record);
		const deviations = checkRequest({
			method,
			path: url.pathname,
			query: url.searchParams,
			body: raw ? body : undefined,
		});
		sandbox.deviations.push(...deviations);
		noteDeviations(sandbox.url, deviations);

		function send(answer: RouteAnswer, headers: Record<string, string> = {}) {
			record.status = answer.status;
			const text = JSON.stringify(answer.body);
			response.writeHead(answer.status, { 'content-type': 'application/json', ...headers });
			response.end(cutInHalf ? text.slice(0, Math.floor(text.length / 2)) : text);
		}

		if (request.headers['ocp-apim-subscription-key'] !== SANDBOX_SUBSCRIPTION_KEY)
			return send({ status: 401, body: GATEWAY_401 });
		if (overLimit(now)) {
			stats.rateLimited++;
			return send(
				{
					status: 429,
					body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' },
				},
				{ 'retry-after': '1' },
			);
		}
		if (request.headers['starshipit-api-key'] !== SANDBOX_API_KEY)
			return send({ status: 403, body: API_KEY_403 });

		const fault = takeFault(method, url.pathname);
		cutInHalf = fault?.kind === 'truncated';
		if (fault?.kind === 'drop') return request.socket.destroy();
		if (fault?.kind === 'timeout') return; // never answers; the client's timeout decides
		if (fault?.kind === 'slow')
			await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2000));
		if (fault?.kind === 'status') {
			if (fault.status === 429) stats.rateLimited++;
			const headers: Record<string, string> =
				fault.retryAfterSeconds !== undefined
					? { 'retry-after': String(fault.retryAfterSeconds) }
					: {};
			return send(
				{
					status: fault.status ?? 500,
					body: fault.body ?? {
						success: false,
						errors: [{ message: 'Internal server error', details: '' }],
					},
				},
				headers,
			);
		}

		// Refused as Starshipit refuses invalid input (the notes' error sample: "Validation failed"), after the gateway's checks.
		const refused = deviations.filter((deviation) => deviation.refused);
		if (refused.length)
			return send(
				fail(400, 'Validation failed', refused.map((deviation) => deviation.what).join('; ')),
			);
		const route = ROUTES[routeKey];
		if (!route)
			return send({ status: 404, body: { statusCode: 404, message: 'Resource not found' } });
		const answer = route({
			query,
			body: fault?.kind === 'drop-last-line' ? withoutLastLines(body) : body,
			store,
			now,
			settings,
		});
		if (method !== 'GET') save();
		if (fault?.kind === 'drop-after-write') {
			record.status = answer.status;
			return request.socket.destroy();
		}
		if (fault?.kind === 'late-answer')
			await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2000));
		send(answer);
	}

	/** Control endpoints for the demo, the end-to-end suite and the benchmark (no keys needed). */
	function control(method: string, path: string, body: Json): RouteAnswer {
		const done = (extra: Json = {}) => ({ status: 200, body: { ok: true, ...extra } });
		if (path === '/__sandbox/stats')
			return done({ stats, orders: store.orders.length, products: store.products.length });
		if (path === '/__sandbox/reset') return (sandbox.reset(), done());
		if (path === '/__sandbox/rate-limit')
			return (sandbox.setRateLimit((body.perSecond as number | null) ?? null), done());
		if (path === '/__sandbox/webhook')
			return (
				sandbox.setWebhook((body.url as string) ?? null, body.secret as string | undefined),
				done()
			);
		if (path === '/__sandbox/seed-bulk')
			return (sandbox.seedBulkOrders(Number(body.count ?? 0)), done());
		if (path === '/__sandbox/faults' && method === 'DELETE')
			return ((faultList.length = 0), done());
		if (path === '/__sandbox/faults') return (faultList.push(body as unknown as Fault), done());
		if (path === '/__sandbox/deviations') return done({ deviations: sandbox.deviations });
		if (path === '/__sandbox/inbox' && method === 'GET') return done({ inbox });
		if (path === '/__sandbox/inbox') return (inbox.push(body), done());
		if (path === '/__sandbox/order-status') {
			void sandbox.setOrderStatus(body.order as string, String(body.status));
			return done();
		}
		return { status: 404, body: { ok: false, message: `Unknown control ${path}` } };
	}

	const requests: RecordedRequest[] = [];
	const inbox: Json[] = [];
	const stats = { requests: 0, rateLimited: 0, byRoute: {} as Record<string, number> };
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			// A bug in a route answers 500, as a real server would, instead of stopping the sandbox.
			handle(request, response, Buffer.concat(chunks).toString('utf8')).catch((error: Error) => {
				if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
				response.end(
					JSON.stringify({
						success: false,
						errors: [{ message: `Sandbox error: ${error.message}`, details: '' }],
					}),
				);
			});
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) =>
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
	);
	const { port } = server.address() as AddressInfo;

	const sandbox: Sandbox = {
		url: `http://127.0.0.1:${port}`,
		get store() {
			return store;
		},
		settings,
		requests,
		deviations: [],
		inbox,
		stats,
		faults: {
			add: (fault) => faultList.push({ ...fault }),
			clear: () => (faultList.length = 0),
			list: faultList,
		},
		setRateLimit: (perSecond) => {
			rateLimit = perSecond;
			recent.length = 0;
		},
		setWebhook: (url, secret) => {
			webhook = url ? { url, secret } : null;
		},
		async setOrderStatus(idOrNumber, trackingStatus) {
			const order = findOrder(store, idOrNumber, idOrNumber);
			if (!order) throw new Error(`The sandbox has no order ${String(idOrNumber)}`);
			const context = { query: {}, body: {}, store, now: Date.now(), settings };
			if (!order.tracking_number) printOrder(context, order);
			if (trackingStatus !== 'Printed')
				setTracking(context, order, trackingStatus, `Status changed to ${trackingStatus}`);
			if (trackingStatus !== 'Printed' && order.status === 'Printed') order.status = 'Shipped';
			save();
			await Promise.all([...pendingWebhooks]);
		},
		async sendTrackingWebhook(orderNumber, sendOptions) {
			if (!webhook) throw new Error('No webhook URL configured: call setWebhook first');
			const order = findOrder(store, undefined, orderNumber);
			if (!order) throw new Error(`The sandbox has no order ${orderNumber}`);
			return postWebhook(webhook.url, webhookPayload(order), webhook.secret, sendOptions);
		},
		seedBulkOrders: (count) => bulkOrders(store, count),
		/** Back to how the sandbox started: the seed, no faults, records or deviations, its start-up rate limit, PDF labels, no webhook. */
		reset() {
			store = seedStore();
			faultList.length = 0;
			requests.length = 0;
			sandbox.deviations.length = 0;
			inbox.length = 0;
			Object.assign(stats, { requests: 0, rateLimited: 0, byRoute: {} });
			sandbox.setRateLimit(options.rateLimitPerSecond ?? null);
			settings.labelFormat = 'pdf';
			sandbox.setWebhook(null);
			save();
		},
		async close() {
			await Promise.all([...pendingWebhooks]);
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	return sandbox;
}

/**
 * A local Shopify (Admin REST API) that real n8n reaches unchanged: n8n's Shopify node, Shopify Trigger and HTTP
 * Request build `https://{shop}.myshopify.com/admin/api/2024-07/…`; with `environment()` in n8n's environment, those
 * requests go through a loopback CONNECT proxy into this in-process TLS server, trusted through NODE_EXTRA_CA_CERTS.
 * Nothing leaves the machine. A request it does not know gets 404 and is recorded in `deviations`, so a new n8n that
 * asks something else shows up as a named failure. See /work/shared/shop-standins.md §5 for the design.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { shopCertificate } from '../tls';
import { postDelivery, type Delivery, type DeliveryOptions } from './deliveries';
import { startConnectProxy, type EgressEntry } from './proxy';
import { findRoute, NOT_FOUND, type RouteAnswer } from './routes';
import {
	addOrder,
	seedStore,
	THREE_LINE_ORDER,
	type Json,
	type OrderSeed,
	type ShopifyOrder,
	type ShopifyStore,
} from './store';

export { signShopifyBody, type Delivery, type DeliveryOptions } from './deliveries';
export {
	THREE_LINE_ORDER,
	SEED_ORDERS,
	type ShopifyOrder,
	type ShopifyStore,
	type OrderSeed,
	type FulfillmentOrder,
} from './store';
export type { EgressEntry } from './proxy';

/** Not secrets: the stand-in's fixed shop and keys, for tests and the demo to use in the open. */
export const SHOPIFY_SHOP = 'starshipit-test';
export const SHOPIFY_ACCESS_TOKEN = 'shopify-stand-in-access-token-not-a-secret';
export const SHOPIFY_APP_SECRET = 'shopify-stand-in-app-secret-not-a-secret';
/** The Admin API version n8n's Shopify node and credential test pin (n8n-nodes-base 2.40 / 2.41). */
export const EXPECTED_API_VERSION = '2024-07';

export interface ShopifyRequest {
	method: string;
	/** The path as sent, before `//` is collapsed. */
	rawPath: string;
	/** The path after `/admin/api/{version}`, normalised (no `//`, no `.json`). */
	path: string;
	shop: string;
	version: string;
	query: Record<string, string>;
	body: unknown;
	status: number;
	/** How the request authenticated: 'token', 'basic' or 'none'. */
	auth: string;
}

export interface ShopifyDeviation {
	method: string;
	path: string;
	detail: string;
}

export interface ShopifyStandInOptions {
	/** Where the certificate's PEM file is written (a test's temporary folder). */
	folder: string;
	/** Shop subdomains served (default: SHOPIFY_SHOP). */
	shops?: string[];
	accessToken?: string;
	appSecret?: string;
	/** The legacy `shopifyApi` credential's key and password (Basic), accepted beside the token. */
	basic?: { apiKey: string; password: string };
	/** Start with the seed orders #1001-#1003 (default) or none. */
	seed?: boolean;
}

export interface ShopifyStandIn {
	proxyUrl: string;
	caFile: string;
	store: ShopifyStore;
	requests: ShopifyRequest[];
	/** Requests the stand-in does not know: each is a failure of the test that leaves it. */
	deviations: ShopifyDeviation[];
	/** Known differences worth noticing, not failures: another API version, a non-https webhook address. */
	info: ShopifyDeviation[];
	deliveries: Delivery[];
	egress: EgressEntry[];
	/** The environment every n8n process needs to reach the stand-in (merge it into the process's environment). */
	environment(): NodeJS.ProcessEnv;
	/** A new order (default: three shippable lines and a gift card); fires orders/create and, when paid, orders/paid. */
	createOrder(seed?: OrderSeed): Promise<{ order: ShopifyOrder; deliveries: Delivery[] }>;
	/** Posts a payload to every webhook of the topic, signed as Shopify signs it unless told otherwise. */
	deliver(topic: string, payload: object, options?: DeliveryOptions): Promise<Delivery[]>;
	/** Waits until every delivery fired by a change has been answered. */
	settle(): Promise<void>;
	close(): Promise<void>;
}

const INVALID_LOGIN = {
	status: 401,
	body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
};
const API_PREFIX = /^\/admin\/api\/(\d{4}-\d{2}|unstable)(\/.*)?$/;

export async function startShopifyStandIn(options: ShopifyStandInOptions): Promise<ShopifyStandIn> {
	const { key, cert, caFile } = await shopCertificate(options.folder);
	const shops = options.shops ?? [SHOPIFY_SHOP];
	const accessToken = options.accessToken ?? SHOPIFY_ACCESS_TOKEN;
	const appSecret = options.appSecret ?? SHOPIFY_APP_SECRET;
	const store: ShopifyStore =
		options.seed === false ? { orders: [], fulfillmentOrders: [], webhooks: [] } : seedStore();
	const requests: ShopifyRequest[] = [];
	const deviations: ShopifyDeviation[] = [];
	const info: ShopifyDeviation[] = [];
	const deliveries: Delivery[] = [];
	const pending = new Set<Promise<unknown>>();

	function deliver(
		topic: string,
		payload: object,
		deliveryOptions: DeliveryOptions = {},
		shop = shops[0],
	): Promise<Delivery[]> {
		const targets = store.webhooks.filter((webhook) => webhook.topic === topic);
		const sending = Promise.all(
			targets.map((webhook) =>
				postDelivery(
					{
						topic,
						address: webhook.address,
						shopDomain: `${shop}.myshopify.com`,
						apiVersion: webhook.api_version,
						appSecret,
					},
					payload,
					deliveryOptions,
				),
			),
		).then((sent) => (deliveries.push(...sent), sent));
		pending.add(sending);
		void sending.finally(() => pending.delete(sending));
		return sending;
	}

	/** Who the request is from: the access token, or Basic key:password for the legacy credential. */
	function authOf(request: IncomingMessage): string | undefined {
		if (request.headers['x-shopify-access-token'] === accessToken) return 'token';
		const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
		if (
			basic &&
			options.basic &&
			Buffer.from(basic, 'base64').toString('utf8') ===
				`${options.basic.apiKey}:${options.basic.password}`
		)
			return 'basic';
		return undefined;
	}

	function answer(request: IncomingMessage, raw: string, record: ShopifyRequest): RouteAnswer {
		const shop = record.shop.replace(/\.myshopify\.com$/, '');
		if (!shops.includes(shop)) return NOT_FOUND;
		const url = new URL(request.url ?? '/', 'https://shop.invalid');
		const collapsed = url.pathname.replace(/\/{2,}/g, '/');
		const prefix = API_PREFIX.exec(collapsed);
		const deviate = (detail: string) =>
			deviations.push({ method: record.method, path: record.rawPath, detail });
		if (!prefix) return (deviate('not an Admin REST API path (/admin/api/{version}/…)'), NOT_FOUND);
		record.version = prefix[1];
		if (record.version !== EXPECTED_API_VERSION)
			info.push({
				method: record.method,
				path: record.rawPath,
				detail: `API version ${record.version}, not ${EXPECTED_API_VERSION}`,
			});
		record.path = (prefix[2] ?? '/').replace(/\.json$/, '');
		const auth = authOf(request);
		record.auth = auth ?? 'none';
		if (!auth) return INVALID_LOGIN;
		const found = findRoute(record.method, record.path);
		if (!found) return (deviate(`no route ${record.method} ${record.path}`), NOT_FOUND);
		for (const name of Object.keys(record.query))
			if (!found.route.query.includes(name))
				deviate(
					`query parameter "${name}" is not one Shopify documents for ${record.method} ${record.path}`,
				);
		let body: Json = {};
		if (raw) {
			try {
				body = JSON.parse(raw) as Json;
			} catch {
				return { status: 400, body: { errors: 'Bad Request: the body is not JSON' } };
			}
			record.body = body;
		}
		const emit = (topic: string, payload: object) =>
			void deliver(topic, structuredClone(payload), {}, shop);
		const note = (detail: string) =>
			info.push({ method: record.method, path: record.rawPath, detail });
		return found.route.handle({
			shop: record.shop,
			version: record.version,
			query: record.query,
			body,
			params: found.params,
			store,
			emit,
			deviate,
			note,
			now: () => new Date().toISOString(),
		});
	}

	function handle(request: IncomingMessage, response: ServerResponse, raw: string) {
		const url = new URL(request.url ?? '/', 'https://shop.invalid');
		const record: ShopifyRequest = {
			method: request.method ?? 'GET',
			rawPath: url.pathname,
			path: '',
			shop: (request.headers.host ?? '').replace(/:\d+$/, ''),
			version: '',
			query: Object.fromEntries(url.searchParams),
			body: undefined,
			status: 0,
			auth: 'none',
		};
		const result = answer(request, raw, record);
		record.status = result.status;
		requests.push(record);
		response.writeHead(result.status, {
			'content-type': 'application/json; charset=utf-8',
			...result.headers,
		});
		response.end(JSON.stringify(result.body));
	}

	const tlsServer: Server = createServer({ key, cert }, (request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
	});
	const proxy = await startConnectProxy(tlsServer);

	const settle = async () => {
		while (pending.size) await Promise.all([...pending]);
	};

	return {
		proxyUrl: proxy.url,
		caFile,
		store,
		requests,
		deviations,
		info,
		deliveries,
		egress: proxy.egress,
		environment: () => ({
			// Both cases: proxy-from-env (n8n's router) prefers the lowercase one.
			HTTPS_PROXY: proxy.url,
			https_proxy: proxy.url,
			HTTP_PROXY: '',
			http_proxy: '',
			ALL_PROXY: '',
			all_proxy: '',
			// The Starshipit sandbox, n8n's own URLs and its task-runner broker stay direct.
			NO_PROXY: '127.0.0.1,localhost,::1',
			no_proxy: '127.0.0.1,localhost,::1',
			NODE_EXTRA_CA_CERTS: caFile,
		}),
		async createOrder(seed = THREE_LINE_ORDER) {
			const order = addOrder(store, seed);
			const topics = [
				'orders/create',
				...(order.financial_status === 'paid' ? ['orders/paid'] : []),
			];
			const sent = await Promise.all(topics.map((topic) => deliver(topic, structuredClone(order))));
			return { order, deliveries: sent.flat() };
		},
		deliver: (topic, payload, deliveryOptions) => deliver(topic, payload, deliveryOptions),
		settle,
		async close() {
			await settle();
			await proxy.close();
			tlsServer.close();
		},
	};
}

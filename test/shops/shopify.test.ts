/**
 * The Shopify stand-in's contract: each request shape n8n's Shopify credential test, Shopify Trigger and the
 * template's HTTP Request nodes send (double slash, with and without `.json`), replayed through the CONNECT proxy as
 * n8n's agents send it, with Shopify's answers; the proxy tunnels nothing but `*.myshopify.com:443`; deliveries are
 * signed as n8n's Shopify Trigger checks them. Real n8n against the stand-in: test/e2e/shopify.e2e.test.ts.
 */
import { createHmac } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openTunnel, proxiedRequest } from './shopify/client';
import {
	SHOPIFY_ACCESS_TOKEN,
	SHOPIFY_APP_SECRET,
	SHOPIFY_SHOP,
	startShopifyStandIn,
	type ShopifyStandIn,
} from './shopify';

const HOST = `${SHOPIFY_SHOP}.myshopify.com`;
const API = `https://${HOST}/admin/api/2024-07`;
const TOKEN = { 'x-shopify-access-token': SHOPIFY_ACCESS_TOKEN };

let folder: string;
let shop: ShopifyStandIn;
let ca: string;

/** What n8n sends: `https://{shop}.myshopify.com/admin/api/2024-07/` + a resource that starts with `/`. */
const call = (
	resource: string,
	options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) =>
	proxiedRequest(shop.proxyUrl, ca, `${API}/${resource}`, {
		...options,
		headers: { ...TOKEN, ...options.headers },
	});

beforeEach(async () => {
	folder = mkdtempSync(join(tmpdir(), 'shopify-stand-in-'));
	shop = await startShopifyStandIn({ folder });
	ca = readFileSync(shop.caFile, 'utf8');
});
afterEach(async () => {
	await shop.close();
	rmSync(folder, { recursive: true, force: true });
});

/** A receiver standing in for n8n's webhook URL: the raw body and headers of each delivery. */
async function receiver(): Promise<{
	url: string;
	received: Array<{ headers: IncomingMessage['headers']; raw: string }>;
	close(): Promise<void>;
}> {
	const received: Array<{ headers: IncomingMessage['headers']; raw: string }> = [];
	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ headers: request.headers, raw: Buffer.concat(chunks).toString('utf8') });
			response
				.writeHead(200, { 'content-type': 'application/json' })
				.end('{"message":"Webhook call received"}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/some-id/webhook`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** n8n's Shopify Trigger's check, restated: all four headers present, base64 HMAC-SHA256 of the raw body equal. */
function passesN8nCheck(
	delivery: { headers: IncomingMessage['headers']; raw: string },
	topic: string,
): boolean {
	const headers = delivery.headers;
	if (
		!headers['x-shopify-topic'] ||
		!headers['x-shopify-hmac-sha256'] ||
		!headers['x-shopify-shop-domain'] ||
		!headers['x-shopify-api-version']
	)
		return false;
	return (
		headers['x-shopify-hmac-sha256'] ===
			createHmac('sha256', SHOPIFY_APP_SECRET).update(delivery.raw).digest('base64') &&
		headers['x-shopify-topic'] === topic
	);
}

describe('the proxy', () => {
	test('tunnels only *.myshopify.com:443, refuses the rest with 403, and logs each attempt', async () => {
		expect((await openTunnel(shop.proxyUrl, 'example.com', 443, ca)).status).toBe(403);
		expect((await openTunnel(shop.proxyUrl, HOST, 80, ca)).status).toBe(403);
		expect((await openTunnel(shop.proxyUrl, 'myshopify.com.example.net', 443, ca)).status).toBe(
			403,
		);
		const plain = await fetch(`${shop.proxyUrl}/`, { headers: { host: 'example.com' } });
		expect(plain.status).toBe(403);
		const tunnel = await openTunnel(shop.proxyUrl, HOST, 443, ca);
		expect(tunnel.status).toBe(200);
		tunnel.socket?.destroy();
		expect(shop.egress).toEqual([
			{ method: 'CONNECT', target: 'example.com:443', allowed: false },
			{ method: 'CONNECT', target: `${HOST}:80`, allowed: false },
			{ method: 'CONNECT', target: 'myshopify.com.example.net:443', allowed: false },
			{ method: 'GET', target: '/', allowed: false },
			{ method: 'CONNECT', target: `${HOST}:443`, allowed: true },
		]);
	});

	test('the TLS stand-in is verified: without its certificate as a CA the connection is refused', async () => {
		await expect(openTunnel(shop.proxyUrl, HOST, 443, '')).rejects.toThrow(
			/self[- ]signed|unable to verify/i,
		);
	});

	test('environment(): HTTPS_PROXY in both cases, nothing else proxied, loopback direct, the CA file', () => {
		expect(shop.environment()).toEqual({
			HTTPS_PROXY: shop.proxyUrl,
			https_proxy: shop.proxyUrl,
			HTTP_PROXY: '',
			http_proxy: '',
			ALL_PROXY: '',
			all_proxy: '',
			NO_PROXY: '127.0.0.1,localhost,::1',
			no_proxy: '127.0.0.1,localhost,::1',
			NODE_EXTRA_CA_CERTS: shop.caFile,
		});
		expect(readFileSync(shop.caFile, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
	});
});

describe('the Admin REST API as n8n calls it', () => {
	test('the credential test (GET products.json) passes with the token and fails in Shopify’s words without it', async () => {
		expect(await call('products.json').then((answer) => [answer.status, answer.json])).toEqual([
			200,
			{ products: [] },
		]);
		const refused = {
			errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
		};
		expect(
			await call('products.json', { headers: { 'x-shopify-access-token': 'wrong' } }).then(
				(answer) => [answer.status, answer.json],
			),
		).toEqual([401, refused]);
		expect(
			shop.requests.map((request) => [
				request.method,
				request.path,
				request.version,
				request.auth,
				request.status,
			]),
		).toEqual([
			['GET', '/products', '2024-07', 'token', 200],
			['GET', '/products', '2024-07', 'none', 401],
		]);
		expect(shop.deviations).toEqual([]);
	});

	test('the trigger’s webhook calls: list by topic (double slash, no .json), create, duplicate refused, delete', async () => {
		expect((await call('/webhooks?topic=orders%2Fpaid')).json).toEqual({ webhooks: [] });
		const address = 'http://127.0.0.1:5750/webhook/abc/webhook';
		const created = await call('/webhooks.json', {
			method: 'POST',
			body: { webhook: { topic: 'orders/paid', address, format: 'json' } },
		});
		expect(created.status).toBe(201);
		expect(created.json.webhook).toMatchObject({
			id: expect.any(Number),
			topic: 'orders/paid',
			address,
			format: 'json',
			api_version: '2024-07',
		});
		const duplicate = await call('/webhooks.json', {
			method: 'POST',
			body: { webhook: { topic: 'orders/paid', address, format: 'json' } },
		});
		expect([duplicate.status, duplicate.json]).toEqual([
			422,
			{ errors: { address: ['for this topic has already been taken'] } },
		]);
		expect(
			(await call('/webhooks?topic=orders%2Fpaid')).json.webhooks.map(
				(webhook: { address: string }) => webhook.address,
			),
		).toEqual([address]);
		expect((await call('/webhooks?topic=orders%2Fcreate')).json.webhooks).toEqual([]);
		expect(
			(await call(`/webhooks/${created.json.webhook.id}.json`, { method: 'DELETE' })).status,
		).toBe(200);
		expect(shop.store.webhooks).toEqual([]);
		expect(shop.requests[0].rawPath).toBe('/admin/api/2024-07//webhooks');
		// Accepted, unlike real Shopify, and noted (n8n's webhook URL here is http on loopback).
		expect(shop.info.map((entry) => entry.detail)).toEqual([
			`webhook address ${address} is not https (real Shopify refuses it)`,
		]);
		expect(shop.deviations).toEqual([]);
	});

	test('orders: one page at a time with Shopify’s Link header (previous before next), one order, fields, an update', async () => {
		const first = await call('/orders.json?limit=1');
		expect(first.json.orders.map((order: { name: string }) => order.name)).toEqual(['#1001']);
		const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))![1];
		const second = await proxiedRequest(shop.proxyUrl, ca, next, { headers: TOKEN });
		expect(second.json.orders.map((order: { name: string }) => order.name)).toEqual(['#1002']);
		expect(String(second.headers.link)).toMatch(/^<[^>]+>; rel="previous", <[^>]+>; rel="next"$/);
		const id = shop.store.orders[2].id;
		const one = await call(`/orders/${id}.json?fields=id,name`);
		expect(one.json).toEqual({ order: { id, name: '#1003' } });
		const updated = await call(`/orders/${id}.json`, {
			method: 'PUT',
			body: { order: { id, note: 'Gift wrap' } },
		});
		expect([updated.status, updated.json.order.note]).toEqual([200, 'Gift wrap']);
		expect((await call('/orders/1.json')).status).toBe(404);
		expect(shop.deviations).toEqual([]);
	});

	test('fulfillment orders and a fulfillment with tracking: the order is fulfilled; a second fulfillment gets Shopify’s 422', async () => {
		const order = shop.store.orders[2];
		const listed = await call(`orders/${order.id}/fulfillment_orders.json`);
		expect(listed.status).toBe(200);
		const [fulfillmentOrder] = listed.json.fulfillment_orders;
		expect(listed.json.fulfillment_orders).toHaveLength(1);
		// The gift card needs no shipping: only the poster is on the fulfillment order.
		expect(fulfillmentOrder).toMatchObject({
			order_id: order.id,
			status: 'open',
			line_items: [{ line_item_id: order.line_items[0].id, quantity: 1, fulfillable_quantity: 1 }],
		});
		const body = {
			fulfillment: {
				line_items_by_fulfillment_order: [{ fulfillment_order_id: fulfillmentOrder.id }],
				tracking_info: { number: 'SSI000001003', company: 'Australia Post' },
				notify_customer: true,
			},
		};
		const created = await call('fulfillments.json', { method: 'POST', body });
		expect(created.status).toBe(201);
		expect(created.json.fulfillment).toMatchObject({
			order_id: order.id,
			status: 'success',
			name: '#1003.1',
			tracking_number: 'SSI000001003',
			tracking_numbers: ['SSI000001003'],
			tracking_company: 'Australia Post',
		});
		expect(order.fulfillment_status).toBe('fulfilled');
		expect(order.fulfillments).toHaveLength(1);
		expect(order.fulfillments[0]).toMatchObject({
			tracking_number: 'SSI000001003',
			notify_customer: true,
		});
		expect(
			(await call(`orders/${order.id}/fulfillment_orders.json`)).json.fulfillment_orders[0].status,
		).toBe('closed');

		const again = await call('fulfillments.json', { method: 'POST', body });
		expect([again.status, again.json]).toEqual([
			422,
			{ errors: [`Fulfillment order ${fulfillmentOrder.id} has an unfulfillable status= closed.`] },
		]);
		expect(order.fulfillments).toHaveLength(1);
		expect(shop.deviations).toEqual([]);
	});

	test('part of a fulfillment order: the order is partial and the fulfillment order stays fulfillable', async () => {
		const order = shop.store.orders[1];
		const [fulfillmentOrder] = (await call(`orders/${order.id}/fulfillment_orders.json`)).json
			.fulfillment_orders;
		const line = fulfillmentOrder.line_items[1];
		const body = {
			fulfillment: {
				line_items_by_fulfillment_order: [
					{
						fulfillment_order_id: fulfillmentOrder.id,
						fulfillment_order_line_items: [{ id: line.id, quantity: 1 }],
					},
				],
			},
		};
		expect((await call('fulfillments.json', { method: 'POST', body })).status).toBe(201);
		expect(order.fulfillment_status).toBe('partial');
		expect(
			shop.store.fulfillmentOrders.find((candidate) => candidate.id === fulfillmentOrder.id)
				?.status,
		).toBe('in_progress');
	});

	test('a request it does not know gets 404 and is recorded; another API version is noted, not failed', async () => {
		expect((await call('customers.json')).status).toBe(404);
		// The fulfillment call Shopify removed (fulfillments now go through fulfillment orders).
		expect(
			(
				await call(`orders/${shop.store.orders[0].id}/fulfillments.json`, {
					method: 'POST',
					body: { fulfillment: {} },
				})
			).status,
		).toBe(404);
		expect((await call('orders.json?colour=blue')).status).toBe(200);
		expect(shop.deviations.map((deviation) => deviation.detail)).toEqual([
			'no route GET /customers',
			'no route POST /orders/' + String(shop.store.orders[0].id) + '/fulfillments',
			'query parameter "colour" is not one Shopify documents for GET /orders',
		]);
		const other = await proxiedRequest(
			shop.proxyUrl,
			ca,
			`https://${HOST}/admin/api/2025-01/products.json`,
			{ headers: TOKEN },
		);
		expect(other.status).toBe(200);
		expect(shop.info).toEqual([
			{
				method: 'GET',
				path: '/admin/api/2025-01/products.json',
				detail: 'API version 2025-01, not 2024-07',
			},
		]);
		shop.deviations.length = 0;
	});

	test('a shop it does not serve is not found', async () => {
		const answer = await proxiedRequest(
			shop.proxyUrl,
			ca,
			'https://your-shop.myshopify.com/admin/api/2024-07/products.json',
			{ headers: TOKEN },
		);
		expect(answer.status).toBe(404);
	});
});

describe('deliveries', () => {
	test('a new paid order fires orders/create and orders/paid, each signed as n8n’s Shopify Trigger checks it', async () => {
		const hook = await receiver();
		try {
			for (const topic of ['orders/create', 'orders/paid'])
				await call('webhooks.json', {
					method: 'POST',
					body: { webhook: { topic, address: hook.url, format: 'json' } },
				});
			const { order, deliveries } = await shop.createOrder();
			expect(deliveries.map((delivery) => [delivery.topic, delivery.status])).toEqual([
				['orders/create', 200],
				['orders/paid', 200],
			]);
			expect(hook.received).toHaveLength(2);
			for (const topic of ['orders/create', 'orders/paid']) {
				const delivery = hook.received.find(
					(candidate) => candidate.headers['x-shopify-topic'] === topic,
				)!;
				expect(passesN8nCheck(delivery, topic)).toBe(true);
				expect(delivery.headers).toMatchObject({
					'x-shopify-shop-domain': HOST,
					'x-shopify-api-version': '2024-07',
					'x-shopify-webhook-id': expect.any(String),
				});
				expect(JSON.parse(delivery.raw)).toEqual(JSON.parse(JSON.stringify(order)));
			}
			// The three shippable lines and the gift card, as Shopify sends them.
			expect(
				order.line_items.map((line) => [
					line.sku,
					line.quantity,
					line.price,
					line.grams,
					line.requires_shipping,
				]),
			).toEqual([
				['MUG-BLUE', 2, '19.50', 400, true],
				['TEE-M-BLACK', 1, '30.00', 200, true],
				['POSTER-A2', 3, '12.00', 100, true],
				['GIFT-50', 1, '50.00', 0, false],
			]);
		} finally {
			await hook.close();
		}
	});

	test('forged, tampered, unsigned and wrong-topic deliveries fail n8n’s check', async () => {
		const hook = await receiver();
		try {
			await call('webhooks.json', {
				method: 'POST',
				body: { webhook: { topic: 'orders/paid', address: hook.url, format: 'json' } },
			});
			const order = shop.store.orders[0];
			await shop.deliver('orders/paid', order, { secret: 'not-the-app-secret' });
			await shop.deliver('orders/paid', order, { tamper: true });
			await shop.deliver('orders/paid', order, { unsigned: true });
			await shop.deliver('orders/paid', order, { topicHeader: 'orders/updated' });
			await shop.deliver('orders/paid', order);
			expect(hook.received.map((delivery) => passesN8nCheck(delivery, 'orders/paid'))).toEqual([
				false,
				false,
				false,
				false,
				true,
			]);
			expect(hook.received[2].headers['x-shopify-hmac-sha256']).toBeUndefined();
		} finally {
			await hook.close();
		}
	});

	test('a fulfillment fires fulfillments/create, orders/fulfilled and orders/updated to the webhooks of those topics only', async () => {
		const hook = await receiver();
		try {
			for (const topic of ['orders/paid', 'orders/updated'])
				await call('webhooks.json', {
					method: 'POST',
					body: { webhook: { topic, address: hook.url, format: 'json' } },
				});
			const order = shop.store.orders[0];
			const [fulfillmentOrder] = (await call(`orders/${order.id}/fulfillment_orders.json`)).json
				.fulfillment_orders;
			await call('fulfillments.json', {
				method: 'POST',
				body: {
					fulfillment: {
						line_items_by_fulfillment_order: [{ fulfillment_order_id: fulfillmentOrder.id }],
					},
				},
			});
			await shop.settle();
			expect(hook.received.map((delivery) => delivery.headers['x-shopify-topic'])).toEqual([
				'orders/updated',
			]);
			expect(JSON.parse(hook.received[0].raw)).toMatchObject({
				id: order.id,
				fulfillment_status: 'fulfilled',
			});
		} finally {
			await hook.close();
		}
	});
});

/**
 * The WooCommerce stand-in's contract: each request shape n8n's WooCommerce node, WooCommerce Trigger and HTTP Request
 * (with the WooCommerce credential) send, answered as WooCommerce REST v3 answers, over HTTPS with the run-time test
 * certificate (an https.Agent that trusts it; no environment needed). The real nodes against it: test/e2e/woocommerce.e2e.test.ts.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Agent, request } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { shopCertificate } from './tls';
import {
	API_PREFIX,
	startWooStandIn,
	WOO_CONSUMER_KEY,
	WOO_CONSUMER_SECRET,
	type WooStandIn,
} from './woocommerce';

const folder = mkdtempSync(join(tmpdir(), 'woo-standin-'));
let shop: WooStandIn;
let agent: Agent;

beforeAll(async () => {
	const certificate = await shopCertificate(folder);
	agent = new Agent({ ca: certificate.cert });
	shop = await startWooStandIn({ port: 0, tls: certificate });
});
afterAll(async () => {
	await shop?.close();
	agent?.destroy();
	rmSync(folder, { recursive: true, force: true });
});

interface Reply {
	status: number;
	headers: IncomingHttpHeaders;
	body: any;
}
const BASIC = `Basic ${Buffer.from(`${WOO_CONSUMER_KEY}:${WOO_CONSUMER_SECRET}`).toString('base64')}`;

/** One request as n8n's axios sends it: Basic keys (the default), or the keys in the query. */
function call(
	method: string,
	path: string,
	options: {
		body?: unknown;
		keys?: 'basic' | 'query' | 'none' | 'wrong' | 'secret-only';
		url?: string;
		via?: Agent;
	} = {},
): Promise<Reply> {
	const keys = options.keys ?? 'basic';
	const url = new URL(options.url ?? `${shop.url}${API_PREFIX}${path}`);
	if (keys === 'query') {
		url.searchParams.set('consumer_key', WOO_CONSUMER_KEY);
		url.searchParams.set('consumer_secret', WOO_CONSUMER_SECRET);
	}
	const headers: Record<string, string> = { accept: 'application/json' };
	if (keys === 'basic') headers.authorization = BASIC;
	if (keys === 'secret-only')
		headers.authorization = `Basic ${Buffer.from(`:${WOO_CONSUMER_SECRET}`).toString('base64')}`;
	if (keys === 'wrong')
		headers.authorization = `Basic ${Buffer.from('ck_wrong:cs_wrong').toString('base64')}`;
	const text = options.body === undefined ? undefined : JSON.stringify(options.body);
	if (text) headers['content-type'] = 'application/json';
	return new Promise((resolve, reject) => {
		const sent = request(url, { method, headers, agent: options.via ?? agent }, (response) => {
			let data = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (data += chunk));
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					headers: response.headers,
					body: data ? JSON.parse(data) : undefined,
				}),
			);
		});
		sent.on('error', reject);
		sent.end(text);
	});
}

/** The shape of a WooCommerce error. */
const wooError = (status: number, code: string) => ({
	status,
	body: { code, message: expect.any(String), data: { status } },
});

afterEach(() => {
	// Only the test that means to send an unknown request leaves a deviation, and clears it.
	expect(shop.deviations).toEqual([]);
});

describe('keys and HTTPS', () => {
	test('Basic keys and query keys both pass n8n’s credential test (GET /products/categories), each recorded as sent', async () => {
		const before = shop.requests.length;
		expect(await call('GET', '/products/categories')).toMatchObject({ status: 200, body: [] });
		expect(await call('GET', '/products/categories', { keys: 'query' })).toMatchObject({
			status: 200,
			body: [],
		});
		expect(shop.requests.slice(before).map((sent) => [sent.path, sent.auth, sent.query])).toEqual([
			['/products/categories', 'basic', {}],
			['/products/categories', 'query', {}],
		]);
	});

	test('wrong keys and no keys get 401 in WooCommerce’s error shape', async () => {
		expect(await call('GET', '/orders', { keys: 'wrong' })).toMatchObject(
			wooError(401, 'woocommerce_rest_authentication_error'),
		);
		expect(await call('GET', '/orders', { keys: 'none' })).toMatchObject(
			wooError(401, 'woocommerce_rest_cannot_view'),
		);
		expect(
			await call('POST', '/orders/4101/notes', { keys: 'none', body: { note: 'x' } }),
		).toMatchObject(wooError(401, 'woocommerce_rest_cannot_create'));
		// A Basic header with the secret but no key (what n8n's credential test sends) is no keys to WooCommerce.
		expect(await call('GET', '/products/categories', { keys: 'secret-only' })).toMatchObject(
			wooError(401, 'woocommerce_rest_cannot_view'),
		);
		expect(shop.requests.at(-1)?.auth).toBe('basic-without-key');
		expect(shop.notesOf(4101)).toEqual([]);
	});

	test('it serves HTTPS that is really verified: a client without the test certificate refuses it', async () => {
		const untrusting = new Agent();
		try {
			await expect(call('GET', '/products/categories', { via: untrusting })).rejects.toThrow(
				/self[- ]signed/i,
			);
		} finally {
			untrusting.destroy();
		}
	});

	test('every answer carries WordPress’s API root Link header (n8n’s Return All splits it), errors too', async () => {
		for (const reply of [await call('GET', '/orders/4101'), await call('GET', '/orders/1')]) {
			expect(reply.headers.link).toBe(`<${shop.url}/wp-json/>; rel="https://api.w.org/"`);
		}
	});
});

describe('orders', () => {
	test('Get Many with a limit: per_page, status; X-WP-Total, X-WP-TotalPages and prev/next links', async () => {
		const first = await call('GET', '/orders?status=processing&per_page=2');
		expect(first.status).toBe(200);
		expect(first.body.map((order: any) => order.id)).toEqual([4103, 4102]);
		expect([first.headers['x-wp-total'], first.headers['x-wp-totalpages']]).toEqual(['3', '2']);
		const links = String(first.headers.link)
			.split(',')
			.map((link) => link.trim());
		expect(links).toEqual([
			`<${shop.url}/wp-json/>; rel="https://api.w.org/"`,
			`<${shop.url}${API_PREFIX}/orders?status=processing&per_page=2&page=2>; rel="next"`,
		]);
		const second = await call('GET', '/orders?status=processing&per_page=2&page=2');
		expect(second.body.map((order: any) => order.id)).toEqual([4101]);
		expect(String(second.headers.link)).toContain(
			`<${shop.url}${API_PREFIX}/orders?status=processing&per_page=2&page=1>; rel="prev"`,
		);
		expect(String(second.headers.link)).not.toContain('rel="next"');
		expect((await call('GET', '/orders?status=completed')).body).toEqual([]);
		expect(await call('GET', '/orders?per_page=101')).toMatchObject(
			wooError(400, 'rest_invalid_param'),
		);
	});

	test('an order has the fields a workflow maps; its lines carry no weight', async () => {
		const { body: order } = await call('GET', '/orders/4102');
		expect(order).toMatchObject({
			id: 4102,
			number: 'W-1002',
			status: 'processing',
			currency: 'NZD',
			date_completed: null,
			shipping: {
				first_name: 'Aroha',
				last_name: 'Ngata',
				company: 'Ngata Design',
				address_1: '10 Queen Street',
				city: 'Auckland Central',
				postcode: '1010',
				country: 'NZ',
			},
			billing: expect.objectContaining({ email: 'aroha.ngata@example.com' }),
			line_items: [
				{
					id: expect.any(Number),
					name: 'A2 poster',
					product_id: 503,
					variation_id: 0,
					quantity: 3,
					sku: 'POSTER-A2',
					price: 12,
					subtotal: '36.00',
					total: '36.00',
					meta_data: [],
				},
			],
			shipping_lines: [expect.objectContaining({ method_id: 'flat_rate' })],
		});
		// The order with no shipping block (virtual goods): billing is where it goes.
		expect((await call('GET', '/orders/4103')).body.shipping.address_1).toBe('');
		expect(await call('GET', '/orders/999')).toMatchObject(
			wooError(404, 'woocommerce_rest_shop_order_invalid_id'),
		);
	});

	test('Update to completed: the order, its completion date, the system’s note and an order.updated delivery', async () => {
		const receiver = await startReceiver();
		try {
			const hook = await call('POST', '/webhooks', {
				body: { delivery_url: receiver.url, topic: 'order.updated', secret: 'updated-secret' },
			});
			const updated = await call('PUT', '/orders/4101', { body: { status: 'completed' } });
			expect(updated).toMatchObject({
				status: 200,
				body: { id: 4101, status: 'completed', date_completed: expect.stringMatching(/^\d{4}-/) },
			});
			expect(shop.notesOf(4101)).toEqual([
				expect.objectContaining({
					note: 'Order status changed from Processing to Completed.',
					customer_note: false,
					author: 'system',
				}),
			]);
			await shop.settled();
			expect(receiver.received).toHaveLength(1);
			expect(receiver.received[0]).toMatchObject({
				topic: 'order.updated',
				verified: true,
				body: expect.objectContaining({ id: 4101, status: 'completed' }),
			});
			expect(await call('PUT', '/orders/4101', { body: { status: 'shipped' } })).toMatchObject(
				wooError(400, 'rest_invalid_param'),
			);
			await call('DELETE', `/webhooks/${hook.body.id}?force=true`);
		} finally {
			await receiver.close();
			shop.orderOf(4101)!.status = 'processing';
			shop.store.notes[4101] = [];
		}
	});

	test('notes: a customer note is added (201) and listed, newest first; a note with no text is refused', async () => {
		const added = await call('POST', '/orders/4102/notes', {
			body: {
				note: 'Shipped with Australia Post. Tracking number: SSI000000001.',
				customer_note: true,
			},
		});
		expect(added).toMatchObject({
			status: 201,
			body: {
				id: expect.any(Number),
				author: 'system',
				note: expect.stringContaining('SSI000000001'),
				customer_note: true,
				date_created: expect.any(String),
				date_created_gmt: expect.any(String),
			},
		});
		await call('POST', '/orders/4102/notes', { body: { note: 'Packed by Jo' } });
		expect((await call('GET', '/orders/4102/notes')).body.map((note: any) => note.note)).toEqual([
			'Packed by Jo',
			added.body.note,
		]);
		expect((await call('GET', '/orders/4102/notes?type=customer')).body).toHaveLength(1);
		expect(
			await call('POST', '/orders/4102/notes', { body: { customer_note: true } }),
		).toMatchObject(wooError(400, 'rest_missing_callback_param'));
		shop.store.notes[4102] = [];
	});

	test('a product has its weight (text, the store’s unit); an unknown one is a 404', async () => {
		expect((await call('GET', '/products/501')).body).toMatchObject({
			id: 501,
			sku: 'MUG-BLUE',
			weight: '0.4',
		});
		expect((await call('GET', '/products/504')).body.weight).toBe('');
		expect(await call('GET', '/products/1')).toMatchObject(
			wooError(404, 'woocommerce_rest_product_invalid_id'),
		);
	});
});

describe('webhooks as n8n’s WooCommerce Trigger registers them', () => {
	test('create (201, no secret shown), list the active ones, delete only with force=true', async () => {
		const created = await call('POST', '/webhooks', {
			body: {
				delivery_url: 'http://127.0.0.1:9/webhook/x/webhook',
				topic: 'order.created',
				secret: 'abc',
			},
		});
		expect(created).toMatchObject({
			status: 201,
			body: {
				id: expect.any(Number),
				status: 'active',
				topic: 'order.created',
				resource: 'order',
				event: 'created',
				hooks: ['woocommerce_new_order'],
				delivery_url: 'http://127.0.0.1:9/webhook/x/webhook',
			},
		});
		expect(created.body.secret).toBeUndefined();
		const listed = await call('GET', '/webhooks?status=active&per_page=100');
		expect(listed.body.map((webhook: any) => webhook.id)).toEqual([created.body.id]);
		expect(listed.headers['x-wp-total']).toBe('1');
		expect(await call('DELETE', `/webhooks/${created.body.id}`)).toMatchObject(
			wooError(501, 'woocommerce_rest_trash_not_supported'),
		);
		expect(await call('DELETE', `/webhooks/${created.body.id}?force=true`)).toMatchObject({
			status: 200,
			body: { id: created.body.id },
		});
		expect(shop.store.webhooks).toEqual([]);
		expect(await call('POST', '/webhooks', { body: { topic: 'order.created' } })).toMatchObject(
			wooError(400, 'rest_missing_callback_param'),
		);
	});

	test('a new order is delivered signed (base64 HMAC-SHA256 of the body); forged, tampered, unsigned and ping ones fail the check n8n makes', async () => {
		const receiver = await startReceiver();
		try {
			await call('POST', '/webhooks', {
				body: { delivery_url: receiver.url, topic: 'order.created', secret: 'created-secret' },
			});
			const { order, deliveries } = await shop.createOrder({
				billing: {
					first_name: 'Kim',
					last_name: 'Tran',
					address_1: '1 George Street',
					city: 'Sydney',
					state: 'NSW',
					postcode: '2000',
					country: 'AU',
				},
				lines: [
					[501, 1],
					[502, 2],
					[503, 3],
				],
			});
			expect(deliveries).toEqual([
				expect.objectContaining({ topic: 'order.created', status: 200, kind: 'genuine' }),
			]);
			expect(receiver.received[0]).toMatchObject({
				topic: 'order.created',
				verified: true,
				body: { id: order.id, status: 'processing' },
			});
			expect(receiver.received[0].headers).toMatchObject({
				'x-wc-webhook-resource': 'order',
				'x-wc-webhook-event': 'created',
				'x-wc-webhook-source': `${shop.url}/`,
				'x-wc-webhook-id': expect.any(String),
				'x-wc-webhook-delivery-id': expect.any(String),
			});
			expect((receiver.received[0].body as any).line_items).toHaveLength(3);

			for (const options of [{ secret: 'not-the-secret' }, { tamper: true }, { unsigned: true }])
				await shop.deliver('order.created', order, options);
			await shop.deliver('order.created', order, { noId: true });
			expect(
				receiver.received
					.slice(1)
					.map((delivery) => [
						delivery.verified,
						delivery.headers['x-wc-webhook-id'] !== undefined,
					]),
			).toEqual([
				[false, true],
				[false, true],
				[false, true],
				[false, false],
			]);
			expect(shop.deliveries.slice(-4).map((delivery) => delivery.kind)).toEqual([
				'forged',
				'tampered',
				'unsigned',
				'ping',
			]);
		} finally {
			await receiver.close();
			shop.store.webhooks.length = 0;
		}
	});

	test('five failed deliveries in a row disable the webhook, as WooCommerce does', async () => {
		const created = await call('POST', '/webhooks', {
			body: {
				delivery_url: 'http://127.0.0.1:9/nothing-listens',
				topic: 'order.created',
				secret: 's',
			},
		});
		for (let attempt = 0; attempt < 5; attempt++)
			await shop.deliver('order.created', shop.orderOf(4101)!);
		expect(shop.store.webhooks.find((webhook) => webhook.id === created.body.id)?.status).toBe(
			'disabled',
		);
		expect(await shop.deliver('order.created', shop.orderOf(4101)!)).toEqual([]);
		shop.store.webhooks.length = 0;
	});
});

test('a request it does not know is a 404 in WordPress’s shape and a recorded deviation, as is an unknown parameter', async () => {
	expect(await call('GET', '/orders/4101/refunds')).toMatchObject(wooError(404, 'rest_no_route'));
	expect(await call('GET', '/', { url: `${shop.url}/wp-json/wc/v2/orders` })).toMatchObject(
		wooError(404, 'rest_no_route'),
	);
	await call('GET', '/orders?status=processing&modified_after=2026-01-01');
	await call('PUT', '/orders/4102', { body: { tracking: 'x' } });
	expect(shop.deviations.map((deviation) => deviation.what)).toEqual([
		expect.stringMatching(/route/),
		expect.stringMatching(/route/),
		'query parameter modified_after',
		'body field tracking',
	]);
	shop.deviations.length = 0;
});

interface Received {
	topic?: string;
	verified: boolean;
	headers: IncomingHttpHeaders;
	body: unknown;
}

/** A delivery URL that checks each delivery as n8n's WooCommerce Trigger does (the webhook's secret, by the stand-in's store). */
async function startReceiver(): Promise<{
	url: string;
	received: Received[];
	close(): Promise<void>;
}> {
	const received: Received[] = [];
	const server: Server = createServer((incoming, response) => {
		let raw = '';
		incoming.setEncoding('utf8');
		incoming.on('data', (chunk: string) => (raw += chunk));
		incoming.on('end', () => {
			const id = incoming.headers['x-wc-webhook-id'];
			const secret = shop.store.webhooks.find((webhook) => String(webhook.id) === id)?.secret ?? '';
			const expected = createHmac('sha256', secret).update(raw).digest('base64');
			const verified = id !== undefined && incoming.headers['x-wc-webhook-signature'] === expected;
			let body: unknown = raw;
			try {
				body = JSON.parse(raw);
			} catch {
				// a ping's form body
			}
			received.push({
				topic: incoming.headers['x-wc-webhook-topic'] as string | undefined,
				verified,
				headers: incoming.headers,
				body,
			});
			response.statusCode = verified || id === undefined ? 200 : 401;
			response.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/test/webhook`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

import { request } from 'undici';

import { useSandbox } from '../harness/use-sandbox';
import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY, SEED, signBody } from '../sandbox';

// The sandbox's contract with the documented API: envelopes, auth, limits. Plain HTTP, no node code.
const { sandbox } = useSandbox();

const keys = {
	'starshipit-api-key': SANDBOX_API_KEY,
	'ocp-apim-subscription-key': SANDBOX_SUBSCRIPTION_KEY,
	'content-type': 'application/json',
};
async function call(
	method: 'GET' | 'POST' | 'PUT' | 'DELETE',
	path: string,
	body?: object,
	headers: Record<string, string> = keys,
) {
	const answer = await request(`${sandbox.url}${path}`, {
		method,
		headers,
		body: body ? JSON.stringify(body) : undefined,
	});
	return {
		status: answer.statusCode,
		headers: answer.headers,
		body: (await answer.body.json()) as Record<string, any>,
	};
}

test('a missing subscription key gets the gateway 401, a wrong API key 403', async () => {
	expect((await call('GET', '/api/orders/unshipped', undefined, {})).status).toBe(401);
	const wrong = await call('GET', '/api/orders/unshipped', undefined, {
		...keys,
		'starshipit-api-key': 'nope',
	});
	expect(wrong).toMatchObject({ status: 403, body: { statusCode: 403 } });
});

test('a body that is not a JSON object gets a 400, and the sandbox keeps answering', async () => {
	for (const raw of ['{not json', 'null']) {
		const answer = await request(`${sandbox.url}/api/orders`, {
			method: 'POST',
			headers: keys,
			body: raw,
		});
		expect(answer.statusCode).toBe(400);
		expect(((await answer.body.json()) as Record<string, any>).errors[0].message).toBe(
			'The request body is not a JSON object',
		);
	}
	expect((await call('GET', '/api/orders/unshipped')).status).toBe(200);
});

test('the unshipped list holds only the last 24 hours unless a since_ date is given', async () => {
	const old = sandbox.store.orders.find((order) => order.order_number === SEED.domesticOrder)!;
	old.order_date = new Date(Date.now() - 48 * 3600_000).toISOString();
	const recent = await call('GET', '/api/orders/unshipped');
	expect(recent.body.orders.map((order: any) => order.order_number)).not.toContain(
		SEED.domesticOrder,
	);
	const since = await call(
		'GET',
		`/api/orders/unshipped?since_order_date=${new Date(Date.now() - 72 * 3600_000).toISOString()}`,
	);
	expect(since.body.orders.map((order: any) => order.order_number)).toContain(SEED.domesticOrder);
});

test('a duplicate order number is refused with Starshipit’s envelope', async () => {
	const answer = await call('POST', '/api/orders', {
		order: {
			order_number: SEED.domesticOrder,
			destination: { name: 'A', street: 'B', suburb: 'C', country: 'Australia' },
		},
	});
	expect(answer).toMatchObject({
		status: 400,
		body: { success: false, errors: [{ message: `Order ${SEED.domesticOrder} already exists` }] },
	});
});

test('a label is a real PDF and the order becomes Printed with a tracking number', async () => {
	const answer = await call('POST', '/api/orders/shipment', { order_number: SEED.domesticOrder });
	expect(answer.body.success).toBe(true);
	const pdf = Buffer.from(answer.body.labels[0], 'base64');
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	expect(pdf.toString('latin1')).toMatch(/%%EOF\n$/);
	expect(answer.body.tracking_numbers[0]).toMatch(/^SSI\d+$/);
});

test('the rate limit answers 429 with Retry-After and the gateway message', async () => {
	sandbox.setRateLimit(2);
	const answers = await Promise.all([1, 2, 3].map(() => call('GET', '/api/orders/unshipped')));
	const limited = answers.find((answer) => answer.status === 429)!;
	expect(limited.headers['retry-after']).toBe('1');
	expect(limited.body.message).toMatch(/Try again in 1 seconds/);
});

test('products answer `succeeded` and an update replaces the whole product', async () => {
	const list = await call('GET', '/api/products?search_term=MUG&page_size=10');
	expect(list.body).toMatchObject({ succeeded: true, total_records: 1 });
	const mug = list.body.data.products[0];
	await call('PUT', '/api/products/update', {
		id: mug.id,
		product: { id: mug.id, sku: mug.sku, title: 'Mug' },
	});
	const after = await call('GET', '/api/products?search_term=MUG&page_size=10');
	expect(after.body.data.products[0]).toEqual({ id: mug.id, sku: mug.sku, title: 'Mug' });
});

test('tracking webhooks are signed as hex HMAC-SHA256 of the raw body', async () => {
	const received: Array<{ body: string; signature: string }> = [];
	const { createServer } = await import('node:http');
	const receiver = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push({ body, signature: String(req.headers['x-starshipit-signature']) });
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	const port = (receiver.address() as { port: number }).port;
	sandbox.setWebhook(`http://127.0.0.1:${port}/hook`, 'shh');
	await sandbox.setOrderStatus(SEED.printedOrder, 'InTransit');
	sandbox.setWebhook(null);
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
	expect(received).toHaveLength(1);
	expect(JSON.parse(received[0].body)).toMatchObject({
		order_number: SEED.printedOrder,
		tracking_status: 'InTransit',
	});
	expect(received[0].signature).toBe(signBody(received[0].body, 'shh'));
});

test('control endpoints answer (the demo, the end-to-end suite and the benchmark use them)', async () => {
	const posted = await request(`${sandbox.url}/__sandbox/inbox`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ order_number: 'X' }),
	});
	expect(posted.statusCode).toBe(200);
	await posted.body.dump();
	expect(sandbox.inbox).toEqual([{ order_number: 'X' }]);
	const stats = await request(`${sandbox.url}/__sandbox/stats`);
	expect(((await stats.body.json()) as any).ok).toBe(true);
});

/**
 * Template 8 published in a real n8n against the WooCommerce stand-in (HTTPS on loopback, trusted through
 * NODE_EXTRA_CA_CERTS) and the Starshipit sandbox: n8n's own WooCommerce credential test, the webhook the WooCommerce
 * Trigger registers, a new three-line order imported with its products' weights, tracking written back once (order
 * completed, one customer note) however often it comes, forged, tampered and unsigned deliveries starting nothing, and
 * (2.x) the first click and the safety net's several orders imported one at a time. `N8N_LINE=1` runs it on n8n 1.x.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { unexpectedDeviations } from '../harness/deviations';
import { autoSelectedTrigger } from '../harness/editor-rules';
import { startSandbox, type Sandbox } from '../sandbox';
import { shopCertificate } from '../shops/tls';
import {
	startWooStandIn,
	WOO_CONSUMER_KEY,
	WOO_CONSUMER_SECRET,
	type WooOrder,
	type WooStandIn,
} from '../shops/woocommerce';
import {
	importWooCommerceCredential,
	pointAtStore,
	WOO_CREDENTIAL,
	WOO_TEMPLATE_ID,
	wooCredentialData,
} from '../shops/woocommerce/n8n';
import { startServer, stopServer } from './n8n';
import { logInAsOwner, waitFor as waitUntil } from './rest';
import {
	cli,
	ownerEnvironment,
	pollingEveryMinute,
	prepareWorkspace,
	type Workspace,
} from './workspace';

// Its own ports (n8n takes the one after it for its task runners), beside the other real-n8n suites.
const N8N_PORT = Number(process.env.E2E_N8N_PORT ?? 5690) + 40;
const WEBHOOK_SECRET = 'e2e-webhook-secret';
const OWNER = { email: 'e2e@example.com', password: 'E2e-password-1' };
const base = `http://127.0.0.1:${N8N_PORT}`;
const N8N_1 = process.env.N8N_LINE === '1';
const template8 = () =>
	workspace.templates.find((template) => template.id === WOO_TEMPLATE_ID)!.json;
const nodeOf = (name: string) =>
	template8().nodes.find((node: { name: string }) => node.name === name);

const certificateFolder = mkdtempSync(join(tmpdir(), 'starshipit-woo-e2e-'));
let sandbox: Sandbox;
let shop: WooStandIn;
let workspace: Workspace;
let server: ChildProcess;
let cookie = '';
let n8nLog = '';
/** The new order the tests follow from checkout to completed. */
let order: WooOrder;

beforeAll(async () => {
	// The certificate exists before any n8n process starts: NODE_EXTRA_CA_CERTS is read once, at start.
	const certificate = await shopCertificate(certificateFolder);
	shop = await startWooStandIn({ port: 0, tls: certificate });
	sandbox = await startSandbox({ port: 0 });
	workspace = await prepareWorkspace({
		sandboxUrl: sandbox.url,
		port: N8N_PORT,
		rateLimit: 50,
		adjust: (template) => {
			pollingEveryMinute(template);
			pointAtStore(template, shop.url);
		},
		webhook: { signingSecret: WEBHOOK_SECRET },
	});
	workspace.env.NODE_EXTRA_CA_CERTS = certificate.caFile;
	await importWooCommerceCredential(workspace, { url: shop.url });
	await cli(workspace, ['publish:workflow', `--id=${WOO_TEMPLATE_ID}`]).catch(
		async () =>
			await cli(workspace, ['update:workflow', `--id=${WOO_TEMPLATE_ID}`, '--active=true']),
	);
	Object.assign(workspace.env, ownerEnvironment(workspace.install, OWNER));
	server = await startServer(workspace.install, workspace.env);
	server.stdout?.on('data', (chunk: Buffer) => (n8nLog += chunk.toString()));
	server.stderr?.on('data', (chunk: Buffer) => (n8nLog += chunk.toString()));
	cookie = await logInAsOwner(base, OWNER);
	// n8n 2.x activates published workflows after it answers: the WooCommerce Trigger registers its webhook then.
	await waitFor(
		() => shop.store.webhooks.length > 0,
		'the WooCommerce Trigger to register its webhook',
		120_000,
	);
}, 900_000);

afterAll(async () => {
	if (server) await stopServer(server);
	const sandboxDeviations = unexpectedDeviations(sandbox?.deviations ?? []);
	const shopDeviations = shop?.deviations ?? [];
	await shop?.close();
	await sandbox?.close();
	rmSync(certificateFolder, { recursive: true, force: true });
	// Real n8n sent nothing either stand-in does not know.
	expect(shopDeviations).toEqual([]);
	expect(sandboxDeviations).toEqual([]);
});

/** Template 8's runs, by n8n's own executions list (100 is its largest page). */
async function executions(): Promise<Array<{ id: string; mode: string; status: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WOO_TEMPLATE_ID }));
	const response = await fetch(`${base}/rest/executions?filter=${filter}&limit=100`, {
		headers: { cookie },
	});
	if (!response.ok)
		throw new Error(`n8n refused the executions list: ${response.status} ${await response.text()}`);
	return (
		(await response.json()) as {
			data: { results: Array<{ id: string; mode: string; status: string }> };
		}
	).data.results;
}

/** Runs started in one mode ('webhook': either webhook trigger; 'trigger': a poll). */
const executionCount = async (mode: string) =>
	(await executions()).filter((execution) => execution.mode === mode).length;
const failedExecutions = async () =>
	(await executions()).filter(
		(execution) => execution.status === 'error' || execution.status === 'crashed',
	).length;

const starshipitOrders = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const customerNotes = (id: number) => shop.notesOf(id).filter((note) => note.customer_note);
const puts = (id: number) =>
	shop.requests.filter((request) => request.method === 'PUT' && request.path === `/orders/${id}`)
		.length;

test('n8n’s own test of the WooCommerce credential passes with the keys in the query; with Basic keys n8n’s test sends no Consumer Key', async () => {
	const testCredential = async (data: object) => {
		const body = JSON.stringify({
			credentials: { ...WOO_CREDENTIAL, type: 'wooCommerceApi', data },
		});
		const answer = await fetch(`${base}/rest/credentials/test`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json' },
			body,
		});
		return ((await answer.json()) as { data: { status: string; message: string } }).data;
	};
	const sent = (from: number) => [
		...new Set(
			shop.requests
				.slice(from)
				.map((request) => `${request.method} ${request.path} ${request.auth} ${request.status}`),
		),
	];
	let before = shop.requests.length;
	expect(
		await testCredential(wooCredentialData({ url: shop.url, includeCredentialsInQuery: true })),
	).toMatchObject({ status: 'OK' });
	expect(sent(before)).toEqual(['GET /products/categories query 200']);
	before = shop.requests.length;
	expect(
		await testCredential(
			wooCredentialData({
				url: shop.url,
				includeCredentialsInQuery: true,
				consumerSecret: 'cs_wrong',
			}),
		),
	).toMatchObject({ status: 'Error' });
	expect(sent(before)).toEqual(['GET /products/categories query 401']);
	// n8n's credential test hands the credential's Basic keys ({user, password}) to axios, which reads `username`:
	// the header carries the secret without the key, which WooCommerce ignores. (The nodes themselves send both, below.)
	before = shop.requests.length;
	expect(await testCredential(wooCredentialData({ url: shop.url }))).toMatchObject({
		status: 'Error',
	});
	expect(sent(before)).toEqual(['GET /products/categories basic-without-key 401']);
});

test('publishing template 8 registered exactly one webhook: order.created to its production URL, signed with n8n’s secret', () => {
	const trigger = nodeOf('When an order is placed');
	expect(shop.store.webhooks).toEqual([
		expect.objectContaining({
			status: 'active',
			topic: 'order.created',
			delivery_url: `${base}/webhook/${trigger.webhookId}/webhook`,
			secret: createHash('md5').update(`${WOO_CONSUMER_KEY},${WOO_CONSUMER_SECRET}`).digest('hex'),
		}),
	]);
});

test('a new order of three lines placed in the store becomes one Starshipit order of three lines, weighed from the products', async () => {
	const runsBefore = await executionCount('webhook');
	const placed = await shop.createOrder({
		billing: {
			first_name: 'Kim',
			last_name: 'Tran',
			address_1: '1 George Street',
			city: 'Sydney',
			state: 'NSW',
			postcode: '2000',
			country: 'AU',
			email: 'kim.tran@example.com',
			phone: '0400 000 009',
		},
		shipping: {
			first_name: 'Kim',
			last_name: 'Tran',
			address_1: '1 George Street',
			address_2: 'Unit 4',
			city: 'Sydney',
			state: 'NSW',
			postcode: '2000',
			country: 'AU',
		},
		lines: [
			[501, 2],
			[502, 1],
			[503, 3],
		],
	});
	order = placed.order;
	expect(placed.deliveries.map((delivery) => delivery.status)).toEqual([200]);
	await waitFor(() => starshipitOrders(order.number).length > 0, 'the order in Starshipit');
	await waitFor(
		async () => (await executionCount('webhook')) === runsBefore + 1,
		'n8n to record the run',
	);
	const [imported] = starshipitOrders(order.number);
	expect(starshipitOrders(order.number)).toHaveLength(1);
	expect(imported.reference).toBe(String(order.id));
	expect(imported.destination).toMatchObject({
		name: 'Kim Tran',
		street: '1 George Street, Unit 4',
		suburb: 'Sydney',
		state: 'NSW',
		post_code: '2000',
		email: 'kim.tran@example.com',
		phone: '0400 000 009',
	});
	expect(imported.items.map(({ item_id: _id, ...line }) => line)).toEqual([
		{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5, weight: 0.4 },
		{ description: 'Cotton T-shirt', sku: 'TEE-M-BLACK', quantity: 1, value: 30, weight: 0.2 },
		{ description: 'A2 poster', sku: 'POSTER-A2', quantity: 3, value: 12, weight: 0.1 },
	]);
	// 0.4 × 2 + 0.2 × 1 + 0.1 × 3
	expect(imported.packages.map(({ package_id: _id, ...parcel }) => parcel)).toEqual([
		{ weight: 1.3 },
	]);
	// The nodes send both keys (Basic), unlike n8n's credential test.
	expect(
		shop.requests
			.filter((request) => request.path.startsWith('/products/5'))
			.map((request) => [request.path, request.auth]),
	).toEqual([
		['/products/501', 'basic'],
		['/products/502', 'basic'],
		['/products/503', 'basic'],
	]);
});

test('printed in Starshipit: its tracking webhook completes the WooCommerce order and adds exactly one customer note with the tracking', async () => {
	sandbox.setWebhook(
		`${base}/webhook/${nodeOf('When Starshipit sends tracking').webhookId}/tracking`,
		WEBHOOK_SECRET,
	);
	const runsBefore = await executionCount('webhook');
	await sandbox.setOrderStatus(order.number, 'Printed');
	const { tracking_number: trackingNumber, tracking_url: trackingUrl } = starshipitOrders(
		order.number,
	)[0];
	expect(trackingNumber).toMatch(/^SSI/);
	await waitFor(() => shop.orderOf(order.id)?.status === 'completed', 'the order to be completed');
	await waitFor(
		async () => (await executionCount('webhook')) === runsBefore + 1,
		'n8n to record the run',
	);
	expect(shop.orderOf(order.id)?.date_completed).toEqual(expect.any(String));
	expect(customerNotes(order.id)).toEqual([
		expect.objectContaining({
			note: `Your order has shipped with Australia Post. Tracking number: ${trackingNumber}. Track it here: ${trackingUrl}`,
		}),
	]);
	expect(puts(order.id)).toBe(1);
	// The store's own order.updated after the write-back: no webhook asks for it, so it starts nothing.
	await shop.settled();
	expect(shop.deliveries.filter((delivery) => delivery.topic === 'order.updated')).toEqual([]);
	expect(shop.store.webhooks.map((webhook) => webhook.topic)).toEqual(['order.created']);
});

test('the next tracking events for the order, by webhook and by poll, change nothing in the store', async () => {
	const runsBefore = await executionCount('webhook');
	const pollsBefore = await executionCount('trigger');
	await sandbox.setOrderStatus(order.number, 'InTransit');
	await waitFor(
		async () => (await executionCount('webhook')) === runsBefore + 1,
		'the InTransit run',
	);
	// The same event again: the Starshipit Trigger starts no second run for it.
	expect((await sandbox.sendTrackingWebhook(order.number)).status).toBe(200);
	// The poll finds the same change and runs the write-back again.
	await waitFor(async () => (await executionCount('trigger')) > pollsBefore, 'a poll run', 150_000);
	await waitFor(
		async () =>
			(await executions()).every(
				(execution) => execution.status !== 'running' && execution.status !== 'new',
			),
		'the poll run to end',
	);
	expect(await executionCount('webhook')).toBe(runsBefore + 1);
	expect(customerNotes(order.id)).toHaveLength(1);
	expect(puts(order.id)).toBe(1);
	expect(await failedExecutions()).toBe(0);
}, 200_000);

test('an order set back to processing after its note was added gets completed again, with no second note', async () => {
	// As if the status update had failed after the note: the order is not completed, the note is there.
	shop.orderOf(order.id)!.status = 'processing';
	const runsBefore = await executionCount('webhook');
	await sandbox.setOrderStatus(order.number, 'Delivered');
	await waitFor(
		async () => (await executionCount('webhook')) === runsBefore + 1,
		'the Delivered run',
	);
	await waitFor(
		() => shop.orderOf(order.id)?.status === 'completed',
		'the order to be completed again',
	);
	expect(customerNotes(order.id)).toHaveLength(1);
	expect(puts(order.id)).toBe(2);
});

test('forged, tampered and unsigned order deliveries start no run; a ping is answered; the next genuine one runs', async () => {
	const runsBefore = await executionCount('webhook');
	const ordersBefore = sandbox.store.orders.length;
	const forged = await shop.deliver('order.created', order, { secret: 'not-the-secret' });
	const tampered = await shop.deliver('order.created', order, { tamper: true });
	const unsigned = await shop.deliver('order.created', order, { unsigned: true });
	const ping = await shop.deliver('order.created', order, { noId: true });
	const refused = [forged, tampered, unsigned].map(([delivery]) => delivery.status);
	// n8n 2.x answers 401; n8n 1.x answers 200 and starts nothing.
	expect(refused).toEqual(N8N_1 ? [200, 200, 200] : [401, 401, 401]);
	expect(ping.map((delivery) => delivery.status)).toEqual([200]);
	// A genuine order after the refused ones: once n8n has recorded its run, any run they started would be there too.
	const next = await shop.createOrder({
		billing: {
			first_name: 'Lee',
			last_name: 'Park',
			address_1: '2 Pitt Street',
			city: 'Sydney',
			state: 'NSW',
			postcode: '2000',
			country: 'AU',
		},
		lines: [[504, 1]],
	});
	await waitFor(
		() => starshipitOrders(next.order.number).length > 0,
		'the genuine order in Starshipit',
	);
	await waitFor(
		async () => (await executionCount('webhook')) >= runsBefore + 1,
		'n8n to record its run',
	);
	expect(await executionCount('webhook')).toBe(runsBefore + 1);
	expect(sandbox.store.orders.length).toBe(ordersBefore + 1);
	// A product with no weight: the template's stated default.
	expect(starshipitOrders(next.order.number)[0].items[0]).toMatchObject({
		sku: 'TOWEL-LINEN',
		weight: 0.5,
	});
});

// What the big "Execute workflow" button does (the demo's first click): n8n's editor picks a trigger and posts it to
// /rest/workflows/:id/run. n8n 1.x's run call takes another shape (the whole workflow): checked on 2.x only.
/** Runs the workflow from one trigger as the editor's Execute workflow does (n8n 2.x's call) and waits for it to succeed. */
async function runFromTrigger(name: string): Promise<void> {
	const answer = await fetch(`${base}/rest/workflows/${WOO_TEMPLATE_ID}/run`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ triggerToStartFrom: { name } }),
	});
	const { data } = (await answer.json()) as { data: { executionId?: string } };
	expect(data.executionId).toBeDefined();
	await waitFor(
		async () =>
			(await executions()).find((execution) => String(execution.id) === String(data.executionId))
				?.status === 'success',
		`the run from “${name}” to succeed`,
	);
}

(N8N_1 ? test.skip : test)(
	'Execute workflow at the first click runs the pinned tracking event green: sample order 4101 completed, one note',
	async () => {
		const trigger = autoSelectedTrigger(template8().nodes);
		expect(trigger?.name).toBe('When Starshipit sends tracking');
		await runFromTrigger(trigger!.name);
		expect(shop.orderOf(4101)?.status).toBe('completed');
		expect(customerNotes(4101)).toEqual([
			expect.objectContaining({
				note: 'Your order has shipped with Australia Post. Tracking number: SSI000000999. Track it here: https://track.example/SSI000000999',
			}),
		]);
	},
);

// The safety net's path with several orders: Loop Over Items takes them one at a time, so each Starshipit order gets
// its own lines and weights (an order of one line, an order whose product has no weight, an order imported before).
(N8N_1 ? test.skip : test)(
	'Fetch orders waiting to ship now imports every order still processing, one at a time, each with its own lines and weights',
	async () => {
		const waiting = shop.store.orders
			.filter((row) => row.status === 'processing')
			.map((row) => row.number);
		expect(waiting).toEqual(expect.arrayContaining(['W-1002', '4103']));
		await runFromTrigger('Fetch orders waiting to ship now');
		for (const number of waiting) expect(starshipitOrders(number)).toHaveLength(1);
		const lines = (number: string) =>
			starshipitOrders(number)[0].items.map(({ item_id: _id, ...line }) => line);
		const parcels = (number: string) =>
			starshipitOrders(number)[0].packages.map(({ package_id: _id, ...parcel }) => parcel);
		// Each order with only its own lines (lines gathered across orders would show here). Its number is not its id: the id is the reference the write-back needs.
		expect(starshipitOrders('W-1002')[0]).toMatchObject({
			reference: '4102',
			destination: expect.objectContaining({
				name: 'Aroha Ngata',
				company: 'Ngata Design',
				street: '10 Queen Street, Level 2',
			}),
		});
		expect(lines('W-1002')).toEqual([
			{ description: 'A2 poster', sku: 'POSTER-A2', quantity: 3, value: 12, weight: 0.1 },
		]);
		expect(parcels('W-1002')).toEqual([{ weight: 0.3 }]);
		// No shipping address: the billing one; a product with no weight: 0.5 kg.
		expect(starshipitOrders('4103')[0]).toMatchObject({
			reference: '4103',
			destination: expect.objectContaining({ name: 'Priya Shah', street: '221 Baker Street' }),
		});
		expect(lines('4103')).toEqual([
			{ description: 'Tea towel', sku: 'TOWEL-LINEN', quantity: 2, value: 9, weight: 0.5 },
		]);
		expect(parcels('4103')).toEqual([{ weight: 1 }]);
	},
);

/** Waits as the shared waitFor does, every half second, with n8n's log when it times out. */
function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
	return waitUntil(condition, what, timeoutMs, { everyMs: 500, detail: () => n8nLog.slice(-3000) });
}

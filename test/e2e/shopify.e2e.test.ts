/**
 * Template 9 (Shopify → Starshipit → Shopify) published in a real n8n against the Shopify stand-in
 * (test/shops/shopify): n8n reaches `https://starshipit-test.myshopify.com` unchanged, through HTTPS_PROXY to a
 * loopback CONNECT proxy and a TLS server it trusts through NODE_EXTRA_CA_CERTS. Checked: n8n's own credential test,
 * the one webhook publishing registers, a paid order imported with its lines, tracking written back as one
 * fulfillment, repeats and the shop's own updates changing nothing, refused deliveries starting nothing, and that
 * nothing but the shop was reached. `N8N_LINE=1` runs it on n8n 1.x.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { unexpectedDeviations } from '../harness/deviations';
import { startSandbox, type Sandbox } from '../sandbox';
import {
	SHOPIFY_ACCESS_TOKEN,
	SHOPIFY_APP_SECRET,
	SHOPIFY_SHOP,
	startShopifyStandIn,
	THREE_LINE_ORDER,
	type ShopifyStandIn,
} from '../shops/shopify';
import { startServer, stopServer } from './n8n';
import { logInAsOwner, waitFor } from './rest';
import {
	cli,
	ownerEnvironment,
	pollingEveryMinute,
	prepareWorkspace,
	type Workspace,
} from './workspace';

// Its own ports (n8n takes the one after it for its task runners), so it can run beside the other e2e files.
const N8N_PORT = Number(process.env.E2E_N8N_PORT ?? 5690) + 60;
const WEBHOOK_SECRET = 'e2e-webhook-secret';
const OWNER = { email: 'e2e@example.com', password: 'E2e-password-1' };
const WORKFLOW_ID = 'starshipitTpl9';
/** The template's Shopify credential (its id and name in the template) and the shop placeholder in “Your shop”. */
const SHOPIFY_CREDENTIAL = { id: 'shopifyShop', name: 'Shopify shop' };
const SHOP_PLACEHOLDER = 'your-shop';
const base = `http://127.0.0.1:${N8N_PORT}`;
const trackingUrl = `${base}/webhook/5a1b2c3d-0009-4000-8000-00000000a009/tracking`;
const shopifyWebhookUrl = `${base}/webhook/5a1b2c3d-0009-4000-8000-00000000b009/webhook`;

let folder: string;
let shop: ShopifyStandIn;
let sandbox: Sandbox;
let workspace: Workspace;
let server: ChildProcess;
let cookie = '';
let n8nLog = '';

/** The template as the suite runs it: polls every minute, “Your shop” set to the stand-in's shop. */
function adjust(template: any) {
	pollingEveryMinute(template);
	if (template.id !== WORKFLOW_ID) return;
	const yourShop = template.nodes.find((node: { name: string }) => node.name === 'Your shop');
	const assignment = yourShop.parameters.assignments.assignments.find(
		(entry: { name: string }) => entry.name === 'shop',
	);
	if (assignment.value !== SHOP_PLACEHOLDER)
		throw new Error(`“Your shop” holds ${String(assignment.value)}, not the placeholder`);
	assignment.value = SHOPIFY_SHOP;
}

const credentialData = (accessToken = SHOPIFY_ACCESS_TOKEN) => ({
	shopSubdomain: SHOPIFY_SHOP,
	accessToken,
	appSecretKey: SHOPIFY_APP_SECRET,
});

/** The template's Shopify credential, with the stand-in's shop and keys, imported by n8n's CLI under its fixed id. */
async function importShopifyCredential() {
	const scratch = mkdtempSync(join(tmpdir(), 'shopify-credential-'));
	try {
		const file = join(scratch, 'credentials.json');
		writeFileSync(
			file,
			JSON.stringify([
				{ ...SHOPIFY_CREDENTIAL, type: 'shopifyAccessTokenApi', data: credentialData() },
			]),
		);
		await cli(workspace, ['import:credentials', `--input=${file}`]);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

beforeAll(async () => {
	folder = mkdtempSync(join(tmpdir(), 'shopify-e2e-'));
	shop = await startShopifyStandIn({ folder });
	sandbox = await startSandbox({ port: 0 });
	workspace = await prepareWorkspace({
		sandboxUrl: sandbox.url,
		port: N8N_PORT,
		rateLimit: 50,
		adjust,
		webhook: { signingSecret: WEBHOOK_SECRET },
	});
	// Before any n8n process that makes requests: NODE_EXTRA_CA_CERTS is read when a process starts.
	Object.assign(workspace.env, shop.environment());
	await importShopifyCredential();
	await cli(workspace, ['publish:workflow', `--id=${WORKFLOW_ID}`]).catch(
		async () => await cli(workspace, ['update:workflow', `--id=${WORKFLOW_ID}`, '--active=true']),
	);
	Object.assign(workspace.env, ownerEnvironment(workspace.install, OWNER));
	server = await startServer(workspace.install, workspace.env);
	server.stdout?.on('data', (chunk: Buffer) => (n8nLog += chunk.toString()));
	server.stderr?.on('data', (chunk: Buffer) => (n8nLog += chunk.toString()));
	cookie = await logInAsOwner(base, OWNER);
	// n8n activates published workflows after it answers: the Shopify Trigger registers its webhook then.
	await waitFor(
		() => shop.store.webhooks.length > 0,
		`the Shopify Trigger to register its webhook\n${n8nLog.slice(-3000)}`,
		120_000,
	);
}, 900_000);

afterAll(async () => {
	if (server) await stopServer(server);
	const deviations = unexpectedDeviations(sandbox?.deviations ?? []);
	await shop?.close();
	await sandbox?.close();
	if (folder) rmSync(folder, { recursive: true, force: true });
	// Both stand-ins: real n8n sent nothing they do not know.
	expect(deviations).toEqual([]);
	expect(shop?.deviations ?? []).toEqual([]);
});

/** Template 9's runs by n8n's own executions list: [mode, status] of each. */
async function executions(): Promise<Array<{ mode: string; status: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const response = await fetch(`${base}/rest/executions?filter=${filter}&limit=100`, {
		headers: { cookie },
	});
	if (!response.ok)
		throw new Error(`n8n refused the executions list: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { data: { results: Array<{ mode: string; status: string }> } })
		.data.results;
}
const finished = async () =>
	(await executions()).every(
		(execution) => !['running', 'new', 'waiting'].includes(execution.status),
	);
const failedRuns = async () =>
	(await executions()).filter((execution) => execution.status === 'error').length;

const starshipitOrder = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const fulfillmentPosts = () =>
	shop.requests.filter((request) => request.method === 'POST' && request.path === '/fulfillments');

test('n8n’s own credential test of the Shopify Access Token credential passes through the proxy, and fails with a wrong token', async () => {
	const testCredential = async (accessToken?: string) => {
		const body = JSON.stringify({
			credentials: {
				...SHOPIFY_CREDENTIAL,
				type: 'shopifyAccessTokenApi',
				data: credentialData(accessToken),
			},
		});
		const answer = await fetch(`${base}/rest/credentials/test`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json' },
			body,
		});
		return ((await answer.json()) as { data: { status: string; message: string } }).data;
	};
	expect(await testCredential()).toMatchObject({ status: 'OK' });
	expect(shop.requests).toContainEqual(
		expect.objectContaining({
			method: 'GET',
			path: '/products',
			version: '2024-07',
			auth: 'token',
			status: 200,
		}),
	);
	expect(await testCredential('wrong-token')).toMatchObject({ status: 'Error' });
});

test('publishing registered exactly one webhook: Order Paid, to the workflow’s Production URL', () => {
	expect(
		shop.store.webhooks.map(({ topic, address, format }) => ({ topic, address, format })),
	).toEqual([{ topic: 'orders/paid', address: shopifyWebhookUrl, format: 'json' }]);
	// The trigger asked first whether its webhook was there (the path n8n sends: double slash, no .json).
	expect(
		shop.requests.find((request) => request.path === '/webhooks' && request.method === 'GET'),
	).toMatchObject({ rawPath: '/admin/api/2024-07//webhooks', query: { topic: 'orders/paid' } });
});

describe('a paid order, its tracking and the repeats', () => {
	let shopOrder: Awaited<ReturnType<ShopifyStandIn['createOrder']>>['order'];

	test('a new paid Shopify order of three shippable lines and a gift card → one Starshipit order with the three lines', async () => {
		const runsBefore = (await executions()).length;
		const created = await shop.createOrder(THREE_LINE_ORDER);
		shopOrder = created.order;
		// orders/create has no webhook in the shop; orders/paid goes to n8n, which takes it.
		expect(created.deliveries.map((delivery) => [delivery.topic, delivery.status])).toEqual([
			['orders/paid', 200],
		]);
		await waitFor(() => starshipitOrder(shopOrder.name).length > 0, 'the import into Starshipit');
		await waitFor(
			async () => (await executions()).length > runsBefore && (await finished()),
			'n8n to record the run',
		);
		const [imported] = starshipitOrder(shopOrder.name);
		expect(starshipitOrder(shopOrder.name)).toHaveLength(1);
		expect(imported.reference).toBe(String(shopOrder.id));
		expect(imported.items?.map(({ item_id: _id, ...line }) => line)).toEqual([
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5, weight: 0.4 },
			{
				description: 'Cotton T-shirt - M / Black',
				sku: 'TEE-M-BLACK',
				quantity: 1,
				value: 30,
				weight: 0.2,
			},
			{ description: 'A2 poster', sku: 'POSTER-A2', quantity: 3, value: 12, weight: 0.1 },
		]);
		expect(imported.destination).toMatchObject({
			name: 'Sam Lee',
			street: '5 King Street',
			suburb: 'Newtown',
			state: 'NSW',
			post_code: '2042',
			country: 'Australia',
		});
		expect(await failedRuns()).toBe(0);
	});

	test('the sandbox prints it and posts tracking → the Shopify order is fulfilled, one fulfillment with the tracking number', async () => {
		sandbox.setWebhook(trackingUrl, WEBHOOK_SECRET);
		await sandbox.setOrderStatus(shopOrder.name, 'Printed');
		const printed = starshipitOrder(shopOrder.name)[0];
		expect(printed.tracking_number).toMatch(/^SSI/);
		await waitFor(
			() => shopOrder.fulfillment_status === 'fulfilled',
			`the fulfillment\n${n8nLog.slice(-3000)}`,
		);
		await waitFor(finished, 'the run to finish');
		expect(shopOrder.fulfillments).toHaveLength(1);
		expect(shopOrder.fulfillments[0]).toMatchObject({
			status: 'success',
			tracking_number: printed.tracking_number,
			tracking_company: printed.carrier_name,
			notify_customer: true,
		});
		// Only the three shippable lines were on the fulfillment order; the gift card was never on one.
		expect(shopOrder.fulfillments[0].line_items.map((line) => line.sku)).toEqual([
			'MUG-BLUE',
			'TEE-M-BLACK',
			'POSTER-A2',
		]);
		expect(
			shop.store.fulfillmentOrders
				.filter((candidate) => candidate.order_id === shopOrder.id)
				.map((candidate) => candidate.status),
		).toEqual(['closed']);
		expect(fulfillmentPosts()).toHaveLength(1);
		expect(await failedRuns()).toBe(0);
	});

	test('the same tracking again, a later status, and the poll’s copy change nothing: no second fulfillment, no 422', async () => {
		const runsBefore = (await executions()).length;
		// The same event once more: the Starshipit Trigger takes it (200) and starts nothing or a run that finds nothing open.
		expect((await sandbox.sendTrackingWebhook(shopOrder.name)).status).toBe(200);
		// A later status of the same parcel: a run that reads the fulfillment orders, finds none open, and stops.
		const reads = shop.requests.filter((request) =>
			request.path.endsWith('/fulfillment_orders'),
		).length;
		await sandbox.setOrderStatus(shopOrder.name, 'InTransit');
		await waitFor(
			() =>
				shop.requests.filter((request) => request.path.endsWith('/fulfillment_orders')).length >
				reads,
			'the later status’s run to read the fulfillment orders',
		);
		// The poll trigger (every minute here) finds the same changes and runs too.
		await waitFor(
			async () => (await executions()).some((execution) => execution.mode === 'trigger'),
			'a run started by the poll trigger',
			150_000,
		);
		await waitFor(finished, 'the runs to finish');
		expect((await executions()).length).toBeGreaterThan(runsBefore);
		expect(shopOrder.fulfillments).toHaveLength(1);
		expect(fulfillmentPosts()).toHaveLength(1);
		expect(shop.requests.filter((request) => request.status === 422)).toEqual([]);
		expect(await failedRuns()).toBe(0);
	}, 240_000);

	test('the shop’s own updates after the write-back start no loop: only Order Paid is subscribed, the one webhook stays', () => {
		expect(shop.store.webhooks.map((webhook) => webhook.topic)).toEqual(['orders/paid']);
		expect(shop.deliveries.map((delivery) => delivery.topic)).toEqual(['orders/paid']);
		expect(starshipitOrder(shopOrder.name)).toHaveLength(1);
	});
});

test('forged, tampered, unsigned and wrong-topic deliveries start no execution', async () => {
	const runsBefore = (await executions()).filter(
		(execution) => execution.mode === 'webhook',
	).length;
	const fake = {
		...structuredClone(shop.store.orders[0]),
		id: 5_550_000_009_999,
		name: '#1999',
		order_number: 1999,
	};
	const refused = [
		...(await shop.deliver('orders/paid', fake, { secret: 'not-the-app-secret' })),
		...(await shop.deliver('orders/paid', fake, { tamper: true })),
		...(await shop.deliver('orders/paid', fake, { unsigned: true })),
		...(await shop.deliver('orders/paid', fake, { topicHeader: 'orders/updated' })),
	];
	// n8n's Shopify Trigger answers each with 200 and starts nothing (it has no way to refuse).
	expect(refused.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200]);
	// A genuine order after them: once n8n has recorded its run, a run the refused ones started would be there too.
	const genuine = await shop.createOrder(THREE_LINE_ORDER);
	await waitFor(() => starshipitOrder(genuine.order.name).length > 0, 'the genuine order’s import');
	await waitFor(
		async () =>
			(await executions()).filter((execution) => execution.mode === 'webhook').length >=
				runsBefore + 1 && (await finished()),
		'n8n to record the run',
	);
	expect((await executions()).filter((execution) => execution.mode === 'webhook').length).toBe(
		runsBefore + 1,
	);
	expect(starshipitOrder('#1999')).toEqual([]);
});

test('egress: n8n reached nothing but the shop through the proxy, and sent nothing the stand-in does not know', () => {
	const tunnelled = [
		...new Set(shop.egress.filter((entry) => entry.allowed).map((entry) => entry.target)),
	];
	expect(tunnelled).toEqual([`${SHOPIFY_SHOP}.myshopify.com:443`]);
	// Anything else n8n tried (its own background calls) was refused at the proxy, never opened: shown, not failed.
	const refused = [
		...new Set(
			shop.egress
				.filter((entry) => !entry.allowed)
				.map((entry) => `${entry.method} ${entry.target}`),
		),
	];
	if (refused.length)
		console.info(`Refused at the proxy (n8n's own background calls): ${refused.join(', ')}`);
	for (const entry of refused) expect(entry).not.toMatch(/myshopify\.com:443$/);
	expect(shop.deviations).toEqual([]);
	// Noted, not failed: the http webhook address real Shopify would refuse; another API version than n8n's 2024-07 would show here too.
	expect(shop.info.map((entry) => entry.detail)).toEqual([
		`webhook address ${shopifyWebhookUrl} is not https (real Shopify refuses it)`,
	]);
});

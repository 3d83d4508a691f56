/**
 * The sandbox's page in a real browser (headless Chromium through playwright-core): a user who ran a workflow opens
 * the sandbox's address and sees the order it created, with its lines, parcel, tracking and label (the link opens a
 * PDF), and the requests it answered; the page shows a new order on its own. The orders are made by the node, run
 * through n8n's engine (test/harness), against this sandbox. The HTTP details are in test/sandbox-page/page.test.ts.
 */
import type { Browser, Page } from 'playwright-core';

import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { startSandbox, type Sandbox } from '../sandbox';
import { launchChromium } from './chromium';

let sandbox: Sandbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	browser = await launchChromium();
	page = await browser.newPage();
}, 900_000);
afterAll(async () => {
	await browser?.close();
	await sandbox?.close();
});

/** Order > Create, then Label > Create, as template 2 does, for one sample order. */
async function createAndPrint(orderNumber: string): Promise<void> {
	const credentials = sandboxCredentials(sandbox);
	const created = await runNode({
		credentials,
		parameters: {
			resource: 'order',
			operation: 'create',
			orderNumber,
			destinationName: 'Sam Lee',
			destinationStreet: '5 King Street',
			destinationSuburb: 'Newtown',
			destinationCity: 'Sydney',
			destinationState: 'NSW',
			destinationPostCode: '2042',
			destinationCountry: 'Australia',
			items: {
				item: [
					{ sku: 'MUG-BLUE', description: 'Blue mug', quantity: 2, value: 19.5, weight: 0.4 },
					{
						sku: 'TEE-M-BLACK',
						description: 'Cotton T-shirt',
						quantity: 1,
						value: 30,
						weight: 0.2,
					},
				],
			},
		},
	});
	if (created.error) throw new Error(`Order > Create failed: ${created.error.message}`);
	const orderId = String(created.items[0].json.order_id);
	const label = await runNode({
		credentials,
		parameters: {
			resource: 'label',
			operation: 'create',
			order: { __rl: true, mode: 'id', value: orderId },
		},
	});
	if (label.error) throw new Error(`Label > Create failed: ${label.error.message}`);
}

test('the page lists the order a workflow made, with its lines, tracking and a label link that opens the PDF', async () => {
	await createAndPrint('WEB-PAGE-1');
	await page.goto(`${sandbox.url}/`);
	const row = page.locator('tr[data-order="WEB-PAGE-1"]');
	await row.waitFor({ timeout: 10_000 });
	const text = await row.innerText();
	const order = sandbox.store.orders.find((candidate) => candidate.order_number === 'WEB-PAGE-1')!;
	expect(text).toContain('Printed');
	expect(text).toContain('2 × MUG-BLUE Blue mug');
	expect(text).toContain('1 × TEE-M-BLACK Cotton T-shirt');
	expect(text).toContain(String(order.tracking_number));
	const href = await row.getByRole('link', { name: 'label PDF' }).getAttribute('href');
	const pdf = await page.request.get(new URL(href!, sandbox.url).toString());
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	// The requests the node sent, with their status.
	const requests = await page.locator('#requests + table').innerText();
	expect(requests).toMatch(/POST\s+\/api\/orders\s+200/);
	expect(await page.locator('tr[data-product="MUG-BLUE"]').count()).toBe(1);
});

test('an order made while the page is open appears without reloading it by hand', async () => {
	await page.goto(`${sandbox.url}/`);
	await page.locator('tr[data-order="WEB-PAGE-1"]').waitFor({ timeout: 10_000 });
	await createAndPrint('WEB-PAGE-2');
	await page.locator('tr[data-order="WEB-PAGE-2"]').waitFor({ timeout: 20_000 });
});

/**
 * The sandbox's page over HTTP (the browser test is test/e2e/sandbox-page.e2e.test.ts): GET / answers HTML with what
 * the sandbox holds, escaped; labels and manifests open as PDFs; the API is unchanged (keys still required, page
 * requests are neither recorded nor checked against the API notes).
 */

import { expectDeviations } from '../harness/deviations';
import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';
import { pageAnswer } from '../sandbox/page';

const { sandbox } = useSandbox();

const get = async (path: string) => {
	const answer = await fetch(`${sandbox.url}${path}`);
	return {
		status: answer.status,
		type: answer.headers.get('content-type') ?? '',
		body: Buffer.from(await answer.arrayBuffer()),
	};
};

test('GET / is a page listing the seed orders, products and how to read it, without keys; it reloads itself', async () => {
	const page = await get('/');
	expect(page.status).toBe(200);
	expect(page.type).toMatch(/^text\/html/);
	const html = page.body.toString();
	for (const number of [
		SEED.domesticOrder,
		SEED.internationalOrder,
		SEED.printedOrder,
		SEED.deliveredOrder,
	])
		expect(html).toContain(`data-order="${number}"`);
	for (const sku of SEED.productSkus) expect(html).toContain(`data-product="${sku}"`);
	expect(html).toMatch(/<meta http-equiv="refresh" content="\d+">/);
	expect(html).toContain('SSI000000999');
	expect(html).toContain('href="/page/label/999.pdf"');
});

test('an order a workflow created, its label and its manifest are on the page; the label and manifest open as PDFs', async () => {
	const credentials = sandboxCredentials(sandbox);
	const created = await runNode({
		credentials,
		parameters: {
			resource: 'order',
			operation: 'create',
			orderNumber: 'PAGE-<b>1</b>',
			destinationName: 'Sam <script>alert(1)</script>',
			destinationStreet: '5 King Street',
			destinationSuburb: 'Newtown',
			destinationCity: 'Sydney',
			destinationState: 'NSW',
			destinationPostCode: '2042',
			destinationCountry: 'Australia',
			items: {
				item: [{ sku: 'MUG-BLUE', description: 'Blue mug', quantity: 2, value: 19.5, weight: 0.4 }],
			},
		},
	});
	expect(created.error).toBeUndefined();
	const order = sandbox.store.orders.find((row) => row.order_number === 'PAGE-<b>1</b>')!;
	const label = await runNode({
		credentials,
		parameters: {
			resource: 'label',
			operation: 'create',
			order: { __rl: true, mode: 'id', value: String(order.order_id) },
		},
	});
	expect(label.error).toBeUndefined();
	const html = (await get('/')).body.toString();
	expect(html).toContain('PAGE-&#60;b&#62;1&#60;/b&#62;');
	expect(html).toContain('Sam &#60;script&#62;');
	expect(html).not.toContain('<script>');
	expect(html).toContain('2 × MUG-BLUE Blue mug');
	expect(html).toContain(order.tracking_number);
	expect(html).toContain(`href="/page/label/${order.order_id}.pdf"`);
	// The requests the node sent, with their status, newest first.
	expect(html).toMatch(
		/<td>POST<\/td><td>\/api\/orders\/shipment<\/td><td>200<\/td>[\s\S]*<td>POST<\/td><td>\/api\/orders<\/td><td>200<\/td>/,
	);

	const pdf = await get(`/page/label/${order.order_id}.pdf`);
	expect(pdf.type).toBe('application/pdf');
	expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
	expect(pdf.body.toString('latin1')).toContain(String(order.tracking_number));

	const manifest = await runNode({
		credentials,
		parameters: {
			resource: 'manifest',
			operation: 'create',
			manifestBy: 'orders',
			orderId: String(order.order_id),
		},
	});
	expect(manifest.error).toBeUndefined();
	const [row] = sandbox.store.manifests;
	const after = (await get('/')).body.toString();
	expect(after).toContain(`data-manifest="${row.number}"`);
	expect(after).toContain(`href="/page/manifest/${row.id}.pdf"`);
	const manifestPdf = await get(`/page/manifest/${row.id}.pdf`);
	expect(manifestPdf.body.subarray(0, 5).toString()).toBe('%PDF-');
	expect(manifestPdf.body.toString('latin1')).toContain(`Manifest ${row.number}`);
});

test('the API is as it was: keys still required at the root and on every API path; page requests are not API requests', async () => {
	const before = sandbox.requests.length;
	await get('/');
	await get('/page/label/999.pdf');
	expect(sandbox.requests).toHaveLength(before);
	expect(sandbox.deviations).toEqual([]);
	expect((await get('/api/orders?order_id=1001')).status).toBe(401);
	// Only GET is the page: any other request to the root is an API request, refused without keys as before.
	expectDeviations(sandbox, { method: 'POST', path: '/' });
	expect((await fetch(`${sandbox.url}/`, { method: 'POST', body: '{}' })).status).toBe(401);
	expect((await get('/page/label/1001.pdf')).status).toBe(404);
	expect((await get('/page/nothing')).status).toBe(404);
});

test('only this machine gets the page', () => {
	const source = { store: sandbox.store, requests: [] };
	expect(pageAnswer('GET', '/', '192.168.1.20', source)?.status).toBe(403);
	expect(pageAnswer('GET', '/', '::ffff:127.0.0.1', source)?.status).toBe(200);
	expect(pageAnswer('GET', '/api/orders', '127.0.0.1', source)).toBeUndefined();
	expect(pageAnswer('POST', '/', '127.0.0.1', source)).toBeUndefined();
});

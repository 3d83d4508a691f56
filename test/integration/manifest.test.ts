import type { IDataObject } from 'n8n-workflow';

import { binaryBytes } from '../harness/binary-data';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

const { sandbox, runOperation: run } = useSandbox();

const stored = (number: string) => sandbox.store.orders.find((row) => row.order_number === number)!;

/** Labels the given orders through the node, as a workflow would before manifesting. */
async function labelled(...numbers: string[]): Promise<IDataObject[]> {
	const { items, error } = await run(
		'label',
		'create',
		{ order: { __rl: true, mode: 'orderNumber', value: '={{ $json.number }}' } },
		numbers.map((number) => ({ number })),
	);
	expect(error).toBeUndefined();
	return items.map((item) => item.json);
}

describe('Manifest > Create', () => {
	test('after labels: one manifest PDF for all input orders, paired to each', async () => {
		const input = await labelled(SEED.domesticOrder, SEED.multiItemOrder);
		const { items, error } = await run(
			'manifest',
			'create',
			{ manifestBy: 'orders', orderId: '={{ $json.order_id }}' },
			input,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({
			order_ids: input.map((row) => row.order_id),
			manifested: 2,
			files: ['data'],
		});
		expect(items[0].binary!.data).toMatchObject({
			mimeType: 'application/pdf',
			fileExtension: 'pdf',
		});
		expect(items[0].binary!.data.fileName).toMatch(/^manifest-\d{4}-\d{2}-\d{2}\.pdf$/);
		const pdf = (await binaryBytes(items[0].binary!.data)).toString('latin1');
		expect(pdf.startsWith('%PDF-')).toBe(true);
		expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
		expect(pdf).toContain(`Order ${SEED.multiItemOrder}`);
		expect(sandbox.stats.byRoute['POST /api/orders/manifest']).toBe(1);
		expect(stored(SEED.domesticOrder)).toMatchObject({
			status: 'Shipped',
			manifest_number: expect.stringMatching(/^M-/),
		});
		expect(JSON.stringify(items[0].json)).not.toMatch(/JVBERi/);
	});

	test('an unprinted order is refused with Starshipit’s words', async () => {
		const { error } = await run('manifest', 'create', {
			manifestBy: 'orders',
			orderId: String(stored(SEED.domesticOrder).order_id),
		});
		expect(error?.message).toBe('Starshipit: Only printed, unmanifested orders can be manifested');
		expect(stored(SEED.domesticOrder).status).toBe('Unshipped');
	});

	test('an order number where an ID belongs is refused before anything is sent', async () => {
		const { error } = await run('manifest', 'create', {
			manifestBy: 'orders',
			orderId: SEED.printedOrder,
		});
		expect(error?.message).toBe(
			`Order ID of item 1 is not a Starshipit order ID: "${SEED.printedOrder}"`,
		);
		expect(sandbox.stats.requests).toBe(0);
	});

	test('Continue On Fail: one error item paired to every input item', async () => {
		const { items, error } = await run(
			'manifest',
			'create',
			{ manifestBy: 'orders', orderId: String(stored(SEED.domesticOrder).order_id) },
			[{}, {}],
			true,
		);
		expect(error).toBeUndefined();
		// The manifest stood for both input items, so its failure does too.
		expect(items).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({
					error: 'Starshipit: Only printed, unmanifested orders can be manifested',
				}),
				pairedItem: [{ item: 0 }, { item: 1 }],
			}),
		]);
	});

	test('Continue On Fail: a bad order ID fails its own item; the good orders are manifested', async () => {
		const [printed] = await labelled(SEED.domesticOrder);
		const { items, error } = await run(
			'manifest',
			'create',
			{ manifestBy: 'orders', orderId: '={{ $json.order_id }}' },
			[printed, { order_id: 'SO-9' }],
			true,
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.manifested ?? item.json.error, item.pairedItem])).toEqual(
			[
				[1, [{ item: 0 }]],
				['Order ID of item 2 is not a Starshipit order ID: "SO-9"', { item: 1 }],
			],
		);
		expect(stored(SEED.domesticOrder).manifest_number).toMatch(/^M-/);
	});

	test('by carrier: everything printed for that carrier', async () => {
		await labelled(SEED.domesticOrder);
		const { items, error } = await run('manifest', 'create', {
			manifestBy: 'carrier',
			carrier: 'AusPost',
		});
		expect(error).toBeUndefined();
		// The seeded printed order and the one just labelled.
		expect(items[0].json).toEqual({ carrier: 'AusPost', records_manifested: 2 });
		expect(
			sandbox.requests.find((request) => request.path === '/api/manifests/carrier')?.body,
		).toEqual({ carrier: 'AusPost' });
	});

	test('read-only mode refuses it', async () => {
		const { error } = await run('manifest', 'create', {
			manifestBy: 'carrier',
			carrier: 'AusPost',
			readOnly: true,
		});
		expect(error?.message).toMatch(/Read-only mode is on/);
		expect(sandbox.stats.requests).toBe(0);
	});
});

describe('Manifest > Get Many', () => {
	async function threeManifests() {
		for (const number of [SEED.domesticOrder, SEED.multiItemOrder, SEED.internationalOrder]) {
			const [row] = await labelled(number);
			await run('manifest', 'create', { manifestBy: 'orders', orderId: String(row.order_id) });
		}
	}

	test('Limit: only that many, asked for in one small page', async () => {
		await threeManifests();
		const { items, error } = await run('manifest', 'getMany', { returnAll: false, limit: 2 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({
			number: expect.stringMatching(/^M-/),
			numberArticles: 1,
		});
		const lists = sandbox.requests.filter(
			(request) => request.method === 'GET' && request.path === '/api/manifests',
		);
		expect(lists.map((request) => request.query)).toEqual([{ page: '1', limit: '2' }]);
	});

	test('Return All asks for pages of 250, the most Starshipit gives', async () => {
		await threeManifests();
		const { items } = await run('manifest', 'getMany', { returnAll: true });
		expect(items).toHaveLength(3);
		const lists = sandbox.requests.filter(
			(request) => request.method === 'GET' && request.path === '/api/manifests',
		);
		expect(lists[0].query).toMatchObject({ limit: '250' });
	});

	test('Download Files attaches each manifest’s PDF', async () => {
		const [row] = await labelled(SEED.domesticOrder);
		await run('manifest', 'create', { manifestBy: 'orders', orderId: String(row.order_id) });
		const { items, error } = await run('manifest', 'getMany', {
			returnAll: true,
			downloadFiles: true,
			binaryPropertyName: 'manifest',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const file = items[0].binary!.manifest;
		expect(file).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `manifest-${String(items[0].json.number)}.pdf`,
		});
		const pdf = (await binaryBytes(file)).toString('latin1');
		expect(pdf.startsWith('%PDF-')).toBe(true);
		expect(pdf).toContain(`Order ${SEED.domesticOrder}`);
		expect(
			sandbox.requests.find((request) => request.path === '/api/manifests/files/')?.query,
		).toEqual({ manifest_id: String(items[0].json.id) });
	});

	test('no manifests: no items', async () => {
		const { items, error } = await run('manifest', 'getMany', { returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
	});
});

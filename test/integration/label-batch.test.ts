/**
 * Issue 23: Label > Create Many, Get Packing Slips, Redo, Create Return's additional shipment, and
 * Manifest > Create by tracking or order numbers, through n8n's engine against the strict sandbox.
 */
import { binaryBytes } from '../harness/binary-data';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';
import { pdfDocument } from '../sandbox/pdf';

const { sandbox, runOperation: run } = useSandbox();

const stored = (number: string) => sandbox.store.orders.find((row) => row.order_number === number)!;
const idOf = (number: string) => ({ order_id: stored(number).order_id });
const byNumber = (value: string) => ({ order: { __rl: true, mode: 'orderNumber', value } });
const requestsTo = (method: string, path: string) =>
	sandbox.requests.filter((request) => request.method === method && request.path === path);
const pdfText = async (file: Parameters<typeof binaryBytes>[0]) =>
	(await binaryBytes(file)).toString('latin1');

describe('Label > Create Many', () => {
	test('one request books every input order; each comes back as its own item with its tracking number and label file', async () => {
		const input = [idOf(SEED.domesticOrder), idOf(SEED.multiItemOrder)];
		const { items, error } = await run(
			'label',
			'createMany',
			{ orderId: '={{ $json.order_id }}' },
			input,
		);
		expect(error).toBeUndefined();
		expect(requestsTo('POST', '/api/orders/shipments').map((request) => request.body)).toEqual([
			{ order_ids: input.map((row) => row.order_id) },
		]);
		expect(requestsTo('POST', '/api/orders/shipment')).toEqual([]);
		expect(items).toHaveLength(2);
		for (const [index, number] of [SEED.domesticOrder, SEED.multiItemOrder].entries()) {
			const order = stored(number);
			expect(order.status).toBe('Printed');
			expect(items[index].pairedItem).toEqual({ item: index });
			expect(items[index].json).toMatchObject({
				order_id: order.order_id,
				order_number: number,
				tracking_number: order.tracking_number,
				tracking_url: order.tracking_url,
				files: ['data'],
			});
			expect(items[index].binary!.data).toMatchObject({
				mimeType: 'application/pdf',
				fileName: `label-${number}.pdf`,
			});
			// Each order's own label, not its neighbour's.
			expect(await pdfText(items[index].binary!.data)).toContain(
				`Tracking ${String(order.tracking_number)}`,
			);
		}
		expect(JSON.stringify(items.map((item) => item.json))).not.toMatch(/JVBERi/);
	});

	test('an answer without one label per order: each label is fetched again (reprint books nothing)', async () => {
		const label = pdfDocument(['one combined file']).toString('base64');
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipments',
			kind: 'status',
			status: 200,
			times: 1,
			body: { success: true, labels: [{ label_type: 'Label', label_base64_string: label }] },
		});
		// The fault answers in the sandbox's place: book the orders as Starshipit would have.
		for (const number of [SEED.domesticOrder, SEED.multiItemOrder])
			await sandbox.setOrderStatus(number, 'Printed');
		const { items, error } = await run('label', 'createMany', {}, [
			idOf(SEED.domesticOrder),
			idOf(SEED.multiItemOrder),
		]);
		expect(error).toBeUndefined();
		expect(requestsTo('POST', '/api/orders/shipment').map((request) => request.body)).toEqual([
			{ order_id: stored(SEED.domesticOrder).order_id, reprint: true },
			{ order_id: stored(SEED.multiItemOrder).order_id, reprint: true },
		]);
		expect(await pdfText(items[1].binary!.data)).toContain(
			`Tracking ${String(stored(SEED.multiItemOrder).tracking_number)}`,
		);
	});

	test('an order Starshipit cannot book: its refusal in its own words, nothing booked', async () => {
		stored(SEED.internationalOrder).items = [{ item_id: 1, sku: 'MUG', quantity: 1, value: 0 }];
		const { error } = await run('label', 'createMany', {}, [
			idOf(SEED.domesticOrder),
			idOf(SEED.internationalOrder),
		]);
		expect(error?.message).toBe('Starshipit: Customs information is incomplete');
		expect(error?.description).toContain(SEED.internationalOrder);
		expect(stored(SEED.domesticOrder).status).toBe('Unshipped');
	});

	test('Continue On Fail: the refusal is one error item paired to every order of the batch', async () => {
		const { items, error } = await run(
			'label',
			'createMany',
			{},
			[idOf(SEED.printedOrder), idOf(SEED.domesticOrder)],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({
					error: `Starshipit: Order ${SEED.printedOrder} is already printed`,
				}),
				pairedItem: [{ item: 0 }, { item: 1 }],
			}),
		]);
	});

	test.each([
		[
			'an order number where an ID belongs',
			[{ order_id: SEED.domesticOrder }],
			/Order ID of item 1 is not a Starshipit order ID: "SO-1001"/,
		],
		[
			'the same order twice',
			[{ order_id: 1001 }, { order_id: 1001 }],
			/Order ID 1001 is in item 1 and item 2: nothing was sent/,
		],
	])('bad input (%s) is refused before anything is sent', async (_name, input, expected) => {
		const { error } = await run('label', 'createMany', {}, input);
		expect(error?.message).toMatch(expected);
		expect(sandbox.stats.requests).toBe(0);
	});

	test('read-only mode refuses it', async () => {
		const { error } = await run('label', 'createMany', { readOnly: true }, [
			idOf(SEED.domesticOrder),
		]);
		expect(error?.message).toMatch(/Read-only mode is on/);
		expect(sandbox.stats.requests).toBe(0);
	});
});

describe('Label > Get Packing Slips', () => {
	test('one PDF for all input orders, paired to each; Summary is sent as chosen', async () => {
		const input = [idOf(SEED.domesticOrder), idOf(SEED.multiItemOrder)];
		const { items, error } = await run(
			'label',
			'getPackingSlips',
			{ summary: true, binaryPropertyName: 'slips' },
			input,
		);
		expect(error).toBeUndefined();
		expect(requestsTo('POST', '/api/orders/packingslips').map((request) => request.body)).toEqual([
			{ order_ids: input.map((row) => row.order_id), summary: true },
		]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({
			order_ids: input.map((row) => row.order_id),
			summary: true,
			files: ['slips'],
		});
		expect(items[0].binary!.slips).toMatchObject({
			mimeType: 'application/pdf',
			fileName: expect.stringMatching(/^packing-slips-\d{4}-\d{2}-\d{2}\.pdf$/),
		});
		expect(await pdfText(items[0].binary!.slips)).toContain('3 x POSTER-A2');
		expect(stored(SEED.domesticOrder).status).toBe('Unshipped');
	});

	test('an unknown order: Starshipit’s refusal in its own words', async () => {
		const { error } = await run('label', 'getPackingSlips', {}, [{ order_id: 424242 }]);
		expect(error?.message).toBe('Starshipit: Order not found');
		expect(error?.description).toContain('424242');
	});

	test('an empty Order ID is refused before anything is sent', async () => {
		const { error } = await run('label', 'getPackingSlips', {}, [{ order_id: '' }]);
		expect(error?.message).toMatch(/Order ID of item 1 .*nothing was sent to Starshipit/);
		expect(sandbox.stats.requests).toBe(0);
	});

	test('reads only: allowed in read-only mode', async () => {
		const { error } = await run('label', 'getPackingSlips', { readOnly: true }, [
			idOf(SEED.domesticOrder),
		]);
		expect(error).toBeUndefined();
	});
});

describe('Label > Redo', () => {
	test('replaces the printed label: a new tracking number and label, the old number given back', async () => {
		const old = stored(SEED.printedOrder).tracking_number;
		const { items, error } = await run('label', 'redo', byNumber(SEED.printedOrder));
		expect(error).toBeUndefined();
		const order = stored(SEED.printedOrder);
		expect(order.tracking_number).not.toBe(old);
		expect(
			requestsTo('POST', '/api/orders/shipment/replace').map((request) => request.body),
		).toEqual([{ order_id: order.order_id }]);
		expect(items[0].json).toMatchObject({
			order_number: SEED.printedOrder,
			tracking_number: order.tracking_number,
			replaced_tracking_number: old,
			files: ['data'],
		});
		expect(await pdfText(items[0].binary!.data)).toContain(
			`Tracking ${String(order.tracking_number)}`,
		);
	});

	test('an answer whose order is not booked yet: its label is booked', async () => {
		const order = stored(SEED.printedOrder);
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipment/replace',
			kind: 'status',
			status: 200,
			times: 1,
			body: {
				success: true,
				order: { order_id: stored(SEED.domesticOrder).order_id, status: 'Unshipped' },
			},
		});
		const { items, error } = await run('label', 'redo', byNumber(SEED.printedOrder));
		expect(error).toBeUndefined();
		expect(requestsTo('POST', '/api/orders/shipment').map((request) => request.body)).toEqual([
			{ order_id: stored(SEED.domesticOrder).order_id },
		]);
		expect(items[0].json).toMatchObject({
			tracking_number: stored(SEED.domesticOrder).tracking_number,
			replaced_tracking_number: order.tracking_number,
		});
	});

	test('a manifested order: Starshipit’s refusal in its own words', async () => {
		const { error } = await run('label', 'redo', byNumber(SEED.deliveredOrder));
		expect(error?.message).toBe(`Starshipit: Order ${SEED.deliveredOrder} has been manifested`);
	});

	test('an order without a label is refused before anything is sent', async () => {
		const { error } = await run('label', 'redo', byNumber(SEED.domesticOrder));
		expect(error?.message).toBe(
			`Order ${SEED.domesticOrder} (item 1) has no label to redo: nothing was sent to Starshipit`,
		);
		expect(sandbox.requests.filter((request) => request.method !== 'GET')).toEqual([]);
	});

	test('read-only mode refuses it', async () => {
		const { error } = await run('label', 'redo', {
			...byNumber(SEED.printedOrder),
			readOnly: true,
		});
		expect(error?.message).toMatch(/Read-only mode is on/);
		expect(sandbox.stats.requests).toBe(0);
	});
});

describe('Label > Create Return: Additional Shipment', () => {
	test('a plain copy of the order (not a return) is made and labelled', async () => {
		const { items, error } = await run('label', 'createReturn', {
			...byNumber(SEED.printedOrder),
			shipmentKind: 'additional',
		});
		expect(error).toBeUndefined();
		expect(requestsTo('POST', '/api/orders/shipment/clone').map((request) => request.body)).toEqual(
			[{ order_id: stored(SEED.printedOrder).order_id, to_return_shipment: false }],
		);
		const copy = sandbox.store.orders.find((order) => order.order_id === items[0].json.order_id)!;
		expect(copy).toMatchObject({ return_order: false, status: 'Printed' });
		expect(items[0].json).toMatchObject({
			original_order_number: SEED.printedOrder,
			return_order: false,
			tracking_number: copy.tracking_number,
		});
	});

	test('Return stays the default', async () => {
		const { items } = await run('label', 'createReturn', byNumber(SEED.printedOrder));
		expect(requestsTo('POST', '/api/orders/shipment/clone')[0].body).toMatchObject({
			to_return_shipment: true,
		});
		expect(items[0].json.return_order).toBe(true);
	});
});

describe('Manifest > Create by tracking or order numbers', () => {
	async function printed(...numbers: string[]) {
		const { items } = await run(
			'label',
			'create',
			{ order: { __rl: true, mode: 'orderNumber', value: '={{ $json.number }}' } },
			numbers.map((number) => ({ number })),
		);
		return items.map((item) => item.json);
	}

	test('by tracking numbers: one manifest PDF for all input items, paired to each', async () => {
		const input = await printed(SEED.domesticOrder, SEED.multiItemOrder);
		const { items, error } = await run('manifest', 'create', { manifestBy: 'numbers' }, input);
		expect(error).toBeUndefined();
		expect(requestsTo('POST', '/api/manifests/shipments').map((request) => request.body)).toEqual([
			{ tracking_numbers: input.map((row) => row.tracking_number), use_order_numbers: false },
		]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({
			tracking_numbers: input.map((row) => row.tracking_number),
			manifested: 2,
			file_name: expect.stringMatching(/^manifest-M-\d+\.pdf$/),
		});
		expect(items[0].binary!.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: items[0].json.file_name,
		});
		expect(await pdfText(items[0].binary!.data)).toContain(`Order ${SEED.multiItemOrder}`);
		expect(stored(SEED.domesticOrder)).toMatchObject({
			status: 'Shipped',
			manifest_number: expect.stringMatching(/^M-/),
		});
	});

	test('by order numbers', async () => {
		await printed(SEED.domesticOrder);
		const { error } = await run('manifest', 'create', {
			manifestBy: 'numbers',
			numbersAre: 'order',
			shipmentNumber: SEED.domesticOrder,
		});
		expect(error).toBeUndefined();
		expect(requestsTo('POST', '/api/manifests/shipments')[0].body).toEqual({
			tracking_numbers: [SEED.domesticOrder],
			use_order_numbers: true,
		});
		expect(stored(SEED.domesticOrder).status).toBe('Shipped');
	});

	test('an unknown tracking number: Starshipit’s refusal in its own words', async () => {
		const { error } = await run('manifest', 'create', {
			manifestBy: 'numbers',
			shipmentNumber: 'NOPE123',
		});
		expect(error?.message).toBe('Starshipit: Shipment not found');
		expect(error?.description).toContain('NOPE123');
	});

	test.each([
		['an empty number', [{ tracking_number: '' }], /Tracking Number of item 1 .*nothing was sent/],
		[
			'the same number twice',
			[{ tracking_number: 'SSI1' }, { tracking_number: 'SSI1' }],
			/Tracking Number of item 2 repeats item 1/,
		],
	])('bad input (%s) is refused before anything is sent', async (_name, input, expected) => {
		const { error } = await run('manifest', 'create', { manifestBy: 'numbers' }, input);
		expect(error?.message).toMatch(expected);
		expect(sandbox.stats.requests).toBe(0);
	});
});

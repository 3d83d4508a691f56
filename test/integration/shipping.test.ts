import type { IDataObject } from 'n8n-workflow';

import { binaryBytes } from '../harness/binary-data';
import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { SEED, startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterEach(() => {
	sandbox.reset();
	sandbox.settings.labelFormat = 'pdf';
});
afterAll(async () => await sandbox.close());

const run = (resource: string, operation: string, parameters: IDataObject, input: IDataObject[] = [{}], continueOnFail = false) =>
	runNode({ parameters: { resource, operation, ...parameters }, input, credentials: sandboxCredentials(sandbox), continueOnFail });
const byNumber = (value: string) => ({ order: { __rl: true, mode: 'orderNumber', value } });
const fileBytes = binaryBytes;
const stored = (number: string) => sandbox.store.orders.find((row) => row.order_number === number)!;

describe('Label > Create', () => {
	test('books the shipment and returns a valid PDF file with a sensible name and no base64 in JSON', async () => {
		const { items, error } = await run('label', 'create', byNumber(SEED.domesticOrder));
		expect(error).toBeUndefined();
		const [item] = items;
		expect(item.json).toMatchObject({ order_number: SEED.domesticOrder, tracking_number: stored(SEED.domesticOrder).tracking_number, files: ['data'] });
		const file = item.binary!.data;
		expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: `label-${SEED.domesticOrder}.pdf`, fileExtension: 'pdf' });
		const pdf = await fileBytes(file);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
		expect(JSON.stringify(item.json).length).toBeLessThan(1000);
		expect(stored(SEED.domesticOrder).status).toBe('Printed');
	});

	test('a ZPL account gets a .zpl text file', async () => {
		sandbox.settings.labelFormat = 'zpl';
		const { items } = await run('label', 'create', { ...byNumber(SEED.multiItemOrder), binaryPropertyName: 'label' });
		expect(items[0].binary!.label).toMatchObject({ mimeType: 'text/plain', fileName: `label-${SEED.multiItemOrder}.zpl` });
		expect((await fileBytes(items[0].binary!.label)).toString()).toMatch(/^\^XA/);
	});

	test('Include Raw Base64 adds the text only when asked', async () => {
		const { items } = await run('label', 'create', { ...byNumber(SEED.domesticOrder), options: { includeBase64: true } });
		expect(String((items[0].json.labels_base64 as string[])[0]).startsWith('JVBERi')).toBe(true);
	});

	test('an unknown order: a plain error, nothing booked', async () => {
		const { error } = await run('label', 'create', byNumber('NOPE-9'));
		expect(error?.message).toBe('Starshipit has no order numbered NOPE-9 (item 1)');
		expect(sandbox.stats.byRoute['POST /api/orders/shipment']).toBeUndefined();
	});

	test('Starshipit’s own refusal reaches the user (already printed)', async () => {
		await run('label', 'create', byNumber(SEED.domesticOrder));
		const { error } = await run('label', 'create', byNumber(SEED.domesticOrder));
		expect(error?.message).toBe(`Starshipit: Order ${SEED.domesticOrder} is already printed`);
		expect(error?.description).toContain('reprint');
	});

	test('an international order without customs data: a pre-flight error naming the item, no label requested', async () => {
		stored(SEED.internationalOrder).items = [{ item_id: 1, sku: 'TEE', description: 'Shirt', quantity: 1, value: 30 }, { item_id: 2, sku: 'MUG', quantity: 1 }];
		const { error } = await run('label', 'create', byNumber(SEED.internationalOrder));
		expect(error?.message).toMatch(/lacks customs data: no label was requested/);
		expect(error?.description).toContain('Item 2: Description is required for customs');
		expect(error?.description).toContain('Item 2: Value is required for customs');
		expect(sandbox.stats.byRoute['POST /api/orders/shipment']).toBeUndefined();
	});

	test('an international order with customs data is labelled', async () => {
		const { error, items } = await run('label', 'create', byNumber(SEED.internationalOrder));
		expect(error).toBeUndefined();
		expect(items[0].json.tracking_number).toMatch(/^SSI/);
	});

	test('a dropped connection after booking: the label is fetched, not booked twice', async () => {
		sandbox.faults.add({ method: 'POST', path: '/api/orders/shipment', kind: 'drop-after-write', times: 1 });
		const { items, error } = await run('label', 'create', byNumber(SEED.domesticOrder));
		expect(error).toBeUndefined();
		expect(items[0].json.tracking_number).toBe(stored(SEED.domesticOrder).tracking_number);
		expect(sandbox.store.nextTrackingNumber).toBe(1001);
	});

	test('bad package input is refused before anything is sent', async () => {
		const { error } = await run('label', 'create', { ...byNumber(SEED.domesticOrder), packages: { package: [{ weight: 0 }] } });
		expect(error?.description).toMatch(/Packages › #1 › Weight: must be above 0/);
		expect(sandbox.stats.byRoute['POST /api/orders/shipment']).toBeUndefined();
	});
});

test('Label > Reprint returns the existing label and books nothing', async () => {
	const { items } = await run('label', 'reprint', byNumber(SEED.printedOrder));
	expect(items[0].json.tracking_number).toBe('SSI000000999');
	expect((await fileBytes(items[0].binary!.data)).subarray(0, 5).toString()).toBe('%PDF-');
	expect(sandbox.store.nextTrackingNumber).toBe(1000);
});

test('Label > Create Return clones the order as a return and labels it', async () => {
	const { items, error } = await run('label', 'createReturn', byNumber(SEED.printedOrder));
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ original_order_number: SEED.printedOrder });
	const clone = sandbox.store.orders.find((row) => row.order_number === items[0].json.order_number)!;
	expect(clone).toMatchObject({ return_order: true, status: 'Printed' });
});

describe('Manifest', () => {
	test('after labels: one manifest PDF for all input orders, paired to each', async () => {
		const labels = await run('label', 'create', { order: { __rl: true, mode: 'orderNumber', value: '={{ $json.number }}' } }, [{ number: SEED.domesticOrder }, { number: SEED.multiItemOrder }]);
		const input = labels.items.map((item) => item.json);
		const { items, error } = await run('manifest', 'create', { manifestBy: 'orders', orderId: '={{ $json.order_id }}' }, input);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].binary!.data.mimeType).toBe('application/pdf');
		expect((await fileBytes(items[0].binary!.data)).toString('latin1')).toContain(`Order ${SEED.multiItemOrder}`);
		expect(stored(SEED.domesticOrder).status).toBe('Shipped');
	});

	test('an unprinted order is refused with Starshipit’s words', async () => {
		const { error } = await run('manifest', 'create', { manifestBy: 'orders', orderId: String(stored(SEED.domesticOrder).order_id) });
		expect(error?.message).toBe('Starshipit: Only printed, unmanifested orders can be manifested');
	});

	test('by carrier, then Get Many with the files', async () => {
		const byCarrier = await run('manifest', 'create', { manifestBy: 'carrier', carrier: 'AusPost' });
		expect(byCarrier.items[0].json).toMatchObject({ records_manifested: 1 });
		const { items } = await run('manifest', 'getMany', { returnAll: true, downloadFiles: true });
		expect(items).toHaveLength(1);
		expect(items[0].binary!.data.fileName).toMatch(/^manifest-M-\d+\.pdf$/);
	});
});

describe('Rate > Get Rates', () => {
	const rates = (parameters: IDataObject) => run('rate', 'getRates', { postCode: '2000', countryCode: 'AU', packages: { package: [{ weight: 2 }] }, ...parameters });

	test('one item per rate, cheapest first, limited', async () => {
		const { items } = await rates({ options: { sortBy: 'cheapest', maxResults: 2 } });
		expect(items).toHaveLength(2);
		expect(Number(items[0].json.total_price)).toBeLessThanOrEqual(Number(items[1].json.total_price));
		expect(items[0].json).toMatchObject({ rank: 1, service_code: 'PP', currency: 'AUD' });
	});

	test('fastest first and a service filter', async () => {
		expect((await rates({ options: { sortBy: 'fastest' } })).items[0].json.service_code).toBe('EXP');
		expect((await rates({ options: { serviceCodes: 'pp' } })).items.map((item) => item.json.service_code)).toEqual(['PP']);
	});

	test('international destinations get international services', async () => {
		const { items } = await rates({ postCode: '1010', countryCode: 'nz' });
		expect(items.map((item) => item.json.service_code)).toContain('INTL');
	});

	test('no matching rate gives a helpful message item', async () => {
		const { items } = await rates({ options: { serviceCodes: 'NOPE' } });
		expect(items[0].json).toMatchObject({ rates_found: 0 });
	});

	test.each([
		['country as a name', { countryCode: 'Australia' }, /Destination › Country Code: must be a 2-letter/],
		['post code with symbols', { postCode: '2#00' }, /Destination › Post Code/],
		['zero weight', { packages: { package: [{ weight: 0 }] } }, /Packages › #1 › Weight: must be above 0/],
		['no package', { packages: {} }, /Packages: add at least one package/],
		['bad currency', { options: { currency: 'dollars' } }, /Currency: must be a 3-letter/],
	])('malformed: %s', async (_name, parameters, expected) => {
		const before = sandbox.stats.requests;
		const { error } = await rates(parameters as IDataObject);
		expect(`${error?.message}\n${error?.description}`).toMatch(expected);
		expect(sandbox.stats.requests).toBe(before);
	});

	test('Get Delivery Services lists the services', async () => {
		const { items } = await run('rate', 'getDeliveryServices', {});
		expect(items.map((item) => item.json.service_code)).toContain('EXP');
	});
});

test('Tracking for a delivered order says delivered, with its events', async () => {
	const { items } = await run('tracking', 'get', { lookupBy: 'orderNumber', orderNumber: SEED.deliveredOrder, output: 'shipment' });
	expect(items[0].json).toMatchObject({ delivered: true, tracking_status: 'Delivered' });
	const events = await run('tracking', 'get', { lookupBy: 'orderNumber', orderNumber: SEED.deliveredOrder, output: 'events' });
	expect(events.items.map((item) => item.json.status)).toEqual(['Printed', 'InTransit', 'Delivered']);
});

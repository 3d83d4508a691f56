import type { IDataObject } from 'n8n-workflow';

import { binaryBytes } from '../harness/binary-data';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';
import { createLabelOperation } from '../../nodes/Starshipit/actions/label/create.operation';
import { updateOrderOperation } from '../../nodes/Starshipit/actions/order/update.operation';

const { sandbox, runOperation } = useSandbox();

const run = (
	operation: string,
	parameters: IDataObject,
	input?: IDataObject[],
	continueOnFail?: boolean,
) => runOperation('label', operation, parameters, input, continueOnFail);
const byNumber = (value: string) => ({ order: { __rl: true, mode: 'orderNumber', value } });
const byId = (value: string | number) => ({
	order: { __rl: true, mode: 'id', value: String(value) },
});
const stored = (number: string) => sandbox.store.orders.find((row) => row.order_number === number)!;
const labelRequests = () =>
	sandbox.requests.filter(
		(request) => request.method === 'POST' && request.path === '/api/orders/shipment',
	);
const calls = () => sandbox.requests.map((request) => `${request.method} ${request.path}`);
const writes = () => sandbox.requests.filter((request) => request.method !== 'GET');

describe('Label > Create', () => {
	test('books the shipment: facts as JSON, the label as a valid PDF file, no base64 in JSON', async () => {
		const { items, error } = await run('create', byNumber(SEED.domesticOrder));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [item] = items;
		const order = stored(SEED.domesticOrder);
		expect(order.status).toBe('Printed');
		expect(item.json).toMatchObject({
			order_id: order.order_id,
			order_number: SEED.domesticOrder,
			carrier_name: order.carrier_name,
			tracking_numbers: [order.tracking_number],
			tracking_number: order.tracking_number,
			files: ['data'],
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		const file = item.binary!.data;
		expect(file).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `label-${SEED.domesticOrder}.pdf`,
			fileExtension: 'pdf',
		});
		const pdf = await binaryBytes(file);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
		expect(pdf.toString('latin1')).toContain(String(order.tracking_number));
		expect(JSON.stringify(item.json)).not.toMatch(/JVBERi/);
		expect(JSON.stringify(item.json).length).toBeLessThan(1000);
	});

	test('by Starshipit ID, with carrier, service and packages passed on', async () => {
		const order = stored(SEED.multiItemOrder);
		const { items, error } = await run('create', {
			...byId(order.order_id),
			carrier: 'CouriersPlease',
			carrierServiceCode: 'CPL',
			packages: { package: [{ weight: 1.2, height: 0.1, width: 0.2, length: 0.3 }] },
		});
		expect(error).toBeUndefined();
		expect(labelRequests()[0].body).toEqual({
			order_id: order.order_id,
			carrier: 'CouriersPlease',
			carrier_service_code: 'CPL',
			packages: [{ weight: 1.2, height: 0.1, width: 0.2, length: 0.3 }],
		});
		expect(items[0].json).toMatchObject({
			order_number: SEED.multiItemOrder,
			carrier_service_code: 'CPL',
		});
	});

	test('a ZPL account gets a .zpl text file in the chosen field', async () => {
		sandbox.settings.labelFormat = 'zpl';
		const { items } = await run('create', {
			...byNumber(SEED.multiItemOrder),
			binaryPropertyName: 'label',
		});
		expect(items[0].binary!.label).toMatchObject({
			mimeType: 'text/plain',
			fileName: `label-${SEED.multiItemOrder}.zpl`,
		});
		expect((await binaryBytes(items[0].binary!.label)).toString()).toMatch(/^\^XA/);
		expect(items[0].json.files).toEqual(['label']);
	});

	test('Include Raw Base64 adds the text only when asked', async () => {
		const { items } = await run('create', {
			...byNumber(SEED.domesticOrder),
			options: { includeBase64: true },
		});
		expect(String((items[0].json.labels_base64 as string[])[0]).startsWith('JVBERi')).toBe(true);
	});

	test('an unknown order: Starshipit’s error text, nothing booked', async () => {
		const before = sandbox.store.nextTrackingNumber;
		const { error } = await run('create', byNumber('NOPE-9'));
		expect(error?.message).toBe('Starshipit: Order not found');
		expect(error?.description).toContain('NOPE-9');
		expect(sandbox.store.nextTrackingNumber).toBe(before);
	});

	test('an already printed order: says to use Label > Reprint, in the editor’s words, and books nothing', async () => {
		const before = sandbox.store.nextTrackingNumber;
		const { error } = await run('create', byNumber(SEED.printedOrder));
		expect(error?.message).toBe(
			`Order ${SEED.printedOrder} (item 1) is already printed: use Label > Reprint to get its label again`,
		);
		expect(`${error?.message} ${error?.description}`).not.toMatch(/reprint: true/i);
		expect(labelRequests()).toHaveLength(0);
		expect(sandbox.store.nextTrackingNumber).toBe(before);
	});

	test('an international order without customs data: a pre-flight error naming the item, no label requested', async () => {
		stored(SEED.internationalOrder).items = [
			{ item_id: 1, sku: 'TEE', description: 'Shirt', quantity: 1, value: 30 },
			{ item_id: 2, sku: 'MUG', quantity: 1, value: 0 },
		];
		const { error } = await run('create', byNumber(SEED.internationalOrder));
		expect(error?.message).toContain('Items › Line 2 › Value: is required for customs');
		expect(error?.message).toContain('no label was requested');
		expect(error?.description).toContain('Items › Line 2 › Description: is required for customs');
		expect(error?.description).not.toContain('Item 1');
		expect(labelRequests()).toHaveLength(0);
		expect(stored(SEED.internationalOrder).status).toBe('Unshipped');
	});

	test('an international order with customs data is labelled', async () => {
		const { error, items } = await run('create', byNumber(SEED.internationalOrder));
		expect(error).toBeUndefined();
		expect(items[0].json.tracking_number).toBe(stored(SEED.internationalOrder).tracking_number);
	});

	test('a dropped connection after booking: the label is fetched, not booked twice', async () => {
		const before = sandbox.store.nextTrackingNumber;
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipment',
			kind: 'drop-after-write',
			times: 1,
		});
		const { items, error } = await run('create', byNumber(SEED.domesticOrder));
		expect(error).toBeUndefined();
		expect(items[0].json.tracking_number).toBe(stored(SEED.domesticOrder).tracking_number);
		expect(sandbox.store.nextTrackingNumber).toBe(before + 1);
		expect((await binaryBytes(items[0].binary!.data)).subarray(0, 5).toString()).toBe('%PDF-');
	});

	test.each([
		[
			'zero weight',
			{ packages: { package: [{ weight: 0 }] } },
			/Packages › Package 1 › Weight: must be above 0/,
		],
		[
			'a height in centimetres',
			{ packages: { package: [{ weight: 1, height: 30 }] } },
			/Packages › Package 1 › Height: must be in metres/,
		],
		[
			'an order ID that is not a number',
			{ order: { __rl: true, mode: 'id', value: '={{ "SO-1001" }}' } },
			/not a Starshipit order ID/,
		],
	])('bad input (%s) is refused before anything is sent', async (_name, parameters, expected) => {
		const { error } = await run('create', { ...byNumber(SEED.domesticOrder), ...parameters });
		expect(`${error?.message}\n${error?.description}`).toMatch(expected);
		expect(sandbox.stats.requests).toBe(0);
	});

	test('Continue On Fail: a failed item becomes an error item, the others are labelled, each paired', async () => {
		const { items, error } = await run(
			'create',
			{ order: { __rl: true, mode: 'orderNumber', value: '={{ $json.number }}' } },
			[{ number: 'NOPE-1' }, { number: SEED.domesticOrder }],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({
			json: { error: 'Starshipit: Order not found' },
			pairedItem: { item: 0 },
		});
		expect(items[1]).toMatchObject({
			json: { order_number: SEED.domesticOrder },
			pairedItem: { item: 1 },
		});
		expect(items[1].binary!.data.fileName).toBe(`label-${SEED.domesticOrder}.pdf`);
	});

	test('read-only mode refuses it and sends nothing', async () => {
		const { error } = await run('create', { ...byNumber(SEED.domesticOrder), readOnly: true });
		expect(error?.message).toMatch(/Read-only mode is on/);
		expect(sandbox.stats.requests).toBe(0);
	});
});

describe('Label > Create with Update Order First', () => {
	const changes = {
		street: '2 Pitt Street',
		post_code: '2001',
		carrier: 'CouriersPlease',
		carrier_service_code: 'CPL',
	};

	test('offers the fields a user expects to change (street, carrier, packages, items), as Order > Update does', () => {
		const field = (properties: typeof createLabelOperation.description, name: string) =>
			properties.find((property) => property.name === name);
		expect(field(createLabelOperation.description, 'orderChanges')).toMatchObject({
			displayName: 'Update Order First',
			type: 'collection',
			default: {},
		});
		for (const [properties, name] of [
			[createLabelOperation.description, 'orderChanges'],
			[updateOrderOperation.description, 'updateFields'],
		] as const)
			expect(field(properties, name)?.options?.map((option) => option.name)).toEqual(
				expect.arrayContaining([
					'street',
					'post_code',
					'carrier',
					'carrier_service_code',
					'packages',
					'items',
				]),
			);
	});

	test('updates the unshipped order, then books its label: one lookup, one update, one label', async () => {
		const { items, error } = await run('create', {
			...byNumber(SEED.domesticOrder),
			orderChanges: changes,
		});
		expect(error).toBeUndefined();
		expect(calls()).toEqual(['GET /api/orders', 'PUT /api/orders', 'POST /api/orders/shipment']);
		const order = stored(SEED.domesticOrder);
		expect(sandbox.requests[1].body).toEqual({
			order: {
				order_id: order.order_id,
				carrier: 'CouriersPlease',
				carrier_service_code: 'CPL',
				destination: { street: '2 Pitt Street', post_code: '2001' },
			},
		});
		expect(labelRequests()[0].body).toEqual({ order_id: order.order_id });
		expect(order).toMatchObject({
			status: 'Printed',
			carrier: 'CouriersPlease',
			carrier_service_code: 'CPL',
		});
		expect(order.destination).toMatchObject({
			name: 'Jane Citizen',
			street: '2 Pitt Street',
			suburb: 'Sydney',
			post_code: '2001',
		});
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			json: {
				order_number: SEED.domesticOrder,
				carrier_service_code: 'CPL',
				tracking_number: order.tracking_number,
				order_updated: true,
			},
			pairedItem: { item: 0 },
		});
		const pdf = await binaryBytes(items[0].binary!.data);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1')).toContain(String(order.tracking_number));
	});

	test('new packages replace the old ones before the label is booked (weights corrected before printing)', async () => {
		const oldPackageId = stored(SEED.domesticOrder).packages[0].package_id;
		const orderChanges = {
			packages: { package: [{ weight: 3.2, length: 0.5, width: 0.4, height: 0.3 }] },
		};
		const { error } = await run('create', { ...byNumber(SEED.domesticOrder), orderChanges });
		expect(error).toBeUndefined();
		expect(calls()).toEqual(['GET /api/orders', 'PUT /api/orders', 'POST /api/orders/shipment']);
		expect((sandbox.requests[1].body as { order: { packages: unknown[] } }).order.packages).toEqual(
			[
				{ package_id: oldPackageId, delete: true },
				{ weight: 3.2, length: 0.5, width: 0.4, height: 0.3 },
			],
		);
		expect(stored(SEED.domesticOrder).packages).toEqual([
			expect.objectContaining({ weight: 3.2, length: 0.5 }),
		]);
		expect(stored(SEED.domesticOrder).status).toBe('Printed');
	});

	test('no update fields (or only blank ones): the same two requests as before, no update', async () => {
		for (const parameters of [
			{},
			{ orderChanges: {} },
			{ orderChanges: { street: '', phone: '' } },
		]) {
			sandbox.reset();
			const { items, error } = await run('create', {
				...byNumber(SEED.domesticOrder),
				...parameters,
			});
			expect(error).toBeUndefined();
			expect(calls()).toEqual(['GET /api/orders', 'POST /api/orders/shipment']);
			expect(items[0].json).not.toHaveProperty('order_updated');
			expect(stored(SEED.domesticOrder)).toMatchObject({
				status: 'Printed',
				destination: { street: '1 George Street' },
			});
		}
	});

	test('invalid update fields are refused with the usual checks before anything is sent', async () => {
		const { error } = await run('create', {
			...byNumber(SEED.domesticOrder),
			orderChanges: { email: 'not an email', currency: 'AUDX', street: '3 King Street' },
		});
		expect(error?.message).toBe(
			'The Update Order First section of item 1 has 2 problems: Email: must be an email address, e.g. jane@example.com (and 1 more)',
		);
		expect(error?.description).toMatch(/Email: must be an email address/);
		expect(error?.description).toMatch(/Currency: must be a 3-letter currency code/);
		expect(sandbox.stats.requests).toBe(0);
		expect(stored(SEED.domesticOrder)).toMatchObject({
			status: 'Unshipped',
			destination: { street: '1 George Street' },
		});
	});

	test('an already printed order: a clear error for that item, nothing updated or booked', async () => {
		const before = sandbox.store.nextTrackingNumber;
		const { error } = await run('create', {
			...byNumber(SEED.printedOrder),
			orderChanges: { street: '3 King Street' },
		});
		expect(error?.message).toBe(
			`Order ${SEED.printedOrder} (item 1) is already printed, so it cannot be updated: nothing was changed or booked`,
		);
		expect(error?.description).toContain('Label > Reprint');
		expect(writes()).toHaveLength(0);
		expect(stored(SEED.printedOrder).destination).toMatchObject({ street: '1 George Street' });
		expect(sandbox.store.nextTrackingNumber).toBe(before);
	});

	test('an unknown order: says so, nothing written', async () => {
		const { error } = await run('create', {
			...byNumber('NOPE-7'),
			orderChanges: { street: '3 King Street' },
		});
		expect(error?.message).toBe(
			'Starshipit has no unshipped order numbered NOPE-7 (item 1): nothing was changed or booked',
		);
		expect(writes()).toHaveLength(0);
	});

	test('customs are checked on the order as it will be: a change that sends it abroad without customs data writes nothing', async () => {
		stored(SEED.domesticOrder).items = [{ item_id: 1, sku: 'MUG', quantity: 1, value: 0 }];
		const { error } = await run('create', {
			...byNumber(SEED.domesticOrder),
			orderChanges: { country: 'New Zealand', suburb: 'Auckland Central', post_code: '1010' },
		});
		expect(error?.message).toContain('goes abroad without customs data');
		expect(writes()).toHaveLength(0);
		expect(stored(SEED.domesticOrder)).toMatchObject({
			status: 'Unshipped',
			destination: { country: 'Australia' },
		});
	});

	test('when the label fails after the update, the error says the order was changed', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipment',
			kind: 'status',
			status: 400,
			times: 1,
			body: { success: false, errors: [{ message: 'Carrier unavailable', details: '' }] },
		});
		const { error } = await run('create', {
			...byNumber(SEED.domesticOrder),
			orderChanges: { street: '3 King Street' },
		});
		expect(error?.message).toBe(
			`Order ${SEED.domesticOrder} was updated, but its label failed: Starshipit: Carrier unavailable`,
		);
		expect(error?.description).toContain('run the node again');
		// The failed label request stays traceable for support.
		expect(error?.context?.supportContext).toMatchObject({
			endpoint: '/api/orders/shipment',
			status: 400,
			action: 'label',
		});
		expect(stored(SEED.domesticOrder)).toMatchObject({
			status: 'Unshipped',
			destination: { street: '3 King Street' },
		});
	});

	test('Continue On Fail: the printed order becomes an error item, the other is updated and labelled, each paired', async () => {
		const { items, error } = await run(
			'create',
			{
				order: { __rl: true, mode: 'orderNumber', value: '={{ $json.number }}' },
				orderChanges: { street: '={{ $json.street }}' },
			},
			[
				{ number: SEED.printedOrder, street: '3 King Street' },
				{ number: SEED.domesticOrder, street: '4 Queen Street' },
			],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({
			json: { error: expect.stringContaining('is already printed, so it cannot be updated') },
			pairedItem: { item: 0 },
		});
		expect(items[0].json.description).toContain('Label > Reprint');
		expect(items[1]).toMatchObject({
			json: { order_number: SEED.domesticOrder, order_updated: true },
			pairedItem: { item: 1 },
		});
		expect(writes().map((request) => `${request.method} ${request.path}`)).toEqual([
			'PUT /api/orders',
			'POST /api/orders/shipment',
		]);
		expect(stored(SEED.printedOrder).destination).toMatchObject({ street: '1 George Street' });
		expect(stored(SEED.domesticOrder)).toMatchObject({
			status: 'Printed',
			destination: { street: '4 Queen Street' },
		});
	});
});

describe('Label > Reprint', () => {
	test('returns the existing label and books nothing', async () => {
		const before = sandbox.store.nextTrackingNumber;
		const { items, error } = await run('reprint', byNumber(SEED.printedOrder));
		expect(error).toBeUndefined();
		expect(labelRequests()[0].body).toEqual({ order_number: SEED.printedOrder, reprint: true });
		expect(items[0].json).toMatchObject({
			order_number: SEED.printedOrder,
			tracking_number: 'SSI000000999',
		});
		expect(items[0].binary!.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `label-${SEED.printedOrder}.pdf`,
		});
		expect((await binaryBytes(items[0].binary!.data)).subarray(0, 5).toString()).toBe('%PDF-');
		expect(sandbox.store.nextTrackingNumber).toBe(before);
	});

	test('an order without a label: Starshipit says so', async () => {
		const { error } = await run('reprint', byNumber(SEED.domesticOrder));
		expect(error?.message).toBe('Starshipit: The order has no label to reprint');
		expect(stored(SEED.domesticOrder).status).toBe('Unshipped');
	});
});

describe('Label > Create Return', () => {
	test('clones the order as a return and labels the clone', async () => {
		const { items, error } = await run('createReturn', byNumber(SEED.printedOrder));
		expect(error).toBeUndefined();
		const original = stored(SEED.printedOrder);
		expect(items[0].json).toMatchObject({
			original_order_number: SEED.printedOrder,
			original_order_id: original.order_id,
			return_order: true,
		});
		const clone = stored(String(items[0].json.order_number));
		expect(clone).toMatchObject({ return_order: true, status: 'Printed' });
		expect(items[0].json.tracking_number).toBe(clone.tracking_number);
		expect(items[0].binary!.data.fileName).toBe(`label-${clone.order_number}.pdf`);
		expect(original.tracking_number).toBe('SSI000000999');
	});

	test('a dropped connection after booking the return’s label: the label is fetched, not booked twice', async () => {
		const before = sandbox.store.nextTrackingNumber;
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipment',
			kind: 'drop-after-write',
			times: 1,
		});
		const { items, error } = await run('createReturn', byNumber(SEED.printedOrder));
		expect(error).toBeUndefined();
		expect(items[0].json.tracking_number).toBe(
			stored(String(items[0].json.order_number)).tracking_number,
		);
		expect(sandbox.store.nextTrackingNumber).toBe(before + 1);
	});

	test('when the label fails after the clone, the error names the return order made', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipment',
			kind: 'status',
			status: 400,
			times: 1,
			body: { success: false, errors: [{ message: 'Carrier unavailable', details: '' }] },
		});
		const { error } = await run('createReturn', byNumber(SEED.printedOrder));
		const clone = sandbox.store.orders.find((row) => row.return_order)!;
		expect(error?.message).toBe(
			`Return order ${clone.order_number} was created, but its label failed: Starshipit: Carrier unavailable`,
		);
		expect(error?.description).toContain('not Create Return again');
	});
});

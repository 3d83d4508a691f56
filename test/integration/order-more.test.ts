import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../harness/use-sandbox';
import { SANDBOX_API_KEY, SEED } from '../sandbox';

// Order > Get Printed, Get Delivered, Set Carrier for Many, Mark as Shipped (Tracking Only).
const { sandbox, runOperation: run } = useSandbox();

const order = (
	operation: string,
	parameters: IDataObject,
	input: IDataObject[] = [{}],
	continueOnFail = false,
) => run('order', operation, parameters, input, continueOnFail);
const stored = (number: string) => sandbox.store.orders.find((row) => row.order_number === number)!;
const records = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const requestsTo = (method: string, path: string) =>
	sandbox.requests.filter((request) => request.method === method && request.path === path);
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

describe('Order > Get Printed', () => {
	test('Ready to Manifest: printed, unmanifested orders with the IDs Manifest > Create takes; manifested ones leave the list', async () => {
		await sandbox.setOrderStatus(SEED.domesticOrder, 'Printed');
		const { items, error } = await order('getPrinted', {
			printedStatus: 'readyToManifest',
			returnAll: false,
			limit: 50,
		});
		expect(error).toBeUndefined();
		const domestic = stored(SEED.domesticOrder);
		expect(items.map((item) => item.json.order_number)).toEqual([
			SEED.printedOrder,
			SEED.domesticOrder,
		]);
		expect(items[1].json).toEqual({
			order_id: domestic.order_id,
			order_number: SEED.domesticOrder,
			date: domestic.shipment_date,
			name: 'Jane Citizen',
			carrier_name: 'Australia Post',
			carrier_service_code: 'PP',
			tracking_numbers: [domestic.tracking_number],
			country: 'Australia',
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(requestsTo('GET', '/api/orders/shipments')[0].query).toEqual({
			status: 'unmanifested',
			page: '1',
			limit: '50',
		});

		// Pattern 2: straight into Manifest > Create, after which nothing is left to manifest.
		const manifest = await run(
			'manifest',
			'create',
			{ manifestBy: 'orders', orderId: '={{ $json.order_id }}' },
			items.map((item) => item.json),
		);
		expect(manifest.error).toBeUndefined();
		expect(requestsTo('POST', '/api/orders/manifest')[0].body).toEqual({
			order_ids: [999, domestic.order_id],
		});
		const after = await order('getPrinted', { printedStatus: 'readyToManifest', returnAll: true });
		expect(after.error).toBeUndefined();
		expect(after.items).toHaveLength(0);
	});

	test('Recently Printed includes manifested orders; Printed Since reaches further back', async () => {
		const recent = await order('getPrinted', { printedStatus: 'recentlyPrinted', returnAll: true });
		expect(recent.items.map((item) => item.json.order_number)).toEqual([SEED.printedOrder]);
		const since = hoursAgo(96);
		const older = await order('getPrinted', {
			printedStatus: 'recentlyPrinted',
			since,
			returnAll: true,
		});
		expect(older.items.map((item) => item.json.order_number)).toEqual([
			SEED.deliveredOrder,
			SEED.printedOrder,
		]);
		expect(requestsTo('GET', '/api/orders/shipments')[1].query).toMatchObject({
			status: 'recently_printed',
			since_created_date: since,
		});
	});

	test('Return All pages through 301 printed orders; Limit stops after one short page', async () => {
		sandbox.seedBulkOrders(300);
		for (const row of sandbox.store.orders.filter((candidate) =>
			candidate.order_number.startsWith('BULK-'),
		)) {
			Object.assign(row, {
				status: 'Printed',
				tracking_number: `SSI-${row.order_id}`,
				shipment_date: hoursAgo(1),
			});
		}
		const all = await order('getPrinted', { printedStatus: 'readyToManifest', returnAll: true });
		expect(all.items).toHaveLength(301);
		expect(new Set(all.items.map((item) => item.json.order_id)).size).toBe(301);
		expect(
			requestsTo('GET', '/api/orders/shipments').map((request) => [
				request.query.page,
				request.query.limit,
			]),
		).toEqual([
			['1', '250'],
			['2', '250'],
		]);
		const some = await order('getPrinted', {
			printedStatus: 'readyToManifest',
			returnAll: false,
			limit: 7,
		});
		expect(some.items).toHaveLength(7);
		expect(
			requestsTo('GET', '/api/orders/shipments')
				.slice(2)
				.map((request) => request.query.limit),
		).toEqual(['7']);
	});

	test('a Printed Since that is not a date is refused before anything is sent', async () => {
		const { error } = await order('getPrinted', {
			printedStatus: 'readyToManifest',
			since: '={{ "next tuesday" }}',
			returnAll: true,
		});
		expect(error?.message).toBe(
			`Printed Since of item 1 must be a date such as 2026-11-25 or 2026-11-25T08:00:00Z, not "next tuesday": nothing was sent to Starshipit`,
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a refusal shows Starshipit’s words', async () => {
		const body = {
			success: false,
			errors: [{ message: 'Status is invalid', details: 'Use recently_printed or unmanifested' }],
		};
		sandbox.faults.add({
			method: 'GET',
			path: '/api/orders/shipments',
			kind: 'status',
			status: 400,
			body,
			times: 1,
		});
		const { error } = await order('getPrinted', {
			printedStatus: 'readyToManifest',
			returnAll: true,
		});
		expect(error?.message).toBe('Starshipit: Status is invalid');
		expect(error?.description).toMatch(/Use recently_printed or unmanifested/);
	});
});

describe('Order > Get Delivered', () => {
	test('by order number: the delivered order, simplified', async () => {
		const { items, error } = await order('getDelivered', { orderRef: SEED.deliveredOrder });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			order_id: 998,
			order_number: SEED.deliveredOrder,
			status: 'Shipped',
			tracking_status: 'Delivered',
			tracking_number: 'SSI000000998',
			recipient: 'Jane Citizen',
		});
		expect(items[0].json).not.toHaveProperty('tracking_events');
		expect(requestsTo('GET', '/api/orders/delivered')[0].query).toEqual({
			order_ref: SEED.deliveredOrder,
		});
	});

	test('by reference, raw: every field Starshipit sent, one item per input, paired', async () => {
		const input = [{ ref: `Web ${SEED.deliveredOrder}` }, { ref: SEED.deliveredOrder }];
		const { items } = await order(
			'getDelivered',
			{ orderRef: '={{ $json.ref }}', simplify: false },
			input,
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect((items[0].json.tracking_events as IDataObject[]).map((event) => event.status)).toEqual([
			'Printed',
			'InTransit',
			'Delivered',
		]);
	});

	test('an order not yet delivered gives no item and no error', async () => {
		const { items, error } = await order('getDelivered', { orderRef: SEED.printedOrder });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
		expect(requestsTo('GET', '/api/orders/delivered')).toHaveLength(1);
	});

	test('an empty reference is refused before anything is sent', async () => {
		const { error } = await order('getDelivered', { orderRef: '={{ "  " }}' });
		expect(error?.message).toBe(
			'Order Number or Reference of item 1 is required: nothing was sent to Starshipit',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Order > Set Carrier for Many', () => {
	const ids = [1001, 1002, 1003];
	const carrierParams = { orderId: '={{ $json.order_id }}', carrierId: '9', serviceCode: 'PL' };

	test('all input items in one request; one output per input item, paired; the orders carry the carrier', async () => {
		const { items, error } = await order(
			'setCarrier',
			carrierParams,
			ids.map((id) => ({ order_id: id })),
		);
		expect(error).toBeUndefined();
		expect(requestsTo('PUT', '/api/orders/batchupdate').map((request) => request.body)).toEqual([
			{ order_ids: ids, product_code: 'PL', carrier_id: '9' },
		]);
		expect(items.map((item) => item.json)).toEqual(
			ids.map((id) => ({
				success: true,
				outcome: 'updated',
				order_id: id,
				carrier_id: '9',
				product_code: 'PL',
			})),
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const number of [SEED.domesticOrder, SEED.internationalOrder, SEED.multiItemOrder]) {
			expect(stored(number)).toMatchObject({
				carrier: 'PlainLabel',
				carrier_name: 'Plain Label',
				carrier_service_code: 'PL',
				carrier_id: '9',
			});
		}
	});

	test('items asking for different carriers: one request per carrier and service, outputs in input order', async () => {
		const input = [
			{ order_id: 1001, carrier: '9' },
			{ order_id: 1002, carrier: '47' },
			{ order_id: 1003, carrier: '9' },
		];
		const { items, error } = await order(
			'setCarrier',
			{ ...carrierParams, carrierId: '={{ $json.carrier }}' },
			input,
		);
		expect(error).toBeUndefined();
		expect(requestsTo('PUT', '/api/orders/batchupdate').map((request) => request.body)).toEqual([
			{ order_ids: [1001, 1003], product_code: 'PL', carrier_id: '9' },
			{ order_ids: [1002], product_code: 'PL', carrier_id: '47' },
		]);
		expect(
			items.map((item) => [item.json.order_id, item.json.carrier_id, item.pairedItem]),
		).toEqual([
			[1001, '9', { item: 0 }],
			[1002, '47', { item: 1 }],
			[1003, '9', { item: 2 }],
		]);
		expect(stored(SEED.internationalOrder).carrier).toBe('MyPostBusiness');
	});

	const malformed: Array<[string, IDataObject, IDataObject, string]> = [
		[
			'an order number where the ID belongs',
			{},
			{ order_id: SEED.domesticOrder },
			`Order ID of item 2 is not a Starshipit order ID: "${SEED.domesticOrder}"`,
		],
		[
			'no order ID mapped',
			{},
			{},
			'Order ID of item 2 is required: nothing was sent to Starshipit',
		],
		[
			'an empty carrier ID',
			{ carrierId: '={{ "" }}' },
			{ order_id: 1002 },
			'Carrier ID of item 1 is required: nothing was sent to Starshipit',
		],
		[
			'a carrier name where its number belongs',
			{ carrierId: 'AusPost' },
			{ order_id: 1002 },
			'Carrier ID of item 1 is not a number: "AusPost"',
		],
		[
			'an empty service code',
			{ serviceCode: '={{ " " }}' },
			{ order_id: 1002 },
			'Service Code of item 1 is required: nothing was sent to Starshipit',
		],
	];
	test.each(malformed)(
		'%s: refused with nothing sent, not even the good items',
		async (_name, override, second, message) => {
			const { error } = await order('setCarrier', { ...carrierParams, ...override }, [
				{ order_id: 1001 },
				second,
			]);
			expect(error?.message).toBe(message);
			expect(error?.description).toMatch(/Nothing was sent to Starshipit/);
			expect(sandbox.requests).toHaveLength(0);
			expect(stored(SEED.domesticOrder).carrier).toBeUndefined();
		},
	);

	test('Continue On Fail: the bad item becomes an error item, the others are changed, all paired', async () => {
		const input = [{ order_id: 1001 }, { order_id: 'SO-1002' }, { order_id: 1003 }];
		const { items, error } = await order('setCarrier', carrierParams, input, true);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toBe('Order ID of item 2 is not a Starshipit order ID: "SO-1002"');
		expect([items[0].json.order_id, items[2].json.order_id]).toEqual([1001, 1003]);
		expect(requestsTo('PUT', '/api/orders/batchupdate')[0].body).toMatchObject({
			order_ids: [1001, 1003],
		});
		expect(stored(SEED.internationalOrder).carrier).toBeUndefined();
	});

	test('a printed order in the batch: Starshipit’s refusal, nothing changed; with Continue On Fail every item carries it, paired', async () => {
		const input = [{ order_id: 1001 }, { order_id: 999 }];
		const { error } = await order('setCarrier', carrierParams, input);
		expect(error?.message).toBe(
			`Starshipit: Order ${SEED.printedOrder} has been printed: only unshipped orders can change carrier`,
		);
		expect(stored(SEED.domesticOrder).carrier).toBeUndefined();
		const { items } = await order('setCarrier', carrierParams, input, true);
		expect(items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[error?.message, { item: 0 }],
			[error?.message, { item: 1 }],
		]);
		expect(items[1].json.supportContext).toMatchObject({
			method: 'PUT',
			endpoint: '/api/orders/batchupdate',
			status: 400,
			action: 'update',
		});
		expect(JSON.stringify(items)).not.toContain(SANDBOX_API_KEY);
	});

	test('an unknown carrier ID: Starshipit’s message and its details', async () => {
		const { error } = await order('setCarrier', { ...carrierParams, carrierId: '5' }, [
			{ order_id: 1001 },
		]);
		expect(error?.message).toBe('Starshipit: Carrier not found');
		expect(error?.description).toMatch(/No carrier with id 5 is enabled/);
	});

	test('read-only mode refuses it and sends nothing', async () => {
		const { error } = await order('setCarrier', { ...carrierParams, readOnly: true }, [
			{ order_id: 1001 },
		]);
		expect(error?.message).toMatch(/Read-only mode is on/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Order > Mark as Shipped (Tracking Only)', () => {
	const shipped = {
		orderNumber: 'ERP-7001',
		recipientName: 'Sam Lee',
		carrier: 'AusPost',
		trackingNumber: '33ABC1234567',
		country: 'Australia',
		postCode: '2042',
	};
	const trackingOnlyRequests = () => requestsTo('POST', '/api/orders/shipped');

	test('records the order with its tracking number: Starshipit tracks it from now on', async () => {
		const { items, error } = await order('markShipped', shipped);
		expect(error).toBeUndefined();
		expect(trackingOnlyRequests().map((request) => request.body)).toEqual([
			{
				orders: [
					{
						order_number: 'ERP-7001',
						name: 'Sam Lee',
						carrier: 'AusPost',
						tracking_number: '33ABC1234567',
						country: 'Australia',
						postcode: '2042',
					},
				],
			},
		]);
		const [record] = records('ERP-7001');
		expect(record).toMatchObject({
			status: 'Shipped',
			tracking_only: true,
			tracking_number: '33ABC1234567',
			carrier: 'AusPost',
		});
		expect(items).toEqual([
			{
				json: {
					success: true,
					outcome: 'shipped',
					order_id: record.order_id,
					order_number: 'ERP-7001',
					carrier: 'AusPost',
					tracking_number: '33ABC1234567',
				},
				pairedItem: { item: 0 },
			},
		]);
		const tracking = await run('tracking', 'get', {
			lookupBy: 'orderNumber',
			orderNumber: 'ERP-7001',
			output: 'shipment',
		});
		expect(tracking.error).toBeUndefined();
		expect(tracking.items[0].json).toMatchObject({
			tracking_number: '33ABC1234567',
			tracking_status: 'Dispatched',
		});
	});

	test('run again with the same order and tracking number: already recorded, nothing sent, no second notification', async () => {
		const first = await order('markShipped', shipped);
		const again = await order('markShipped', shipped);
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({
			outcome: 'already recorded',
			order_id: first.items[0].json.order_id,
		});
		expect(trackingOnlyRequests()).toHaveLength(1);
		expect(records('ERP-7001')).toHaveLength(1);
	});

	const malformed: Array<[string, IDataObject, RegExp]> = [
		['no tracking number', { trackingNumber: '={{ "" }}' }, /Tracking Number: is required/],
		[
			'the carrier’s full name instead of its code',
			{ carrier: 'Australia Post' },
			/Carrier: must be Starshipit’s carrier code/,
		],
		['no recipient', { recipientName: '={{ " " }}' }, /Recipient Name: is required/],
		['a post code with symbols', { postCode: '20#2' }, /Post Code: must be 3 to 10/],
		['no country', { country: '={{ "" }}' }, /Country: is required/],
		['order number too long', { orderNumber: 'X'.repeat(51) }, /Order Number: must be at most 50/],
		[
			'several problems at once',
			{ trackingNumber: '={{ "" }}', country: '={{ "" }}' },
			/2 problems/,
		],
	];
	test.each(malformed)(
		'%s: a clear item error and nothing sent',
		async (_name, override, expected) => {
			const { error } = await order('markShipped', { ...shipped, ...override });
			// The order number is named when it is one (not when it is what is wrong: too long).
			expect(error?.message).toMatch(
				/^The shipment of item 1 (\(order ERP-7001\) )?has (a problem|\d+ problems): .+/,
			);
			expect(`${error?.message}\n${error?.description}`).toMatch(expected);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	test('Starshipit’s refusal is shown with its details, and nothing is recorded', async () => {
		const { error } = await order('markShipped', { ...shipped, carrier: 'FooPost' });
		expect(error?.message).toBe('Starshipit: Invalid carrier');
		expect(error?.description).toMatch(/"FooPost" is not a Starshipit carrier code/);
		expect(records('ERP-7001')).toHaveLength(0);
	});

	test('a dropped connection after Starshipit recorded it: found by a search, not sent again', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipped',
			kind: 'drop-after-write',
			times: 1,
		});
		const { items, error } = await order('markShipped', shipped);
		expect(error).toBeUndefined();
		expect(trackingOnlyRequests()).toHaveLength(1);
		expect(requestsTo('GET', '/api/orders/search')[0].query).toMatchObject({
			phrase: 'ERP-7001',
			fields: 'Order_Number',
		});
		expect(records('ERP-7001')).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			outcome: 'shipped',
			order_id: records('ERP-7001')[0].order_id,
		});
	});

	test('the search after a drop matches the tracking number, not just the order number', async () => {
		// SO-1001 already exists unshipped: a search by number alone would take it for the new record.
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipped',
			kind: 'drop-after-write',
			times: 1,
		});
		const { items, error } = await order('markShipped', {
			...shipped,
			orderNumber: SEED.domesticOrder,
		});
		expect(error).toBeUndefined();
		const shippedRecords = records(SEED.domesticOrder).filter((row) => row.tracking_only);
		expect(shippedRecords).toHaveLength(1);
		expect(items[0].json.order_id).toBe(shippedRecords[0].order_id);
		expect(items[0].json.order_id).not.toBe(1001);
		expect(trackingOnlyRequests()).toHaveLength(1);
	});

	test('a 500 that did not land: checked, then sent again, recorded exactly once', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipped',
			kind: 'status',
			status: 500,
			times: 1,
		});
		const { error } = await order('markShipped', shipped);
		expect(error).toBeUndefined();
		expect(trackingOnlyRequests().map((request) => request.status)).toEqual([500, 200]);
		// One search before sending (not recorded yet), one after the 500 (did it land?).
		expect(requestsTo('GET', '/api/orders/search')).toHaveLength(2);
		expect(records('ERP-7001')).toHaveLength(1);
	});

	test('Continue On Fail: the bad item becomes an error item, the others are recorded, all paired', async () => {
		const input = [
			{ n: 1, tracking: 'TRK-1' },
			{ n: 2, tracking: '' },
			{ n: 3, tracking: 'TRK-3' },
		];
		const parameters = {
			...shipped,
			orderNumber: '={{ "ERP-" + $json.n }}',
			trackingNumber: '={{ $json.tracking }}',
		};
		const { items, error } = await order('markShipped', parameters, input, true);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toBe(
			'The shipment of item 2 (order ERP-2) has a problem: Tracking Number: is required',
		);
		expect(items[1].json.description).toMatch(/Tracking Number: is required/);
		expect(items.map((item) => item.json.tracking_number)).toEqual(['TRK-1', undefined, 'TRK-3']);
		expect(records('ERP-2')).toHaveLength(0);
		expect(trackingOnlyRequests()).toHaveLength(2);
	});

	test('read-only mode refuses it and sends nothing', async () => {
		const { error } = await order('markShipped', { ...shipped, readOnly: true });
		expect(error?.message).toMatch(/Read-only mode is on/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

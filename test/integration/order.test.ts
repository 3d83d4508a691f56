import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';
import { UNCONFIRMED } from '../../nodes/Starshipit/transport';
import { expectDeviations } from '../harness/deviations';
import { Starshipit } from '../../nodes/Starshipit/Starshipit.node';
import { SANDBOX_API_KEY, SEED } from '../sandbox';

const { sandbox } = useSandbox();

const domestic = {
	orderNumber: 'WEB-5001',
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationCity: 'Sydney',
	destinationState: 'NSW',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	items: {
		item: [{ sku: 'MUG-BLUE', description: 'Blue mug', quantity: 2, value: 19.5, weight: 0.4 }],
	},
	packages: { package: [{ weight: 1, length: 0.2, width: 0.15, height: 0.12 }] },
	additionalFields: { reference: 'PO-77', currency: 'AUD' },
};
const international = {
	...domestic,
	orderNumber: 'WEB-5002',
	destinationCountry: 'NZ',
	destinationSuburb: 'Ponsonby',
	items: {
		item: [
			{
				sku: 'TEE-M-BLACK',
				description: 'Cotton T-shirt',
				quantity: 1,
				value: 30,
				weight: 0.2,
				tariff_code: '610910',
				country_of_origin: 'AU',
			},
		],
	},
};

const order = (
	operation: string,
	parameters: IDataObject,
	input: IDataObject[] = [{}],
	continueOnFail = false,
	overrides: ICredentialDataDecryptedObject = {},
) =>
	runNode({
		parameters: { resource: 'order', operation, ...parameters },
		input,
		credentials: sandboxCredentials(sandbox, overrides),
		continueOnFail,
	});
const created = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const byNumber = (value: string) => ({ order: { __rl: true, mode: 'orderNumber', value } });

describe('Create', () => {
	test('a domestic order lands with its destination, items and packages', async () => {
		const { items, error } = await order('create', domestic);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			order_number: 'WEB-5001',
			status: 'Unshipped',
			reference: 'PO-77',
		});
		const [stored] = created('WEB-5001');
		expect(stored.destination).toMatchObject({
			name: 'Sam Lee',
			post_code: '2042',
			country: 'Australia',
		});
		expect(stored.items).toHaveLength(1);
		expect(stored.packages[0]).toMatchObject({ weight: 1, length: 0.2 });
	});

	test('fields sent by analogy go out under the names in UNCONFIRMED, so correcting one there is enough', async () => {
		const names = UNCONFIRMED.orderFieldsByAnalogy;
		const original = { ...names };
		names.carrier = 'carrier_code';
		expectDeviations(sandbox, { path: '/api/orders', what: 'order.carrier_code' }); // the renamed field is the point of this test
		try {
			const { error } = await order('create', {
				...domestic,
				additionalFields: { carrier: 'AusPost' },
			});
			expect(error).toBeUndefined();
			const sent = (
				sandbox.requests.find(
					(request) => request.method === 'POST' && request.path === '/api/orders',
				)!.body as IDataObject
			).order as IDataObject;
			expect(sent).toMatchObject({ carrier_code: 'AusPost' });
			expect(sent).not.toHaveProperty('carrier');
		} finally {
			Object.assign(names, original);
		}
	});

	test('an international order with customs data lands', async () => {
		const { error } = await order('create', international);
		expect(error).toBeUndefined();
		// A code is accepted and sent as the name, as the reference's order sample writes it.
		expect(created('WEB-5002')[0].items[0]).toMatchObject({
			tariff_code: '610910',
			country_of_origin: 'Australia',
		});
		expect(created('WEB-5002')[0].destination).toMatchObject({ country: 'New Zealand' });
	});

	test('a multi-item order keeps every line', async () => {
		const lines = [1, 2, 3].map((n) => ({
			sku: `SKU-${n}`,
			description: `Thing ${n}`,
			quantity: n,
			value: 5,
			weight: 0.1,
		}));
		const { error } = await order('create', {
			...domestic,
			orderNumber: 'WEB-5003',
			items: { item: lines },
		});
		expect(error).toBeUndefined();
		expect(created('WEB-5003')[0].items.map((item) => item.quantity)).toEqual([1, 2, 3]);
	});

	test('a duplicate order number shows Starshipit’s message and creates nothing', async () => {
		const { error } = await order('create', { ...domestic, orderNumber: SEED.domesticOrder });
		expect(error?.message).toBe(`Starshipit: Order ${SEED.domesticOrder} already exists (item 1)`);
		expect(created(SEED.domesticOrder)).toHaveLength(1);
	});

	test('wrong keys: Starshipit’s refusal, and no key in the error', async () => {
		const { items } = await order('create', domestic, [{}], true, { apiKey: 'bad-key-xyz' });
		expect(items[0].json.error).toMatch(/^Starshipit: /);
		expect(JSON.stringify(items)).not.toContain('bad-key-xyz');
		expect(JSON.stringify(items)).not.toContain(SANDBOX_API_KEY);
		expect(created('WEB-5001')).toHaveLength(0);
	});

	const createStatuses = (from: number) =>
		sandbox.requests
			.slice(from)
			.filter((request) => request.method === 'POST' && request.path === '/api/orders')
			.map((request) => request.status);

	test('a 429 storm is waited out: every order lands once, no 429 reaches the user', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders',
			kind: 'status',
			status: 429,
			retryAfterSeconds: 0,
			times: 3,
		});
		const before = sandbox.requests.length;
		const input = [1, 2, 3].map((n) => ({ n }));
		const { items, error } = await order(
			'create',
			{ ...domestic, orderNumber: '={{ "STORM-" + $json.n }}' },
			input,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		for (const n of [1, 2, 3]) expect(created(`STORM-${n}`)).toHaveLength(1);
		expect(createStatuses(before)).toEqual([429, 429, 429, 200, 200, 200]);
	});

	test('a credential set faster than the keys allow: the gateway’s 429s are waited out, every order lands once', async () => {
		sandbox.setRateLimit(2);
		const before = { requests: sandbox.requests.length, limited: sandbox.stats.rateLimited };
		const input = [1, 2, 3, 4, 5, 6].map((n) => ({ n }));
		const { items, error } = await order(
			'create',
			{ ...domestic, orderNumber: '={{ "TIER-" + $json.n }}' },
			input,
			false,
			{ customRateLimit: 20 },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.order_number)).toEqual(input.map(({ n }) => `TIER-${n}`));
		for (const { n } of input) expect(created(`TIER-${n}`)).toHaveLength(1);
		expect(sandbox.stats.rateLimited).toBeGreaterThan(before.limited);
		expect(createStatuses(before.requests).filter((status) => status === 200)).toHaveLength(6);
	});

	test('a 500 then success: the order is created exactly once', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders',
			kind: 'status',
			status: 500,
			times: 1,
		});
		const before = sandbox.requests.length;
		const { error } = await order('create', domestic);
		expect(error).toBeUndefined();
		expect(created('WEB-5001')).toHaveLength(1);
		expect(createStatuses(before)).toEqual([500, 200]);
	});

	test('a dropped connection after the create: found, not sent again, no duplicate', async () => {
		sandbox.faults.add({ method: 'POST', path: '/api/orders', kind: 'drop-after-write', times: 1 });
		const { items, error } = await order('create', domestic);
		expect(error).toBeUndefined();
		expect(items[0].json.order_number).toBe('WEB-5001');
		expect(created('WEB-5001')).toHaveLength(1);
		expect(sandbox.stats.byRoute['POST /api/orders']).toBe(1);
	});
});

describe('malformed input: a clear item error and nothing sent', () => {
	const item = (fields: IDataObject) => ({
		items: { item: [{ ...domestic.items.item[0], ...fields }] },
	});
	const pack = (fields: IDataObject) => ({
		packages: { package: [{ ...domestic.packages.package[0], ...fields }] },
	});
	const cases: Array<[string, IDataObject, RegExp]> = [
		// Mapped from an earlier node that had no value (a literal empty field is refused by n8n's own check).
		['empty order number', { orderNumber: '={{ "" }}' }, /Order Number: is required/],
		['blank order number', { orderNumber: '   ' }, /Order Number: is required/],
		['order number too long', { orderNumber: 'X'.repeat(51) }, /Order Number: must be at most 50/],
		['no recipient', { destinationName: '={{ "" }}' }, /Destination › Recipient Name: is required/],
		['no street', { destinationStreet: '={{ "" }}' }, /Destination › Street: is required/],
		['no suburb', { destinationSuburb: '={{ "" }}' }, /Destination › Suburb: is required/],
		['no country', { destinationCountry: '={{ "" }}' }, /Destination › Country: is required/],
		[
			'post code with symbols',
			{ destinationPostCode: '20#0' },
			/Destination › Post Code: must be 3 to 10/,
		],
		['post code too short', { destinationPostCode: '20' }, /Destination › Post Code/],
		['post code too long', { destinationPostCode: '12345678901' }, /Destination › Post Code/],
		[
			'bad email',
			{ additionalFields: { email: 'not-an-email' } },
			/Destination › Email: must be an email/,
		],
		[
			'bad phone',
			{ additionalFields: { phone: 'call me' } },
			/Destination › Phone: must be a phone/,
		],
		['bad currency', { additionalFields: { currency: 'DOLLARS' } }, /Currency: must be a 3-letter/],
		[
			'bad order date',
			{ additionalFields: { order_date: 'yesterday' } },
			/Order Date: must be a date/,
		],
		[
			'street too long',
			{ destinationStreet: 'S'.repeat(101) },
			/Destination › Street: must be at most 100/,
		],
		['zero quantity', item({ quantity: 0 }), /Items › Line 1 › Quantity: must be at least 1/],
		[
			'fractional quantity',
			item({ quantity: 1.5 }),
			/Items › Line 1 › Quantity: must be a whole number/,
		],
		['negative quantity', item({ quantity: -2 }), /Items › Line 1 › Quantity/],
		['negative value', item({ value: -1 }), /Items › Line 1 › Value: cannot be negative/],
		['negative item weight', item({ weight: -0.1 }), /Items › Line 1 › Weight: cannot be negative/],
		['item weight in grams', item({ weight: 2500 }), /Items › Line 1 › Weight: must be in kg/],
		['tariff code with letters', item({ tariff_code: 'ABC123' }), /Items › Line 1 › Tariff Code/],
		[
			'country of origin that does not exist',
			item({ country_of_origin: 'Atlantis' }),
			/Items › Line 1 › Country Of Origin: is not a country/,
		],
		['zero package weight', pack({ weight: 0 }), /Packages › Package 1 › Weight: must be above 0/],
		[
			'package weight in grams',
			pack({ weight: 5000 }),
			/Packages › Package 1 › Weight: must be in kg/,
		],
		[
			'package length in cm',
			pack({ length: 30 }),
			/Packages › Package 1 › Length: must be in metres/,
		],
		[
			'negative package width',
			pack({ width: -1 }),
			/Packages › Package 1 › Width: cannot be negative/,
		],
		[
			'international without items',
			{ ...international, items: { item: [] } },
			/Items: an international order needs at least one item/,
		],
		[
			'international item without description',
			{ ...international, items: { item: [{ sku: 'X', quantity: 1, value: 5 }] } },
			/Items › Line 1 › Description: is required for customs/,
		],
		[
			'international item without value',
			{ ...international, items: { item: [{ sku: 'X', description: 'Thing', quantity: 1 }] } },
			/Items › Line 1 › Value: is required for customs/,
		],
		[
			'international second item without value',
			{
				...international,
				items: { item: [international.items.item[0], { description: 'Mug', quantity: 1 }] },
			},
			/Items › Line 2 › Value/,
		],
		[
			'several problems at once',
			{ destinationName: '={{ "" }}', destinationStreet: '={{ "" }}' },
			/2 problems/,
		],
	];

	test.each(cases)('%s', async (_name, override, expected) => {
		const before = sandbox.stats.requests;
		const { error } = await order('create', { ...domestic, ...override });
		// The cause in the message itself (issue 26); that nothing was sent, in the description.
		expect(error?.description).toMatch(/Nothing was sent to Starshipit/);
		expect(`${error?.message}\n${error?.description}`).toMatch(expected);
		expect(sandbox.stats.requests).toBe(before);
	});

	test('Continue On Fail: the bad item becomes an error item, the good one lands, both paired', async () => {
		const input = [{ name: '' }, { name: 'Ok Person' }];
		const { items } = await order(
			'create',
			{
				...domestic,
				orderNumber: '={{ "COF-" + $itemIndex }}',
				destinationName: '={{ $json.name }}',
			},
			input,
			true,
		);
		expect(items.map((row) => row.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.error).toMatch(/item 1/);
		expect(items[1].json.order_number).toBe('COF-1');
		expect(created('COF-0')).toHaveLength(0);
	});
});

describe('Create or Update', () => {
	test('creates when new, updates when the number exists: never a duplicate', async () => {
		const first = await order('createOrUpdate', domestic);
		expect(first.items[0].json.outcome).toBe('created');
		const second = await order('createOrUpdate', {
			...domestic,
			destinationStreet: '7 King Street',
			items: { item: [{ sku: 'MUG-BLUE', description: 'Blue mug', quantity: 5, value: 19.5 }] },
		});
		expect(second.items[0].json.outcome).toBe('updated');
		const rows = created('WEB-5001');
		expect(rows).toHaveLength(1);
		expect(rows[0].destination.street).toBe('7 King Street');
		expect(rows[0].items).toHaveLength(1);
		expect(rows[0].items[0].quantity).toBe(5);
	});

	test('Items From: No Lines and Packages left empty keep the existing order’s rows (empty means “let Starshipit choose”)', async () => {
		await order('createOrUpdate', domestic);
		const { items } = await order('createOrUpdate', {
			...domestic,
			destinationStreet: '9 King Street',
			itemsInput: 'none',
			items: {},
			packages: {},
		});
		expect(items[0].json.outcome).toBe('updated');
		const [stored] = created('WEB-5001');
		expect(stored.destination.street).toBe('9 King Street');
		expect([stored.items.length, stored.packages.length]).toEqual([1, 1]);
	});

	test('a printed order is reported as skipped, not changed', async () => {
		const { items } = await order('createOrUpdate', {
			...domestic,
			orderNumber: SEED.printedOrder,
		});
		expect(items[0].json).toMatchObject({ outcome: 'skipped', order_number: SEED.printedOrder });
	});
});

describe('Import', () => {
	test('120 orders go in 3 batches, one outcome per item, paired', async () => {
		const input = Array.from({ length: 120 }, (_, n) => ({ n }));
		const { items, error } = await order(
			'import',
			{ ...domestic, orderNumber: '={{ "IMP-" + $json.n }}' },
			input,
		);
		expect(error).toBeUndefined();
		expect(sandbox.stats.byRoute['POST /api/orders/import']).toBe(3);
		expect(items).toHaveLength(120);
		expect(
			items.every(
				(row, index) =>
					row.json.outcome === 'created' && (row.pairedItem as { item: number }).item === index,
			),
		).toBe(true);
		expect(items[7].json.order_number).toBe('IMP-7');
	});

	test('an existing order number is updated, a bad item fails alone with Continue On Fail', async () => {
		const input = [
			{ number: 'NEW-1', name: 'A' },
			{ number: SEED.domesticOrder, name: 'Renamed' },
			{ number: 'NEW-2', name: '' },
		];
		const { items } = await order(
			'import',
			{ ...domestic, orderNumber: '={{ $json.number }}', destinationName: '={{ $json.name }}' },
			input,
			true,
		);
		expect(items.map((row) => row.json.outcome)).toEqual(['created', 'updated', 'failed']);
		expect(items[2].json.error).toMatch(/Destination › Recipient Name: is required/);
		expect(created(SEED.domesticOrder)[0].destination.name).toBe('Renamed');
		expect(created('NEW-2')).toHaveLength(0);
	});

	test('running the same import again updates every order: a batch Starshipit took none of is not a failure', async () => {
		const input = [{ number: 'AGAIN-1' }, { number: 'AGAIN-2' }];
		const parameters = { ...domestic, orderNumber: '={{ $json.number }}' };
		expect((await order('import', parameters, input)).items.map((row) => row.json.outcome)).toEqual(
			['created', 'created'],
		);
		const again = await order(
			'import',
			{ ...parameters, destinationStreet: '6 King Street' },
			input,
		);
		expect(again.error).toBeUndefined();
		expect(again.items.map((row) => row.json.outcome)).toEqual(['updated', 'updated']);
		expect([created('AGAIN-1'), created('AGAIN-2')].map((rows) => rows.length)).toEqual([1, 1]);
	});

	test('an error naming order 100 is not taken for order 10’s', async () => {
		const refusal = {
			success: false,
			orders: [],
			errors: [{ message: 'Order 100 already exists', details: '' }],
		};
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/import',
			kind: 'status',
			status: 200,
			body: refusal,
			times: 1,
		});
		const { items } = await order('import', { ...domestic, orderNumber: '={{ $json.number }}' }, [
			{ number: '10' },
			{ number: '100' },
		]);
		// Each failed outcome also carries its support fields and replay (test/integration/support-fields.test.ts).
		expect(items.map((row) => row.json)).toEqual([
			expect.objectContaining({
				outcome: 'failed',
				order_number: '10',
				error: 'Starshipit did not say what happened to order 10 and does not hold it',
			}),
			expect.objectContaining({
				outcome: 'failed',
				order_number: '100',
				error:
					'Starshipit refused the order (Order 100 already exists) and no existing order has that number',
			}),
		]);
	});

	test('without Continue On Fail one bad item stops the import before anything is sent', async () => {
		const before = sandbox.stats.requests;
		const { error } = await order('import', { ...domestic, orderNumber: '={{ $json.number }}' }, [
			{ number: 'OK-1' },
			{ number: '' },
		]);
		expect(error?.message).toMatch(/item 2/);
		expect(sandbox.stats.requests).toBe(before);
	});

	test('with Update Existing Orders off, an existing number is reported as failed and left as it was', async () => {
		const input = [{ number: 'NEW-3' }, { number: SEED.domesticOrder }];
		const nameBefore = created(SEED.domesticOrder)[0].destination.name;
		const { items, error } = await order(
			'import',
			{
				...domestic,
				destinationName: 'Not applied',
				orderNumber: '={{ $json.number }}',
				updateExisting: false,
			},
			input,
		);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual(['created', 'failed']);
		expect(items[1].json.error).toMatch(/already exists/);
		expect(created(SEED.domesticOrder)[0].destination.name).toBe(nameBefore);
	});

	test('a refused batch fails each of its orders with Starshipit’s words and a support context, no key in it', async () => {
		const body = {
			success: false,
			errors: [{ message: 'Orders could not be imported', details: 'Account is suspended' }],
		};
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/import',
			kind: 'status',
			status: 400,
			body,
			times: 1,
		});
		const input = [1, 2].map((n) => ({ n }));
		const { items, error } = await order(
			'import',
			{ ...domestic, orderNumber: '={{ "REF-" + $json.n }}' },
			input,
			true,
		);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual(['failed', 'failed']);
		expect(items[0].json.error).toMatch(/^Starshipit: Orders could not be imported/);
		expect(items[1].json.supportContext).toMatchObject({
			endpoint: '/api/orders/import',
			method: 'POST',
			status: 400,
			action: 'create',
		});
		expect(JSON.stringify(items)).not.toContain(SANDBOX_API_KEY);
	});

	test('a dropped connection after the import: the batch is found, not sent twice', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/import',
			kind: 'drop-after-write',
			times: 1,
		});
		const input = [1, 2].map((n) => ({ n }));
		const { items, error } = await order(
			'import',
			{ ...domestic, orderNumber: '={{ "DROP-" + $json.n }}' },
			input,
		);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual(['created', 'created']);
		expect(created('DROP-1')).toHaveLength(1);
		expect(sandbox.stats.byRoute['POST /api/orders/import']).toBe(1);
	});
});

describe('Get, Get Many, Search', () => {
	test('Get by order number and by ID, printed orders included', async () => {
		const byNum = await order('get', byNumber(SEED.printedOrder));
		expect(byNum.items[0].json).toMatchObject({
			order_number: SEED.printedOrder,
			status: 'Printed',
		});
		const byId = await order('get', {
			order: { __rl: true, mode: 'id', value: String(byNum.items[0].json.order_id) },
		});
		expect(byId.items[0].json.order_number).toBe(SEED.printedOrder);
	});

	test('Get is simplified by default (flat recipient and country); Simplify off returns the whole order', async () => {
		const simple = await order('get', byNumber(SEED.internationalOrder));
		expect(simple.error).toBeUndefined();
		expect(simple.items[0].json).toMatchObject({
			order_number: SEED.internationalOrder,
			recipient: expect.any(String),
			country: expect.any(String),
		});
		expect(simple.items[0].json.destination).toBeUndefined();
		const full = await order('get', { ...byNumber(SEED.internationalOrder), simplify: false });
		expect(full.items[0].json.destination).toMatchObject({ country: simple.items[0].json.country });
		expect(full.items[0].json.recipient).toBeUndefined();
	});

	test('Get for an unknown order says so plainly', async () => {
		const { error } = await order('get', byNumber('NOPE-1'));
		expect(error?.message).toBe('Starshipit has no order numbered NOPE-1 (item 1)');
	});

	test('Get Many unshipped: the 24-hour window by default, a Since date reaches further', async () => {
		sandbox.store.orders.find((row) => row.order_number === SEED.domesticOrder)!.order_date =
			new Date(Date.now() - 72 * 3600_000).toISOString();
		const recent = await order('getMany', { status: 'unshipped', returnAll: true });
		expect(recent.items.map((row) => row.json.order_number)).not.toContain(SEED.domesticOrder);
		const since = await order('getMany', {
			status: 'unshipped',
			returnAll: true,
			since: new Date(Date.now() - 96 * 3600_000).toISOString(),
		});
		expect(since.items.map((row) => row.json.order_number)).toContain(SEED.domesticOrder);
		expect(Object.keys(since.items[0].json)).toContain('recipient');
	});

	test('Get Many: Return All pages through 600 orders; Limit stops early', async () => {
		sandbox.seedBulkOrders(600);
		const all = await order('getMany', { status: 'unshipped', returnAll: true, simplify: false });
		expect(all.items.length).toBe(603);
		expect(sandbox.stats.byRoute['GET /api/orders/unshipped']).toBe(3);
		const before = sandbox.stats.requests;
		const some = await order('getMany', { status: 'all', returnAll: false, limit: 7 });
		expect(some.items).toHaveLength(7);
		// Seven of 603 come in one small page, not a walk through the list.
		expect(sandbox.stats.requests - before).toBe(1);
	});

	test('Get Many All: filters by country and order date, sorted by order number', async () => {
		const at = (number: string) => sandbox.store.orders.find((row) => row.order_number === number)!;
		at(SEED.multiItemOrder).order_date = '2026-01-10T09:00:00Z';
		at(SEED.domesticOrder).order_date = '2026-01-20T09:00:00Z';
		at(SEED.printedOrder).order_date = '2026-02-20T09:00:00Z';
		const before = sandbox.requests.length;
		const { items, error } = await order('getMany', {
			status: 'all',
			returnAll: true,
			filters: {
				country: 'Australia',
				dateFrom: '2026-01-01T00:00:00',
				dateTo: '2026-01-31T00:00:00',
			},
			sort: { column: 'Order', direction: 'Ascending' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[before].query).toMatchObject({
			filter: 'Country:::Australia,Date:::>=2026-01-01,Date:::<=2026-01-31',
			sort_column: 'Order',
			sort_direction: 'Ascending',
		});
		expect(items.map((row) => row.json.order_number)).toEqual(
			[SEED.domesticOrder, SEED.multiItemOrder].sort(),
		);
	});

	test('Get Many: a mapped Since or Order Date From that is not a date is named, and nothing is sent', async () => {
		const before = sandbox.stats.requests;
		const since = await order('getMany', {
			status: 'unshipped',
			returnAll: true,
			since: 'next week',
		});
		expect(since.error?.message).toBe(
			'Since of item 1 must be a date such as 2026-11-25 or 2026-11-25T08:00:00Z, not "next week": nothing was sent to Starshipit',
		);
		const from = await order('getMany', {
			status: 'all',
			returnAll: true,
			filters: { dateFrom: 'soon' },
		});
		expect(from.error?.message).toBe(
			'Order Date From of item 1 must be a date such as 2026-11-25 or 2026-11-25T08:00:00Z, not "soon": nothing was sent to Starshipit',
		);
		expect(sandbox.stats.requests).toBe(before);
	});

	test('Get Many: a filter value with a comma is refused before anything is sent', async () => {
		const before = sandbox.stats.requests;
		const { error } = await order('getMany', {
			status: 'all',
			returnAll: true,
			filters: { name: 'Lee, Sam' },
		});
		expect(error?.message).toBe(
			'The filter of item 1 has a problem: Name: cannot contain a comma or ":::" (Starshipit uses them to separate filters)',
		);
		expect(error?.description).toMatch(/Name: cannot contain a comma/);
		expect(sandbox.stats.requests).toBe(before);
	});

	test('Get Many shipped and archived: printed orders, then only the archived one', async () => {
		const shipped = await order('getMany', { status: 'shipped', returnAll: true });
		expect(shipped.items.map((row) => row.json.order_number)).toEqual(
			expect.arrayContaining([SEED.printedOrder]),
		);
		expect(shipped.items.map((row) => row.json.order_number)).not.toContain(SEED.domesticOrder);
		// The shipped list answers short rows: Simplify still finds the recipient, country and tracking status.
		const printed = shipped.items.find((row) => row.json.order_number === SEED.printedOrder)!.json;
		const seeded = sandbox.store.orders.find((row) => row.order_number === SEED.printedOrder)!;
		expect(printed).toMatchObject({
			recipient: seeded.destination.name,
			country: seeded.destination.country,
			tracking_status: 'Printed',
		});
		await order('archive', byNumber(SEED.printedOrder));
		const archived = await order('getMany', { status: 'archived', returnAll: true });
		expect(archived.items.map((row) => row.json.order_number)).toEqual([SEED.printedOrder]);
	});

	test('Search finds by part of an order number', async () => {
		const { items } = await order('search', {
			phrase: 'SO-100',
			fields: 'Order_Number',
			searchStatus: 'All',
			returnAll: true,
		});
		expect(items.map((row) => row.json.order_number).sort()).toEqual([
			SEED.domesticOrder,
			SEED.internationalOrder,
			SEED.multiItemOrder,
		]);
	});
});

describe('Update, Delete, Archive, Restore', () => {
	test('Update changes the fields and verifies them by reading back', async () => {
		const { items, error } = await order('update', {
			...byNumber(SEED.domesticOrder),
			updateFields: { street: '9 Pitt Street', reference: 'NEW-REF' },
			verify: true,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ verified: true, reference: 'NEW-REF' });
		expect(created(SEED.domesticOrder)[0].destination.street).toBe('9 Pitt Street');
	});

	test('Verify After Update: a change Starshipit answered but did not store is reported, field by field', async () => {
		sandbox.faults.add({
			method: 'PUT',
			path: '/api/orders',
			kind: 'status',
			status: 200,
			body: { success: true, order: {} },
			times: 1,
		});
		const { error } = await order('update', {
			...byNumber(SEED.domesticOrder),
			updateFields: { reference: 'NEVER-STORED' },
			verify: true,
		});
		expect(error?.message).toBe('Starshipit did not store every change of item 1');
		expect(error?.description).toMatch(/^reference: sent "NEVER-STORED", Starshipit has "/);
	});

	test('Update of a printed order shows Starshipit’s refusal', async () => {
		const { error } = await order('update', {
			...byNumber(SEED.printedOrder),
			updateFields: { reference: 'X' },
		});
		expect(error?.message).toMatch(/has been printed/);
	});

	test('Update moves the order date; a date that is not a date is refused before anything is sent', async () => {
		// A date in another form or zone is sent as UTC, as Starshipit expects.
		const moved = await order('update', {
			...byNumber(SEED.domesticOrder),
			updateFields: { order_date: '2026-11-01T18:30:00+10:00' },
		});
		expect(moved.error).toBeUndefined();
		expect(created(SEED.domesticOrder)[0].order_date).toBe('2026-11-01T08:30:00.000Z');
		const before = sandbox.stats.requests;
		const { error } = await order('update', {
			...byNumber(SEED.domesticOrder),
			updateFields: { order_date: 'next Tuesday' },
		});
		expect(error?.description).toMatch(/Order Date: must be a date/);
		// The order's own fields keep Create's limits on update.
		const tooLong = await order('update', {
			...byNumber(SEED.domesticOrder),
			updateFields: { reference: 'x'.repeat(51) },
		});
		expect(tooLong.error?.description).toMatch(/Reference: must be at most 50 characters/);
		expect(sandbox.stats.requests).toBe(before);
	});

	test('Update replaces every package and item line, and Verify After Update checks the new rows', async () => {
		const before = created(SEED.multiItemOrder)[0];
		const oldPackageIds = before.packages.map((row) => row.package_id);
		expect(oldPackageIds).toHaveLength(1);
		const from = sandbox.requests.length;
		const updateFields = {
			packages: {
				package: [{ weight: 2.5, length: 0.4, width: 0.3, height: 0.2 }, { weight: 0.8 }],
			},
			items: { item: [{ sku: 'MUG-BLUE', description: 'Blue mug', quantity: 4, value: 19.5 }] },
		};
		const { items, error } = await order('update', {
			...byNumber(SEED.multiItemOrder),
			updateFields,
			verify: true,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.verified).toBe(true);
		const after = created(SEED.multiItemOrder)[0];
		expect(after.packages.map((row) => row.weight)).toEqual([2.5, 0.8]);
		expect(after.items.map((row) => [row.sku, row.quantity])).toEqual([['MUG-BLUE', 4]]);
		const put = sandbox.requests.slice(from).find((request) => request.method === 'PUT');
		const sentPackages = (put?.body as { order: { packages: IDataObject[] } }).order.packages;
		expect(sentPackages.filter((row) => row.delete === true).map((row) => row.package_id)).toEqual(
			oldPackageIds,
		);
	});

	test('Update with an item line that is not valid is refused before anything is sent', async () => {
		const before = sandbox.stats.requests;
		const { error } = await order('update', {
			...byNumber(SEED.multiItemOrder),
			updateFields: { items: { item: [{ sku: 'X', quantity: 0 }] } },
		});
		expect(error?.description).toMatch(/Items › Line 1 › Quantity: must be at least 1/);
		expect(sandbox.stats.requests).toBe(before);
	});

	test('Update with no fields is refused before anything is sent', async () => {
		const before = sandbox.stats.requests;
		const { error } = await order('update', { ...byNumber(SEED.domesticOrder), updateFields: {} });
		expect(error?.message).toMatch(/No field to update/);
		expect(sandbox.stats.requests).toBe(before);
	});

	test('Delete removes an unshipped order; Archive and Restore move a printed one', async () => {
		expect((await order('delete', byNumber(SEED.domesticOrder))).error).toBeUndefined();
		expect(created(SEED.domesticOrder)).toHaveLength(0);
		expect((await order('archive', byNumber(SEED.printedOrder))).items[0].json.outcome).toBe(
			'archived',
		);
		expect(created(SEED.printedOrder)[0].archived).toBe(true);
		const before = sandbox.stats.requests;
		expect((await order('restore', byNumber(SEED.printedOrder))).items[0].json.outcome).toBe(
			'restored',
		);
		expect(created(SEED.printedOrder)[0].archived).toBe(false);
		// An archived order is looked for among archived orders first: one lookup, then the restore.
		expect(sandbox.stats.requests - before).toBe(2);
	});
});

describe('read-only mode (for AI agents)', () => {
	test('refuses a write and sends nothing; reads still work', async () => {
		const before = sandbox.stats.requests;
		const write = await order('create', { ...domestic, readOnly: true });
		expect(write.error?.message).toMatch(/read-only/i);
		expect(sandbox.stats.requests).toBe(before);
		expect(
			(await order('get', { ...byNumber(SEED.domesticOrder), readOnly: true })).error,
		).toBeUndefined();
	});
});

describe('read-only mode in the AI-agent tool form', () => {
	const asTool = (operation: string, parameters: IDataObject) =>
		runNode({
			type: 'n8n-nodes-starshipit.starshipitTool',
			parameters: { resource: 'order', operation, ...parameters },
			credentials: sandboxCredentials(sandbox),
		});

	test('on by default for an agent: a write is refused and nothing is sent; a read works', async () => {
		const before = sandbox.stats.requests;
		const write = await asTool('create', domestic);
		expect(write.error?.message).toMatch(/read-only/i);
		expect(sandbox.stats.requests).toBe(before);
		expect((await asTool('get', byNumber(SEED.domesticOrder))).error).toBeUndefined();
	});

	test('turned off in the tool form, the agent may write', async () => {
		const write = await asTool('create', { ...domestic, readOnly: false });
		expect(write.error).toBeUndefined();
	});

	test('shown in the tool form only (n8n’s @tool display rule), where it is on by default', () => {
		const readOnly = new Starshipit().description.properties.find(
			(property) => property.name === 'readOnly',
		);
		expect(readOnly).toMatchObject({
			default: true,
			displayOptions: { show: { '@tool': [true] } },
		});
	});
});

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { expectDeviations } from '../harness/deviations';
import { useSandbox } from '../harness/use-sandbox';
import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY, SEED } from '../sandbox';

/**
 * Issue 12, node side: the node sends only what Starshipit's reference documents, reads every list
 * shape it shows, checks before it books, and never lets a key out in another form.
 */
const { sandbox, credentials } = useSandbox();

const run = (
	resource: string,
	operation: string,
	parameters: IDataObject,
	input: IDataObject[] = [{}],
	overrides: ICredentialDataDecryptedObject = {},
	continueOnFail = false,
) =>
	runNode({
		parameters: { resource, operation, ...parameters },
		input,
		credentials: credentials(overrides),
		continueOnFail,
	});
const byNumber = (value: string) => ({ order: { __rl: true, mode: 'orderNumber', value } });
const stored = (number: string) => sandbox.store.orders.find((row) => row.order_number === number)!;
const sentStatuses = () => sandbox.requests.map((request) => request.query.status).filter(Boolean);
const newOrder = {
	orderNumber: 'WEB-9001',
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'AU',
	items: { item: [{ description: 'Mug', quantity: 1, value: 10 }] },
};

describe('Order > Get Many: only documented lists and values', () => {
	test('All reads the Unshipped and Shipped lists (no status=All) and returns both', async () => {
		const { items, error } = await run('order', 'getMany', { status: 'all', returnAll: true });
		expect(error).toBeUndefined();
		expect(sentStatuses()).toEqual(['Unshipped', 'Shipped']);
		const numbers = items.map((item) => item.json.order_number);
		expect(numbers).toEqual(expect.arrayContaining([SEED.domesticOrder, SEED.printedOrder]));
		expect(new Set(numbers).size).toBe(numbers.length);
	});

	test('Archived reads the order summary with order_status=archived (no status=Archived)', async () => {
		stored(SEED.printedOrder).archived = true;
		const { items, error } = await run('order', 'getMany', { status: 'archived', returnAll: true });
		expect(error).toBeUndefined();
		expect(
			sandbox.requests.map((request) => `${request.path}?${request.query.order_status}`),
		).toEqual(['/api/orders/summary?archived']);
		expect(sentStatuses()).toEqual([]);
		expect(items.map((item) => item.json.order_number)).toEqual([SEED.printedOrder]);
	});

	test('a list answer without its list is an error, never an empty result', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/orders/unshipped',
			kind: 'status',
			status: 200,
			body: { success: true, results: [] },
		});
		const { items, error } = await run('order', 'getMany', {
			status: 'unshipped',
			returnAll: true,
		});
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/did not contain the list of orders/);
	});

	test('the list shape data.orders is read too', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/orders/unshipped',
			kind: 'status',
			status: 200,
			body: {
				success: true,
				data: { orders: [{ order_id: 1, order_number: 'X-1' }] },
				total_pages: 1,
			},
		});
		const { items, error } = await run('order', 'getMany', {
			status: 'unshipped',
			returnAll: true,
			simplify: false,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.order_number)).toEqual(['X-1']);
	});
});

describe('lookups send no status=Archived', () => {
	test('Restore by number finds the order in the archived summary, then restores it', async () => {
		stored(SEED.printedOrder).archived = true;
		const { error } = await run('order', 'restore', byNumber(SEED.printedOrder));
		expect(error).toBeUndefined();
		expect(stored(SEED.printedOrder).archived).toBe(false);
		expect(sentStatuses()).not.toContain('Archived');
		expect(sandbox.requests.map((request) => request.path)).toEqual([
			'/api/orders/summary',
			'/api/orders/restore',
		]);
	});

	test('Get of an order that is nowhere: Unshipped, Shipped, then the archived summary', async () => {
		const { error } = await run('order', 'get', byNumber('NOPE-1'));
		expect(error?.message).toMatch(/has no order numbered NOPE-1/);
		expect(sentStatuses()).toEqual(['Unshipped', 'Shipped']);
		expect(sandbox.requests.at(-1)?.query).toMatchObject({
			order_status: 'archived',
			filter: 'Order:::NOPE-1',
		});
	});
});

describe('Authority to Leave is the metadata row ATL=True', () => {
	const sentOrder = (method: string) =>
		(
			sandbox.requests.find(
				(request) => request.method === method && request.path === '/api/orders',
			)!.body as IDataObject
		).order as IDataObject;

	test('on create', async () => {
		const { error } = await run('order', 'create', {
			...newOrder,
			additionalFields: {
				authority_to_leave: true,
				metadata: { field: [{ metafield_key: 'SOURCE', value: 'Shop' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(sentOrder('POST')).not.toHaveProperty('authority_to_leave');
		expect(sentOrder('POST').metadatas).toEqual([
			{ metafield_key: 'SOURCE', value: 'Shop' },
			{ metafield_key: 'ATL', value: 'True' },
		]);
	});

	test('on update', async () => {
		const { error } = await run('order', 'update', {
			...byNumber(SEED.domesticOrder),
			updateFields: { authority_to_leave: true },
		});
		expect(error).toBeUndefined();
		expect(sentOrder('PUT')).not.toHaveProperty('authority_to_leave');
		expect(sentOrder('PUT').metadatas).toEqual([{ metafield_key: 'ATL', value: 'True' }]);
	});
});

describe('Label > Create', () => {
	const labelRequests = () =>
		sandbox.requests.filter((request) => request.path === '/api/orders/shipment');

	test('checks the address before booking: every missing field named, nothing booked', async () => {
		// A copy: the seed's address objects are shared between resets.
		stored(SEED.domesticOrder).destination = {
			...stored(SEED.domesticOrder).destination,
			street: '',
			post_code: '',
		};
		const { error } = await run('label', 'create', byNumber(SEED.domesticOrder));
		expect(error?.message).toMatch(/incomplete address, so no label was requested.*\(item 1\)/);
		expect(error?.description).toMatch(
			/Destination › Street: is required<br>\n• Destination › Post Code: is required/,
		);
		expect(labelRequests()).toEqual([]);
	});

	test.each([
		['no label at all', { labels: [] }, /answered without a label for order SO-1001 \(item 1\)/],
		[
			'a label that is not a PDF or ZPL file',
			{ labels: [Buffer.from('hello world, no pdf').toString('base64')] },
			/Label 1 of order SO-1001 \(item 1\) is not a PDF or ZPL file/,
		],
		[
			'a label that is not base64',
			{ labels: ['%%% not base64 %%%'] },
			/Label 1 of order SO-1001 \(item 1\) is not a PDF or ZPL file/,
		],
	])(
		'an answer with %s is an item error, never an item without a file',
		async (_name, answer, expected) => {
			sandbox.faults.add({
				method: 'POST',
				path: '/api/orders/shipment',
				kind: 'status',
				status: 200,
				body: {
					success: true,
					order_number: SEED.domesticOrder,
					tracking_numbers: ['T1'],
					...answer,
				},
			});
			const { items, error } = await run('label', 'create', byNumber(SEED.domesticOrder));
			expect(items).toEqual([]);
			expect(error?.message).toMatch(expected);
			expect(error?.description).toMatch(/Label > Reprint/);
		},
	);

	test('the customs error names Your Country; the credential’s Your Country applies when the node leaves it empty', async () => {
		stored(SEED.internationalOrder).items = [{ quantity: 1 }];
		const abroad = await run('label', 'create', byNumber(SEED.internationalOrder));
		expect(abroad.error?.description).toMatch(/Your Country is AU/);
		expect(labelRequests()).toEqual([]);
		const customs = await run('order', 'create', {
			...newOrder,
			destinationCountry: 'New Zealand',
			items: { item: [{ quantity: 1 }] },
		});
		expect(customs.error?.description).toMatch(
			/the order goes to New Zealand and Your Country is AU/,
		);
		const fromNz = await run(
			'order',
			'create',
			{ ...newOrder, destinationCountry: 'NZ', items: { item: [{ quantity: 1 }] } },
			[{}],
			{ homeCountry: 'New Zealand' },
		);
		expect(fromNz.error).toBeUndefined();
	});
});

test('a Base URL with a typo in its path says the Base URL looks wrong, not that the order does not exist', async () => {
	expectDeviations(sandbox, { path: '/apii/api/orders', kind: 'endpoint' });
	const { error } = await run('order', 'get', byNumber(SEED.domesticOrder), [{}], {
		baseUrl: `${sandbox.url}/apii`,
	});
	expect(error?.message).toMatch(/Base URL looks wrong/);
	expect(error?.message).not.toMatch(/has no order/);
	expect(error?.description).toMatch(/Base URL in the Starshipit credential looks wrong/);
});

test.each([
	['null', null],
	['an object', { number: 'SSI1' }],
	['a list', ['SSI1', 'SSI2']],
])(
	'Tracking > Get with %s names the item and the field, and sends nothing',
	async (_name, value) => {
		const { error } = await run(
			'tracking',
			'get',
			{ lookupBy: 'trackingNumber', trackingNumber: '={{ $json.value }}', output: 'shipment' },
			[{ value }],
		);
		expect(error?.message).toMatch(/^Tracking Number of item 1 /);
		expect(sandbox.requests).toEqual([]);
	},
);

describe('keys echoed back in another form are redacted', () => {
	const base64 = (text: string) => Buffer.from(text).toString('base64');
	const forms = [
		SANDBOX_API_KEY.toUpperCase(),
		base64(SANDBOX_SUBSCRIPTION_KEY),
		encodeURIComponent(`${SANDBOX_API_KEY}?x`),
		SANDBOX_API_KEY.split('').join(' '),
		SANDBOX_SUBSCRIPTION_KEY.slice(0, 24),
	];
	const leaks = (text: string) => {
		const flat = text.toLowerCase().replace(/[^a-z0-9]/g, '');
		return (
			[SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY].some((key) =>
				flat.includes(
					key
						.toLowerCase()
						.replace(/[^a-z0-9]/g, '')
						.slice(0, 20),
				),
			) || text.includes(base64(SANDBOX_SUBSCRIPTION_KEY).slice(0, 16))
		);
	};

	test('in the message, the description, the support context and the run data', async () => {
		const body = {
			success: false,
			errors: [{ message: `Key ${forms[0]} refused`, details: forms.slice(1).join(' | ') }],
		};
		sandbox.faults.add({ method: 'GET', path: '/api/track', kind: 'status', status: 400, body });
		const { error, run: execution } = await run('tracking', 'get', {
			lookupBy: 'trackingNumber',
			trackingNumber: 'SSI1',
			output: 'shipment',
		});
		expect(error?.message).toMatch(/\[redacted\]/);
		for (const text of [
			error?.message ?? '',
			String(error?.description),
			JSON.stringify(error?.context ?? {}),
			JSON.stringify(execution.data),
		])
			expect(leaks(text)).toBe(false);
	});

	test('with Continue On Fail, in the error item', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 400,
			body: { success: false, errors: [{ message: forms.join(' '), details: '' }] },
		});
		const { items } = await run(
			'tracking',
			'get',
			{ lookupBy: 'trackingNumber', trackingNumber: 'SSI1', output: 'shipment' },
			[{}],
			{},
			true,
		);
		expect(items).toHaveLength(1);
		expect(leaks(JSON.stringify(items[0].json))).toBe(false);
	});
});

describe('values Starshipit would take differently are checked first', () => {
	test.each([
		[
			'an impossible Order Date',
			{ additionalFields: { order_date: '2026-02-30' } },
			/Order Date: is not a day on the calendar/,
		],
		[
			'a bare number as Order Date',
			{ additionalFields: { order_date: '5' } },
			/Order Date: must be a date/,
		],
		[
			'"Order 7" as Order Date',
			{ additionalFields: { order_date: 'Order 7' } },
			/Order Date: must be a date/,
		],
		[
			'a quantity of 1e15',
			{ items: { item: [{ description: 'Mug', quantity: 1e15, value: 10 }] } },
			/Quantity: must be at most 100000/,
		],
		['country XX', { destinationCountry: 'XX' }, /Country: is not a country/],
		['country 12', { destinationCountry: '12' }, /Country: is not a country/],
		['country Nu Zeeland', { destinationCountry: 'Nu Zeeland' }, /Country: is not a country/],
	])('%s is refused', async (_name, change, expected) => {
		const { error } = await run('order', 'create', { ...newOrder, ...change });
		expect(error?.description).toMatch(expected);
		expect(sandbox.requests).toEqual([]);
	});

	test('a quantity of "2" and a value of "19.5" are numbers, as a weight of "2.5" is', async () => {
		const { error } = await run('order', 'create', {
			...newOrder,
			items: { item: [{ description: 'Mug', quantity: '2', value: '19.5' }] },
			packages: { package: [{ weight: '2.5' }] },
		});
		expect(error).toBeUndefined();
		expect(stored('WEB-9001').items[0]).toMatchObject({ quantity: 2, value: 19.5 });
		expect(stored('WEB-9001').packages[0]).toMatchObject({ weight: 2.5 });
	});

	test.each([
		['-5', -5],
		['"ten"', 'ten'],
		['0', 0],
	])('Get Many with Limit %s is an item error, not 0 items', async (_name, limit) => {
		const { error } = await run(
			'order',
			'getMany',
			{ status: 'unshipped', returnAll: false, limit: '={{ $json.limit }}' },
			[{ limit }],
		);
		expect(error?.message).toMatch(/^Limit of item 1 /);
		expect(sandbox.requests).toEqual([]);
	});

	test('Search with an object phrase names the field, and sends nothing', async () => {
		const { error } = await run(
			'order',
			'search',
			{ phrase: '={{ $json.phrase }}', fields: 'All', searchStatus: 'All', returnAll: true },
			[{ phrase: { text: 'x' } }],
		);
		expect(error?.message).toMatch(/^Search For of item 1 must be text, not an object/);
		expect(sandbox.requests).toEqual([]);
	});
});

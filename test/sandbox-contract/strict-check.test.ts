import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { request } from 'undici';

import { deviationProblems, expectDeviations } from '../harness/deviations';
import { useSandbox } from '../harness/use-sandbox';
import {
	SANDBOX_API_KEY,
	SANDBOX_SUBSCRIPTION_KEY,
	type Deviation,
	type Sandbox,
} from '../sandbox';
import { checkRequest } from '../sandbox/strict/check';
import { GUESSES } from '../sandbox/strict/guesses';
import { KNOWN_DEVIATIONS } from '../sandbox/strict/known-deviations';
import { noteDeviations } from '../sandbox/strict/registry';

// The strict sandbox's checker against the API notes (test/sandbox/strict/reference.ts): what it flags, what it passes.

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
const check = (method: Method, pathAndQuery: string, body?: unknown): Deviation[] => {
	const url = new URL(pathAndQuery, 'http://sandbox');
	return checkRequest({ method, path: url.pathname, query: url.searchParams, body });
};
const whats = (deviations: Deviation[]) =>
	deviations.map(
		(deviation) => `${deviation.kind} ${deviation.what}${deviation.refused ? ' [refused]' : ''}`,
	);

/** The sample bodies of starshipit-api-details.md, as written there. */
const SAMPLE_ORDER = {
	order_date: '2024-05-27T06:00:00.000Z',
	order_number: 'WEB-1001',
	reference: 'Online Order',
	shipping_method: 'Express',
	signature_required: false,
	return_order: false,
	currency: 'AUD',
	destination: {
		name: 'John Doe',
		phone: '0412456789',
		email: 'test@example.com',
		street: '1 Test Street',
		suburb: 'Melbourne',
		state: 'VIC',
		post_code: '3000',
		country: 'Australia',
		delivery_instructions: 'Leave at door',
	},
	items: [
		{
			description: 'Mobile Phone',
			sku: '123456',
			tariff_code: '851712',
			country_of_origin: 'China',
			quantity: 1,
			weight: 0.4,
			value: 125,
		},
	],
	packages: [{ weight: 0.6, height: 0.1, width: 0.2, length: 0.3 }],
};
const SAMPLE_METADATAS = [
	{ metafield_key: 'ATL', value: 'True' },
	{ metafield_key: 'SOURCE', value: 'Shopify' },
];
const SAMPLE_PRODUCT = {
	sku: 'TSHIRT-001',
	title: 'Cotton T-Shirt',
	customs_description: "Men's cotton t-shirt",
	country: 'New Zealand',
	hs_code: '610910',
	weight: 0.25,
	length: 0.3,
	width: 0.2,
	height: 0.02,
	barcode: '9400000000001',
	bin_location: 'A1-03',
	price: 29.95,
};
const order = (fields: Record<string, unknown> = {}) => ({ ...SAMPLE_ORDER, ...fields });

describe('the documented samples pass', () => {
	test.each<[string, Method, string, unknown?]>([
		['create order (details §3.2)', 'POST', '/api/orders', { order: SAMPLE_ORDER }],
		[
			'create order with the ATL metadata row (details §3.3)',
			'POST',
			'/api/orders',
			{ order: order({ metadatas: SAMPLE_METADATAS }) },
		],
		[
			'import',
			'POST',
			'/api/orders/import',
			{ orders: [SAMPLE_ORDER, order({ order_number: 'WEB-1002' })] },
		],
		[
			'partial update (S10)',
			'PUT',
			'/api/orders',
			{
				order: {
					order_id: 712619554,
					items: [
						{ item_id: 1838141715, quantity: 2 },
						{ item_id: 1, delete: true },
					],
				},
			},
		],
		[
			'print label (details §5)',
			'POST',
			'/api/orders/shipment',
			{
				order_id: 712619554,
				carrier: 'AusPost',
				carrier_service_code: '7B05',
				packages: [{ weight: 1.2, height: 0.1, width: 0.2, length: 0.3 }],
				reprint: false,
			},
		],
		['print label by order number (S8)', 'POST', '/api/orders/shipment', { order_number: '35905' }],
		[
			'print labels (batch)',
			'POST',
			'/api/orders/shipments',
			{ order_ids: [101, 102], reprint: false },
		],
		[
			'rates (details §4)',
			'POST',
			'/api/rates',
			{
				destination: {
					street: '20 Liverpool Street',
					suburb: 'Paddington',
					city: 'Sydney',
					state: 'NSW',
					post_code: '2021',
					country_code: 'AU',
				},
				packages: [{ weight: 0.5, height: 0.1, width: 0.1, length: 0.1 }],
				currency: 'AUD',
			},
		],
		[
			'delivery services for an order',
			'POST',
			'/api/deliveryservices',
			{ order_id: 5, include_pricing: true },
		],
		['product create (details §7)', 'POST', '/api/products', { product: SAMPLE_PRODUCT }],
		[
			'product update',
			'PUT',
			'/api/products/update',
			{ id: 12345, product: { id: 12345, ...SAMPLE_PRODUCT } },
		],
		[
			'product delete',
			'DELETE',
			'/api/products/delete',
			{ product_ids: [12345], all_products: false },
		],
		[
			'product search (S15)',
			'GET',
			'/api/products?search_term=SKU-1&page_number=1&page_size=50&skip_records=0&sort_column=Sku&sort_direction=Ascending',
		],
		['credential test', 'GET', '/api/orders/unshipped?limit=1'],
		[
			'unshipped since',
			'GET',
			'/api/orders/unshipped?since_order_date=2024-05-27T06:00:00.000Z&limit=250&page=2',
		],
		[
			'one order by number, shipped',
			'GET',
			'/api/orders?order_number=35905&status=Shipped&include=Items&include=Packages',
		],
		[
			'the paged list with a filter',
			'GET',
			'/api/orders?status=Unshipped&filter=Order:::1419,Country:::Australia&sort_column=Order&sort_direction=Ascending&page_number=1&page_size=500',
		],
		['archived orders', 'GET', '/api/orders/summary?order_status=archived&page=1&page_size=500'],
		[
			'search',
			'GET',
			'/api/orders/search?phrase=1001&fields=Order_Number&status=All&limit=250&page=1',
		],
		['printed list', 'GET', '/api/orders/shipments?status=unmanifested&limit=50'],
		['tracking', 'GET', '/api/track?tracking_number=QQQ001737901000931501'],
		['archive (query string, empty body)', 'POST', '/api/orders/archive?order_id=712619554', {}],
		[
			'batch carrier',
			'PUT',
			'/api/orders/batchupdate',
			{ order_ids: [1, 2], product_code: '7B05', carrier_id: '9' },
		],
		[
			'tracking only',
			'POST',
			'/api/orders/shipped',
			{
				orders: [
					{
						name: 'A',
						order_number: 'X',
						carrier: 'AusPost',
						tracking_number: 'T1',
						country: 'Australia',
						postcode: '2000',
					},
				],
			},
		],
		['manifest files (trailing slash)', 'GET', '/api/manifests/files/?manifest_id=7'],
		// A rest parameter: jest would hand a row without a body its `done` callback instead.
	])('%s', (...[, method, path, body]) => {
		expect(whats(check(method, path, body))).toEqual([]);
	});
});

describe('what it flags', () => {
	test.each<[string, Method, string, unknown, string[]]>([
		[
			'an unknown path',
			'GET',
			'/api/health',
			undefined,
			['endpoint GET /api/health: not a path the reference documents'],
		],
		[
			'an unknown method',
			'PATCH',
			'/api/orders',
			{ order: SAMPLE_ORDER },
			[
				'endpoint PATCH /api/orders: the reference documents this path only with POST or GET or PUT',
			],
		],
		[
			'the undocumented label list',
			'GET',
			'/api/orders/labels?order_id=1',
			undefined,
			['endpoint GET /api/orders/labels: not a path the reference documents'],
		],
		[
			'a query parameter not listed for the endpoint',
			'GET',
			'/api/orders/unshipped?status=Unshipped',
			undefined,
			['query-parameter query status: not a parameter the reference lists for this endpoint'],
		],
		[
			'status=All on the order list (issue 12.1)',
			'GET',
			'/api/orders?status=All&page_size=500',
			undefined,
			['query-value query status=All: not a documented value (Unshipped, Printed, Shipped)'],
		],
		[
			'status=Archived on the order list (issue 12.1)',
			'GET',
			'/api/orders?status=Archived',
			undefined,
			['query-value query status=Archived: not a documented value (Unshipped, Printed, Shipped)'],
		],
		[
			'status=Archived in a lookup (issue 12.2)',
			'GET',
			'/api/orders?order_number=X&status=Archived',
			undefined,
			['query-value query status=Archived: not a documented value (Unshipped, Printed, Shipped)'],
		],
		[
			'a limit above the documented 250',
			'GET',
			'/api/orders/unshipped?limit=500',
			undefined,
			['query-value query limit=500: above the documented maximum 250'],
		],
		[
			'a limit that is not a number',
			'GET',
			'/api/manifests?limit=ten',
			undefined,
			['query-value query limit=ten: not a number'],
		],
		[
			'a date that is not RFC 3339',
			'GET',
			'/api/orders/shipped?since_last_updated=2026-02-30T00:00:00Z',
			undefined,
			[
				'query-value query since_last_updated=2026-02-30T00:00:00Z: not an RFC 3339 date-time with a real calendar date',
			],
		],
		[
			'an undocumented filter column',
			'GET',
			'/api/orders?filter=Colour:::Red',
			undefined,
			['query-value query filter=Colour:::Red: "Colour" is not a documented filter column'],
		],
		[
			'a parameter given twice',
			'GET',
			'/api/orders/unshipped?limit=1&limit=2',
			undefined,
			['query-value query limit: given 2 times, the reference lists it once'],
		],
		[
			'authority_to_leave on an order (issue 12.3)',
			'POST',
			'/api/orders',
			{ order: order({ authority_to_leave: true }) },
			['field order.authority_to_leave: not a field the reference lists here'],
		],
		[
			'an unknown field inside destination',
			'POST',
			'/api/orders',
			{ order: order({ destination: { ...SAMPLE_ORDER.destination, county: 'X' } }) },
			['field order.destination.county: not a field the reference lists here'],
		],
		[
			'an unknown field inside an item, in an import',
			'POST',
			'/api/orders/import',
			{ orders: [order({ items: [{ ...SAMPLE_ORDER.items[0], colour: 'red' }] })] },
			['field orders[].items[].colour: not a field the reference lists here'],
		],
		[
			'an unknown field on a label request',
			'POST',
			'/api/orders/shipment',
			{ order_id: 1, format: 'ZPL' },
			['field format: not a field the reference lists here'],
		],
		[
			'a quantity sent as text',
			'POST',
			'/api/orders',
			{ order: order({ items: [{ ...SAMPLE_ORDER.items[0], quantity: '2' }] }) },
			['type order.items[].quantity: text where the reference has a number'],
		],
		[
			'an order number sent as a number',
			'POST',
			'/api/orders',
			{ order: order({ order_number: 1001 }) },
			['type order.order_number: a number where the reference has text'],
		],
		[
			'packages as an object',
			'POST',
			'/api/rates',
			{ destination: { country_code: 'AU' }, packages: { weight: 1 } },
			['type packages: an object where the reference has a list'],
		],
		[
			'a null',
			'POST',
			'/api/orders',
			{ order: order({ reference: null }) },
			['type order.reference: null where the reference has text'],
		],
		[
			'a country name where rates take a code',
			'POST',
			'/api/rates',
			{ destination: { country_code: 'New Zealand' }, packages: [{ weight: 1 }] },
			['value destination.country_code="New Zealand": not an ISO 3166 two-letter country code'],
		],
		[
			'51 orders in one import',
			'POST',
			'/api/orders/import',
			{ orders: Array.from({ length: 51 }, (_, n) => order({ order_number: `N${n}` })) },
			['value orders: 51 entries, the reference allows at most 50'],
		],
		[
			'an order without the { order } envelope',
			'POST',
			'/api/orders',
			SAMPLE_ORDER,
			[
				...Object.keys(SAMPLE_ORDER).map(
					(key) => `envelope body.${key}: outside the documented envelope { order } [refused]`,
				),
				'envelope body.order: missing from the documented envelope { order } [refused]',
			],
		],
		[
			'{ orders: [...] } sent to the single create',
			'POST',
			'/api/orders',
			{ orders: [SAMPLE_ORDER] },
			[
				'envelope body.orders: outside the documented envelope { order } [refused]',
				'envelope body.order: missing from the documented envelope { order } [refused]',
			],
		],
		[
			'{ order: {...} } sent to the import',
			'POST',
			'/api/orders/import',
			{ order: SAMPLE_ORDER },
			[
				'envelope body.order: outside the documented envelope { orders } [refused]',
				'envelope body.orders: missing from the documented envelope { orders } [refused]',
			],
		],
		[
			'{ product } without its id on update',
			'PUT',
			'/api/products/update',
			{ product: SAMPLE_PRODUCT },
			['envelope body.id: missing from the documented envelope { id, product } [refused]'],
		],
		[
			'a product outside { product }',
			'POST',
			'/api/products',
			{ sku: 'A' },
			[
				'envelope body.sku: outside the documented envelope { product } [refused]',
				'envelope body.product: missing from the documented envelope { product } [refused]',
			],
		],
		[
			'a missing required destination field',
			'POST',
			'/api/orders',
			{ order: order({ destination: { ...SAMPLE_ORDER.destination, street: '' } }) },
			['required order.destination.street: missing (required) [refused]'],
		],
		[
			'a missing order number',
			'POST',
			'/api/orders',
			{ order: order({ order_number: undefined }) },
			['required order.order_number: missing (required) [refused]'],
		],
		[
			'a missing order number in an import (answered per order, not refused)',
			'POST',
			'/api/orders/import',
			{ orders: [order({ order_number: undefined })] },
			['required orders[].order_number: missing (required)'],
		],
		[
			'a label for no order',
			'POST',
			'/api/orders/shipment',
			{ reprint: true },
			['required body: needs one of order_id, order_number [refused]'],
		],
		[
			'tracking for nothing',
			'GET',
			'/api/track',
			undefined,
			['required query: needs one of tracking_number, order_number [refused]'],
		],
		[
			'a package without weight on rates',
			'POST',
			'/api/rates',
			{ destination: { country_code: 'AU' }, packages: [{ height: 0.1 }] },
			['required packages[].weight: missing (required) [refused]'],
		],
		[
			'a delete without its order ID',
			'DELETE',
			'/api/orders/delete',
			undefined,
			['required query order_id: missing (required) [refused]'],
		],
		[
			'a country code on an order address (names documented)',
			'POST',
			'/api/orders',
			{ order: order({ destination: { ...SAMPLE_ORDER.destination, country: 'AU' } }) },
			[
				'value order.destination.country="AU": a country code where the reference documents a country name (e.g. Australia)',
			],
		],
		[
			"a country code as a product's country of origin",
			'POST',
			'/api/products',
			{ product: { ...SAMPLE_PRODUCT, country: 'NZ' } },
			[
				'value product.country="NZ": a country code where the reference documents a country name (e.g. Australia)',
			],
		],
		[
			'an object written out as a search phrase (issue 12.6)',
			'GET',
			'/api/orders/search?phrase=[object Object]',
			undefined,
			[
				'query-value query phrase=[object Object]: a JavaScript value written out as text, not a value the user meant',
			],
		],
		[
			'"undefined" as an order number (issue 11.1)',
			'POST',
			'/api/orders',
			{ order: order({ order_number: 'undefined' }) },
			[
				'value order.order_number="undefined": a JavaScript value written out as text, not a value the user meant',
			],
		],
		[
			'hostile text is shown cut',
			'POST',
			'/api/orders',
			{ order: order({ reference: 'x'.repeat(500) }) },
			[`value order.reference="${'x'.repeat(56)}...: longer than the documented 50 characters`],
		],
		[
			'a body on a read',
			'GET',
			'/api/orders/unshipped',
			{ limit: 1 },
			['envelope body: this endpoint takes no body (sent: limit)'],
		],
	])('%s', (_name, method, path, body, expected) => {
		expect(whats(check(method, path, body))).toEqual(expected);
	});
});

test('every guess the reference and the checker name exists in guesses.ts, and every guess is used', () => {
	const source = ['reference.ts', 'check.ts', 'spec.ts']
		.map((file) => readFileSync(join(__dirname, '../sandbox/strict', file), 'utf8'))
		.join('\n');
	const named = new Set([...source.matchAll(/GUESSES\.(\w+)/g)].map((match) => match[1]));
	expect([...named].filter((name) => !(name in GUESSES))).toEqual([]);
	expect(Object.keys(GUESSES).filter((name) => !named.has(name))).toEqual([]);
});

describe('in the sandbox', () => {
	const { sandbox } = useSandbox();

	const keys = {
		'starshipit-api-key': SANDBOX_API_KEY,
		'ocp-apim-subscription-key': SANDBOX_SUBSCRIPTION_KEY,
		'content-type': 'application/json',
	};
	async function call(method: 'GET' | 'POST', path: string, body?: object) {
		const answer = await request(`${sandbox.url}${path}`, {
			method,
			headers: keys,
			body: body ? JSON.stringify(body) : undefined,
		});
		return { status: answer.statusCode, body: (await answer.body.json()) as Record<string, any> };
	}

	test('a body outside the envelope is refused as Starshipit refuses, stored nowhere, and recorded', async () => {
		expectDeviations(sandbox, { path: '/api/orders', kind: 'envelope' });
		const before = sandbox.store.orders.length;
		const answer = await call('POST', '/api/orders', SAMPLE_ORDER);
		expect(answer).toMatchObject({
			status: 400,
			body: {
				success: false,
				errors: [
					{
						message: 'Validation failed',
						details: expect.stringContaining(
							'body.order: missing from the documented envelope { order }',
						),
					},
				],
			},
		});
		expect(sandbox.store.orders).toHaveLength(before);
		expect(sandbox.deviations).toContainEqual(
			expect.objectContaining({
				method: 'POST',
				path: '/api/orders',
				kind: 'envelope',
				refused: true,
			}),
		);
	});

	test('a missing required field is refused; an undocumented value is recorded and answered', async () => {
		expectDeviations(
			sandbox,
			{ kind: 'required', what: 'order.destination.suburb' },
			{ what: 'query status=All' },
		);
		const { suburb: _suburb, ...noSuburb } = SAMPLE_ORDER.destination;
		expect(
			(
				await call('POST', '/api/orders', {
					order: order({ order_number: 'WEB-7', destination: noSuburb }),
				})
			).status,
		).toBe(400);
		expect((await call('GET', '/api/orders?status=All')).status).toBe(200);
		expect(sandbox.deviations.map((deviation) => deviation.refused)).toEqual([true, false]);
	});

	test('a documented request leaves no deviation, and reset() clears them', async () => {
		expect(
			(await call('POST', '/api/orders', { order: order({ order_number: 'WEB-8' }) })).status,
		).toBe(200);
		expect(sandbox.deviations).toEqual([]);
		expectDeviations(sandbox, { path: '/api/health' });
		await call('GET', '/api/health');
		expect(sandbox.deviations).toHaveLength(1);
		sandbox.reset();
		expect(sandbox.deviations).toEqual([]);
	});
});

describe('the harness check', () => {
	const deviation: Deviation = {
		method: 'GET',
		path: '/api/health',
		kind: 'endpoint',
		what: 'GET /api/health: not a path the reference documents',
		refused: false,
	};
	const fakeSandbox = { url: 'http://fake' } as Sandbox;

	test('fails a test that leaves a deviation it did not announce', () => {
		noteDeviations(fakeSandbox.url, [deviation]);
		expect(deviationProblems()).toMatch(
			/do not document[\s\S]*GET \/api\/health: not a path the reference documents/,
		);
	});

	test('passes a deviation the test announced, and fails an announced one that never came', () => {
		expectDeviations(fakeSandbox, { path: '/api/health' });
		noteDeviations(fakeSandbox.url, [deviation]);
		expect(deviationProblems()).toBeUndefined();
		expectDeviations(fakeSandbox, { path: '/api/orders' });
		expect(deviationProblems()).toMatch(
			/Expected deviations that never came: \{"path":"\/api\/orders"\}/,
		);
	});

	test('every temporary allowance names the issue item that removes it', () => {
		for (const known of KNOWN_DEVIATIONS) expect(known.fixedBy).toMatch(/^issue \d+/);
	});
});

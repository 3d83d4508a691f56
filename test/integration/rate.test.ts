import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

const { sandbox, runOperation } = useSandbox();

const run = (
	operation: string,
	parameters: IDataObject,
	input?: IDataObject[],
	continueOnFail?: boolean,
) => runOperation('rate', operation, parameters, input, continueOnFail);
const sydney = {
	street: '1 George Street',
	suburb: 'Sydney',
	state: 'NSW',
	postCode: '2000',
	countryCode: 'AU',
	packages: { package: [{ weight: 2 }] },
};
const rates = (parameters: IDataObject = {}, input?: IDataObject[], continueOnFail = false) =>
	run('getRates', { ...sydney, ...parameters }, input, continueOnFail);
const rateRequests = () => sandbox.requests.filter((request) => request.path === '/api/rates');
const isItem0 = (paired: unknown) => JSON.stringify(paired) === JSON.stringify({ item: 0 });
const codes = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.service_code);

describe('Rate > Get Rates', () => {
	test('one item per rate with the fields a workflow maps, cheapest first and limited', async () => {
		const { items, error } = await rates({ options: { sortBy: 'cheapest', maxResults: 2 } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		// 2 kg: Parcel Post 13.90, Road Express 14.10, Express Post 20.20.
		expect(items[0].json).toMatchObject({
			rank: 1,
			carrier: 'AusPost',
			carrier_name: 'Australia Post',
			service_code: 'PP',
			service_name: 'Parcel Post',
			total_price: 13.9,
			currency: 'AUD',
			transit_days: 4,
		});
		expect(items[1].json).toMatchObject({ rank: 2, service_code: 'CPL', total_price: 14.1 });
		expect(items.every((item) => isItem0(item.pairedItem))).toBe(true);
	});

	test('the request carries the destination, packages and sender Starshipit expects', async () => {
		await rates({
			countryCode: 'au',
			sender: { post_code: '3000', suburb: 'Melbourne', country_code: 'au' },
			options: { currency: 'aud' },
		});
		expect(rateRequests()[0].body).toEqual({
			destination: {
				street: '1 George Street',
				suburb: 'Sydney',
				state: 'NSW',
				post_code: '2000',
				country_code: 'AU',
			},
			sender: { post_code: '3000', suburb: 'Melbourne', country_code: 'AU' },
			packages: [{ weight: 2 }],
			currency: 'AUD',
		});
	});

	test('fastest first, and the service code filter', async () => {
		expect(codes((await rates({ options: { sortBy: 'fastest' } })).items)).toEqual([
			'EXP',
			'CPL',
			'PP',
		]);
		expect(codes((await rates({ options: { sortBy: 'none' } })).items)).toEqual([
			'PP',
			'EXP',
			'CPL',
		]);
		expect(codes((await rates({ options: { serviceCodes: 'pp, exp' } })).items)).toEqual([
			'PP',
			'EXP',
		]);
	});

	test('weights mapped as text (a web form) still count as numbers', async () => {
		const { items, error } = await rates(
			{ packages: { package: [{ weight: '={{ $json.weight }}' }] } },
			[{ weight: '2.5' }],
		);
		expect(error).toBeUndefined();
		expect(rateRequests()[0].body).toMatchObject({ packages: [{ weight: 2.5 }] });
		expect(items.length).toBe(3);
	});

	test('international destinations get international services', async () => {
		const { items } = await rates({ postCode: '1010', countryCode: 'nz', state: '' });
		expect(codes(items)).toEqual(['INTL', 'DHLX', 'INTLX']);
	});

	test('an answer nested as data.services is read too', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/rates',
			kind: 'status',
			status: 200,
			times: 1,
			body: {
				success: true,
				data: {
					services: [
						{ service_code: 'B', service_name: 'Bee', total_price: '12.50' },
						{ service_code: 'A', service_name: 'Ay', total_price: '7' },
					],
				},
			},
		});
		const { items } = await rates();
		expect(items.map((item) => [item.json.service_code, item.json.total_price])).toEqual([
			['A', 7],
			['B', 12.5],
		]);
	});

	test('no rates at all: one item with a helpful message', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/rates',
			kind: 'status',
			status: 200,
			times: 1,
			body: { success: true, rates: [] },
		});
		const { items, error } = await rates();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ rates_found: 0 });
		expect(items[0].json.message).toMatch(/couriers are enabled.*sender \(pickup\) address/);
	});

	test('a filter that matches nothing says so', async () => {
		const { items } = await rates({ options: { serviceCodes: 'NOPE' } });
		expect(items[0].json).toMatchObject({ rates_found: 0 });
		expect(items[0].json.message).toMatch(/none matches the Service Code Filter "NOPE"/);
	});

	test.each([
		[
			'no post code (mapped, empty)',
			{ postCode: '={{ "" }}' },
			/Destination › Post Code: is required/,
		],
		[
			'country that does not exist',
			{ countryCode: 'Atlantis' },
			/Destination › Country: is not a country/,
		],
		['post code with symbols', { postCode: '2#00' }, /Destination › Post Code: must be 3 to 10/],
		[
			'zero weight',
			{ packages: { package: [{ weight: 0 }] } },
			/Packages › Package 1 › Weight: must be above 0/,
		],
		[
			'weight as words',
			{ packages: { package: [{ weight: '={{ "heavy" }}' }] } },
			/Packages › Package 1 › Weight: must be a number/,
		],
		['no package', { packages: {} }, /Packages: add at least one package/],
		['bad currency', { options: { currency: 'dollars' } }, /Currency: must be a 3-letter/],
		[
			'bad sender country',
			{ sender: { country_code: 'Oz' + 'tralia' } },
			/Sender › Country: is not a country/,
		],
	])(
		'malformed input (%s): a clear item error, nothing sent',
		async (_name, parameters, expected) => {
			const { error } = await rates(parameters as IDataObject);
			// The cause in the message itself (issue 26); every problem in the description.
			expect(error?.message).toMatch(/^The rate request of item 1 has a problem: /);
			expect(error?.message).toMatch(expected);
			expect(error?.description).toMatch(expected);
			expect(sandbox.stats.requests).toBe(0);
		},
	);

	test('Continue On Fail: a bad item becomes an error item, the others get their rates, each paired', async () => {
		const { items, error } = await rates(
			{ postCode: '={{ $json.postcode }}' },
			[{ postcode: '2000' }, { postcode: '' }],
			true,
		);
		expect(error).toBeUndefined();
		const failed = items.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(failed[0].json.description).toMatch(/Destination › Post Code: is required/);
		expect(items.filter((item) => !item.json.error).every((item) => isItem0(item.pairedItem))).toBe(
			true,
		);
		expect(rateRequests()).toHaveLength(1);
	});

	test('Starshipit’s refusal reaches the user', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/rates',
			kind: 'status',
			status: 400,
			times: 1,
			body: {
				success: false,
				errors: [{ message: 'Sender address is not set', details: 'Add a pickup address' }],
			},
		});
		const { error } = await rates();
		expect(error?.message).toContain('Sender address is not set');
	});

	test('Get Rates reads only: allowed in read-only mode', async () => {
		const { error, items } = await rates({ readOnly: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
	});
});

describe('Rate > Get Delivery Services', () => {
	test('one item per service', async () => {
		const { items, error } = await run('getDeliveryServices', {});
		expect(error).toBeUndefined();
		expect(codes(items)).toEqual(['PP', 'EXP', 'CPL', 'INTL', 'INTLX', 'DHLX']);
		expect(items[0].json).toMatchObject({ carrier: 'AusPost', service_name: 'Parcel Post' });
		expect(sandbox.stats.byRoute['POST /api/deliveryservices']).toBe(1);
	});

	test('none enabled: a message instead of silence', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/deliveryservices',
			kind: 'status',
			status: 200,
			times: 1,
			body: { success: true, services: [] },
		});
		const { items } = await run('getDeliveryServices', {});
		expect(items[0].json).toMatchObject({ services_found: 0 });
	});
});

describe('Rate > Get Rates for Order', () => {
	const forOrder = (value: string, mode = 'orderNumber', options: IDataObject = {}) =>
		run('getRatesForOrder', { order: { __rl: true, mode, value }, options });
	const servicesRequests = () =>
		sandbox.requests.filter((request) => request.path === '/api/deliveryservices');

	test('by order number: the order’s destination and packages priced, cheapest first, each with the order ID', async () => {
		const order = sandbox.store.orders.find((row) => row.order_number === SEED.internationalOrder)!;
		const { items, error } = await forOrder(SEED.internationalOrder, 'orderNumber', {
			maxResults: 2,
		});
		expect(error).toBeUndefined();
		expect(servicesRequests().at(-1)?.body).toEqual({
			order_id: order.order_id,
			include_pricing: true,
		});
		expect(codes(items)).toEqual(['INTL', 'INTLX']);
		// The sandbox prices International Standard at 25 + 12 per kg of the order's own packages.
		const weight = order.packages.reduce((sum, pack) => sum + Number(pack.weight), 0);
		expect(items[0].json).toMatchObject({
			rank: 1,
			order_id: order.order_id,
			currency: 'AUD',
			total_price: Math.round((25 + 12 * weight) * 100) / 100,
		});
		expect(Number(items[0].json.total_price)).toBeLessThanOrEqual(
			Number(items[1].json.total_price),
		);
	});

	test('by Starshipit ID: no lookup first, one request', async () => {
		const order = sandbox.store.orders.find((row) => row.order_number === SEED.domesticOrder)!;
		const before = sandbox.requests.length;
		const { items, error } = await forOrder(String(order.order_id), 'id', { sortBy: 'none' });
		expect(error).toBeUndefined();
		expect(codes(items)).toEqual(['PP', 'EXP', 'CPL']);
		expect(sandbox.requests.length - before).toBe(1);
	});

	test('an unknown order number says so and asks for no rates', async () => {
		const { error } = await forOrder('NOPE-9');
		expect(error?.message).toBe('Starshipit has no order numbered NOPE-9 (item 1)');
		expect(servicesRequests()).toHaveLength(0);
	});

	test('an unknown ID shows Starshipit’s own refusal', async () => {
		const { error } = await forOrder('999999', 'id');
		expect(error?.message).toMatch(/^Starshipit: Order not found/);
	});
});

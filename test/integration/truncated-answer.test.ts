import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';
import { byNumber, newOrderFromItem as newOrder } from './order-fixtures';

// An HTTP 200 whose body was cut mid-way (or is not JSON at all) is never a success and never "not
// found": a write may have landed, so it is checked before anything else; a read fails, saying so.
const { sandbox, runOperation: run } = useSandbox();

const truncate = (method: string, path: string, times?: number) =>
	sandbox.faults.add({ method, path, kind: 'truncated', times });
const calls = (method: string, path: string) =>
	sandbox.requests.filter((request) => request.method === method && request.path === path);
const UNREADABLE = /could not be read/;

describe('writes: checked as "may have landed"', () => {
	test.each([false, true])(
		'Order > Create x20, every answer cut mid-way (Continue On Fail %s): each order stored once and returned',
		async (continueOnFail) => {
			truncate('POST', '/api/orders');
			const numbers = Array.from({ length: 20 }, (_, at) => `CUT-${1000 + at}`);
			const { items, error } = await run(
				'order',
				'create',
				newOrder,
				numbers.map((number) => ({ number })),
				continueOnFail,
			);
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.order_number)).toEqual(numbers);
			expect(
				items.every(
					(item) => item.json.error === undefined && typeof item.json.order_id === 'number',
				),
			).toBe(true);
			for (const number of numbers)
				expect(sandbox.store.orders.filter((row) => row.order_number === number)).toHaveLength(1);
			expect(calls('POST', '/api/orders')).toHaveLength(20);
		},
	);

	test('Label > Create, the answer cut mid-way: the booked label is fetched, not booked twice', async () => {
		truncate('POST', '/api/orders/shipment', 1);
		const { items, error } = await run('label', 'create', byNumber(SEED.domesticOrder));
		expect(error).toBeUndefined();
		expect(items[0].json.tracking_number ?? items[0].json.trackingNumber).toBeTruthy();
		expect(
			calls('POST', '/api/orders/shipment').filter(
				(request) => !(request.body as IDataObject)?.reprint,
			),
		).toHaveLength(1);
	});
});

test('a write that cannot be checked (Label > Create Return): not sent again, and the error says it may have landed', async () => {
	truncate('POST', '/api/orders/shipment/clone');
	const { error } = await run('label', 'createReturn', byNumber(SEED.printedOrder));
	expect(error?.message).toMatch(UNREADABLE);
	expect(error?.description).toContain('may or may not have reached Starshipit');
	expect(calls('POST', '/api/orders/shipment/clone')).toHaveLength(1);
});

describe('reads: a clear error, never "not found" or "nothing"', () => {
	test('Order > Get, a 200 that is not JSON (a page from a proxy): the same clear error, the page kept for support only', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/orders',
			kind: 'status',
			status: 200,
			body: '<html><body>Service temporarily unavailable</body></html>',
		});
		const { error } = await run('order', 'get', byNumber(SEED.domesticOrder));
		expect(error?.message).toBe(
			'Starshipit: its answer could not be read (cut off or not JSON), so what happened is not known (HTTP 200)',
		);
		expect((error?.context?.supportContext as IDataObject).responseBody).toContain(
			'Service temporarily unavailable',
		);
	});

	test.each([
		['Order > Get', 'order', 'get', byNumber(SEED.domesticOrder), 'GET', '/api/orders'],
		[
			'Tracking > Get',
			'tracking',
			'get',
			{ lookupBy: 'orderNumber', orderNumber: SEED.printedOrder, output: 'shipment' },
			'GET',
			'/api/track',
		],
		[
			'Rate > Get Rates',
			'rate',
			'getRates',
			{
				street: '1 George Street',
				suburb: 'Sydney',
				state: 'NSW',
				postCode: '2000',
				countryCode: 'AU',
				packages: { package: [{ weight: 2 }] },
			},
			'POST',
			'/api/rates',
		],
	] as Array<[string, string, string, IDataObject, string, string]>)(
		'%s, the answer cut mid-way',
		async (_name, resource, operation, parameters, method, path) => {
			truncate(method, path);
			const { items, error } = await run(resource, operation, parameters);
			expect(items).toEqual([]);
			expect(error?.message).toMatch(UNREADABLE);
			expect(`${error?.message} ${error?.description}`).not.toMatch(
				/not found|found nothing|no rates/i,
			);
		},
	);
});

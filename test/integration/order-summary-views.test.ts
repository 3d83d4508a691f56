/** Issue 23 point 8: Order > Get Many's summary views (New, Printed, Shipped), their order counts and the Address, Tag and Write-Back filters. */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

const { sandbox, credentials } = useSandbox();

const run = (parameters: IDataObject) =>
	runNode({
		parameters: { resource: 'order', operation: 'getMany', returnAll: true, ...parameters },
		input: [{}],
		credentials: credentials(),
	});
const stored = (number: string) => sandbox.store.orders.find((row) => row.order_number === number)!;
const numbers = (items: Array<{ json: IDataObject }>) =>
	items.map((item) => item.json.order_number);

describe('Order > Get Many: the summary views', () => {
	test.each([
		['new', 'new', [SEED.domesticOrder, SEED.internationalOrder, SEED.multiItemOrder]],
		['printed', 'printed', [SEED.printedOrder]],
		['summaryShipped', 'shipped', [SEED.deliveredOrder]],
	])(
		'%s reads the order summary with order_status=%s (every age, no 24-hour window)',
		async (status, orderStatus, expected) => {
			const { items, error } = await run({ status });
			expect(error).toBeUndefined();
			expect(sandbox.requests.map((request) => [request.path, request.query.order_status])).toEqual(
				[['/api/orders/summary', orderStatus]],
			);
			expect(numbers(items)).toEqual(expected);
		},
	);

	test('Counts Only: one item with Starshipit’s order counts', async () => {
		stored(SEED.printedOrder).archived = true;
		const { items, error } = await run({ status: 'new', summaryOutput: 'counts' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			view: 'new',
			unprinted_count: 3,
			printed_count: 0,
			shipped_count: 1,
			archived_count: 1,
		});
		expect(sandbox.requests.map((request) => request.query)).toEqual([
			{ order_status: 'new', page: '1', page_size: '1' },
		]);
	});

	test('an answer without its counts is an error, never an empty item', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/orders/summary',
			kind: 'status',
			status: 200,
			times: 1,
			body: { success: true, orders: [] },
		});
		const { error } = await run({ status: 'new', summaryOutput: 'counts' });
		expect(error?.message).toBe('Starshipit’s order summary came back without its order counts');
	});

	test('the documented filters: Address, Tag and Write-Back go in one filter text', async () => {
		Object.assign(stored(SEED.multiItemOrder), { tags: ['VIP'], address_validation: 'Valid' });
		const { items, error } = await run({
			status: 'new',
			filters: { address: 'valid', tag: 'VIP' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].query.filter).toBe('Tag:::VIP,Address:::Valid');
		expect(numbers(items)).toEqual([SEED.multiItemOrder]);
		await run({ status: 'summaryShipped', filters: { writeback: 'Failed' } });
		expect(sandbox.requests.at(-1)?.query.filter).toBe('Writeback:::Failed');
	});

	test('Starshipit’s refusal in its own words', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/orders/summary',
			kind: 'status',
			status: 400,
			times: 1,
			body: { success: false, errors: [{ message: 'Invalid filter', details: 'Tag' }] },
		});
		const { error } = await run({ status: 'printed' });
		expect(error?.message).toBe('Starshipit: Invalid filter');
	});

	test('a filter holding a comma is refused before anything is sent', async () => {
		const { error } = await run({ status: 'new', filters: { tag: 'VIP,Wholesale' } });
		expect(`${error?.message} ${error?.description}`).toMatch(/Tag.*cannot contain a comma/);
		expect(sandbox.stats.requests).toBe(0);
	});
});

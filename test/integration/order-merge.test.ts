/** Issue 23: Order > Get Suggested Merges and Order > Merge, through n8n's engine against the strict sandbox. */
import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

const { sandbox, runOperation } = useSandbox();

const run = (
	operation: string,
	parameters: IDataObject,
	input?: IDataObject[],
	continueOnFail?: boolean,
) => runOperation('order', operation, parameters, input, continueOnFail);
const stored = (number: string) => sandbox.store.orders.find((row) => row.order_number === number)!;
const writes = () => sandbox.requests.filter((request) => request.method !== 'GET');

describe('Order > Get Suggested Merges', () => {
	test('one item per suggested group, with the IDs Order > Merge takes', async () => {
		const { items, error } = await run('getMergeable', { returnAll: true });
		expect(error).toBeUndefined();
		const [domestic, multi] = [stored(SEED.domesticOrder), stored(SEED.multiItemOrder)];
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				primary_order_id: domestic.order_id,
				parent_order_id: domestic.order_id,
				child_order_ids: [multi.order_id],
				order_numbers: [SEED.domesticOrder, SEED.multiItemOrder],
			}),
		]);
		expect(sandbox.requests.map((request) => request.query)).toEqual([{ page: '1', limit: '250' }]);
	});

	test('Limit asks for a page of that size', async () => {
		const { items } = await run('getMergeable', { returnAll: false, limit: 1 });
		expect(items).toHaveLength(1);
		expect(sandbox.requests[0].query).toEqual({ page: '1', limit: '1' });
	});

	test('a Limit of 0 is refused before anything is sent', async () => {
		const { error } = await run('getMergeable', { returnAll: false, limit: 0 });
		expect(error?.message).toMatch(/Limit of item 1 .*nothing was sent/);
		expect(sandbox.stats.requests).toBe(0);
	});
});

describe('Order > Merge', () => {
	test('from a suggestion: the children join the parent, checked before and read back after', async () => {
		const [domestic, multi] = [stored(SEED.domesticOrder), stored(SEED.multiItemOrder)];
		const {
			items: [group],
		} = await run('getMergeable', { returnAll: true });
		const { items, error } = await run('merge', {}, [group.json]);
		expect(error).toBeUndefined();
		expect(writes().map((request) => [request.path, request.body])).toEqual([
			[
				'/api/orders/merge',
				{ parent_order_id: domestic.order_id, child_order_ids: [multi.order_id] },
			],
		]);
		expect(items[0].json).toMatchObject({
			parent_order_id: domestic.order_id,
			parent_order_number: SEED.domesticOrder,
			merged_order_ids: [multi.order_id],
			merged_order_numbers: [SEED.multiItemOrder],
		});
		expect(
			((items[0].json.order as IDataObject).items as IDataObject[]).map((item) => item.sku),
		).toEqual(['MUG-BLUE', 'MUG-BLUE', 'TEE-M-BLACK', 'POSTER-A2']);
		expect(stored(SEED.multiItemOrder).archived).toBe(true);
	});

	test('IDs typed as text separated by commas; the parent’s own ID is left out', async () => {
		const [domestic, multi] = [stored(SEED.domesticOrder), stored(SEED.multiItemOrder)];
		const { error } = await run('merge', {
			parentOrderId: String(domestic.order_id),
			childOrderIds: `${domestic.order_id}, ${multi.order_id}`,
		});
		expect(error).toBeUndefined();
		expect(writes()[0].body).toEqual({
			parent_order_id: domestic.order_id,
			child_order_ids: [multi.order_id],
		});
	});

	test('a printed order is refused before anything is merged', async () => {
		const { error } = await run('merge', {
			parentOrderId: String(stored(SEED.domesticOrder).order_id),
			childOrderIds: String(stored(SEED.printedOrder).order_id),
		});
		expect(error?.message).toBe(
			`Order ID ${stored(SEED.printedOrder).order_id} (item 1) is not an unshipped order in Starshipit: nothing was merged`,
		);
		expect(writes()).toEqual([]);
	});

	test('Starshipit’s refusal in its own words', async () => {
		// Printed between the node's check and the merge: Starshipit refuses.
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/merge',
			kind: 'status',
			status: 400,
			times: 1,
			body: {
				success: false,
				errors: [
					{
						message: 'Order SO-1003 has been printed: only unshipped orders can be merged',
						details: '',
					},
				],
			},
		});
		const { error } = await run('merge', {
			parentOrderId: String(stored(SEED.domesticOrder).order_id),
			childOrderIds: String(stored(SEED.multiItemOrder).order_id),
		});
		expect(error?.message).toBe(
			'Starshipit: Order SO-1003 has been printed: only unshipped orders can be merged',
		);
		expect(stored(SEED.multiItemOrder).archived).toBe(false);
	});

	test('a success that merged nothing is reported, not taken on trust', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/merge',
			kind: 'status',
			status: 200,
			times: 1,
			body: { success: true },
		});
		const { error } = await run('merge', {
			parentOrderId: String(stored(SEED.domesticOrder).order_id),
			childOrderIds: String(stored(SEED.multiItemOrder).order_id),
		});
		expect(error?.message).toMatch(
			new RegExp(
				`merge succeeded, but order ID ${stored(SEED.multiItemOrder).order_id} is still a separate unshipped order \\(item 1\\)`,
			),
		);
	});

	test.each([
		[
			'no other order',
			{ parentOrderId: '1001', childOrderIds: '1001' },
			/Order IDs to Merge Into It of item 1 holds no order other than the parent/,
		],
		[
			'an order number',
			{ parentOrderId: '1001', childOrderIds: 'SO-1003' },
			/holds "SO-1003", which is not a Starshipit order ID/,
		],
		[
			'an empty parent',
			{ parentOrderId: '={{ "" }}', childOrderIds: '1003' },
			/Parent Order ID of item 1 .*nothing was sent/,
		],
	])('bad input (%s) is refused before anything is sent', async (_name, parameters, expected) => {
		const { error } = await run('merge', parameters);
		expect(error?.message).toMatch(expected);
		expect(sandbox.stats.requests).toBe(0);
	});

	test('read-only mode refuses it', async () => {
		const { error } = await run('merge', {
			parentOrderId: '1001',
			childOrderIds: '1003',
			readOnly: true,
		});
		expect(error?.message).toMatch(/Read-only mode is on/);
	});
});

// Issue 23: a merged child keeps its number in Starshipit; the shop sending that order again must not
// re-create it (Import, Create or Update): it is skipped, and the reason says it may have been merged.
describe('a merged child order sent again', () => {
	const address = {
		destinationName: 'Sam Lee',
		destinationStreet: '5 King Street',
		destinationSuburb: 'Newtown',
		destinationPostCode: '2042',
		destinationCountry: 'Australia',
		itemsInput: 'none',
	};
	async function mergeChild() {
		const [domestic, multi] = [stored(SEED.domesticOrder), stored(SEED.multiItemOrder)];
		const { error } = await run('merge', {
			parentOrderId: String(domestic.order_id),
			childOrderIds: String(multi.order_id),
		});
		expect(error).toBeUndefined();
		return multi.order_number;
	}

	// Create or Update looks first and sends nothing; Import sends its batch (one request for all its orders), the
	// duplicate is refused, and the read back finds the archived child.
	test.each([
		['createOrUpdate', 0],
		['import', 1],
	] as const)(
		'%s reports it skipped, naming the merge, and re-creates nothing',
		async (operation, batchRequests) => {
			const child = await mergeChild();
			const before = writes().length;
			const { items, error } = await run(operation, { orderNumber: child, ...address });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ outcome: 'skipped', order_number: child });
			expect(String(items[0].json.reason)).toMatch(/archived .*merged into another order/);
			expect(
				writes()
					.slice(before)
					.map((request) => request.path),
			).toEqual(batchRequests ? ['/api/orders/import'] : []);
			expect(sandbox.store.orders.filter((row) => row.order_number === child)).toHaveLength(1);
		},
	);
});

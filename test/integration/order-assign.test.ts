/**
 * Issue 23 point 9: Order > Assign to Another Account (`POST /api/orders/assign`), through n8n's engine against
 * the strict sandbox. The other account's API key comes from a second credential (Starshipit Target Account),
 * never from a field, and appears in no output, error or run data.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';
import {
	SANDBOX_API_KEY,
	SANDBOX_OTHER_ACCOUNT_API_KEY,
	SANDBOX_SUBSCRIPTION_KEY,
	SEED,
} from '../sandbox';
import {
	orderFromItem,
	orderIdFromItem,
	runAssign,
	TARGET_CREDENTIAL_NAME,
	type AssignRun,
} from './assign-fixtures';

const { sandbox } = useSandbox();

const run = (options: Partial<AssignRun> = {}) =>
	runAssign({
		parameters: orderFromItem,
		input: [{ number: SEED.domesticOrder }],
		credentials: sandboxCredentials(sandbox),
		...options,
	});
const held = (number: string) => sandbox.store.orders.find((row) => row.order_number === number);
const assignRequests = () =>
	sandbox.requests.filter((request) => request.path === '/api/orders/assign');

/** Everything the run shows (run data, output, error and its stack), checked for any piece of 8 of either account's API key. */
function expectNoKeyIn(result: Awaited<ReturnType<typeof runAssign>>) {
	const seen = (
		JSON.stringify(result.run) +
		JSON.stringify(result.error ?? null) +
		String((result.error as { stack?: string } | undefined)?.stack ?? '')
	).toLowerCase();
	for (const key of [SANDBOX_OTHER_ACCOUNT_API_KEY, SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY]) {
		expect(seen).not.toContain(key.toLowerCase());
	}
	// The target key's own part ("other-account"), in a form no other text of the run has.
	expect(seen).not.toContain('sandbox-other-account');
}

describe('Order > Assign to Another Account', () => {
	test('all input orders in one request; each reported moved once this account no longer holds it', async () => {
		const [domestic, multi] = [held(SEED.domesticOrder)!, held(SEED.multiItemOrder)!];
		const result = await run({
			input: [{ number: SEED.domesticOrder }, { number: SEED.multiItemOrder }],
		});
		expect(result.error).toBeUndefined();
		// The sandbox records the body with its keys masked; that they were the right ones is what its route checks.
		expect(assignRequests().map((request) => request.body)).toEqual([
			{
				orders: [
					{ order_id: domestic.order_id, current_api_key: '[key]', new_api_key: '[key]' },
					{ order_id: multi.order_id, current_api_key: '[key]', new_api_key: '[key]' },
				],
			},
		]);
		expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					order_id: domestic.order_id,
					order_number: SEED.domesticOrder,
					assigned: true,
					target_account: TARGET_CREDENTIAL_NAME,
					status: 'Unshipped',
				},
				{ item: 0 },
			],
			[
				{
					order_id: multi.order_id,
					order_number: SEED.multiItemOrder,
					assigned: true,
					target_account: TARGET_CREDENTIAL_NAME,
					status: 'Unshipped',
				},
				{ item: 1 },
			],
		]);
		expect(held(SEED.domesticOrder)).toBeUndefined();
		expect(held(SEED.multiItemOrder)).toBeUndefined();
		expectNoKeyIn(result);
	});

	test('an order picked by Starshipit ID, printed: moved too', async () => {
		const printed = held(SEED.printedOrder)!;
		const result = await run({ parameters: orderIdFromItem, input: [{ id: printed.order_id }] });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			order_id: printed.order_id,
			order_number: SEED.printedOrder,
			assigned: true,
			status: 'Printed',
		});
		expect(held(SEED.printedOrder)).toBeUndefined();
	});

	test('Starshipit’s refusal in its own words; nothing moved', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/assign',
			kind: 'status',
			status: 400,
			times: 1,
			body: {
				success: false,
				errors: [
					{ message: 'Order SO-1001 cannot be assigned', details: 'It has a label printed' },
				],
			},
		});
		const result = await run();
		expect(result.error?.message).toBe('Starshipit: Order SO-1001 cannot be assigned (item 1)');
		expect(result.error?.description).toMatch(/It has a label printed/);
		expect(held(SEED.domesticOrder)).toBeDefined();
		expectNoKeyIn(result);
	});

	test('a key that is no other account’s: Starshipit refuses it, and the key typed is shown nowhere', async () => {
		const wrongKey = 'typed-by-mistake-0000-not-an-account';
		const result = await run({ target: { apiKey: wrongKey } });
		expect(result.error?.message).toBe(
			'Starshipit: new_api_key is not the API key of a Starshipit account (order SO-1001, item 1)',
		);
		expect(held(SEED.domesticOrder)).toBeDefined();
		expect(JSON.stringify(result.run) + JSON.stringify(result.error)).not.toContain(wrongKey);
	});

	test('Continue On Fail: each order not moved gets its own error item, in Starshipit’s words', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/assign',
			kind: 'status',
			status: 200,
			times: 1,
			body: {
				success: false,
				errors: [{ message: 'Orders cannot be assigned right now', details: '' }],
			},
		});
		const result = await run({
			input: [{ number: SEED.domesticOrder }, { number: SEED.multiItemOrder }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[
				expect.stringMatching(
					/^Starshipit: Orders cannot be assigned right now \(order SO-1001, item 1\)$/,
				),
				{ item: 0 },
			],
			[
				expect.stringMatching(
					/^Starshipit: Orders cannot be assigned right now \(order SO-1003, item 2\)$/,
				),
				{ item: 1 },
			],
		]);
	});

	test('Continue On Fail with a refusal of the whole request: each item’s error names its own order and item', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/assign',
			kind: 'status',
			status: 400,
			times: 1,
			body: { success: false, errors: [{ message: 'Validation failed', details: '' }] },
		});
		const result = await run({
			input: [{ number: SEED.domesticOrder }, { number: SEED.multiItemOrder }],
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error)).toEqual([
			'Starshipit: Validation failed (order SO-1001, item 1)',
			'Starshipit: Validation failed (order SO-1003, item 2)',
		]);
	});

	test('reading back fails after a lost answer: said that whether the order moved is not known', async () => {
		// Moved, then the answer lost; the read back finds it neither unshipped nor printed, and its last look (the archived orders) fails.
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/assign',
			kind: 'drop-after-write',
			times: 1,
		});
		sandbox.faults.add({
			method: 'GET',
			path: '/api/orders/summary',
			kind: 'status',
			status: 503,
			times: 1,
		});
		const result = await run({
			credentials: sandboxCredentials(sandbox, { maxRetries: 0 }),
			input: [{ number: SEED.domesticOrder }],
		});
		expect(result.error?.description).toMatch(
			/Whether order SO-1001 moved is not known \(reading it back failed\): look for it in both Starshipit accounts/,
		);
	});

	test('an answer of success that moved nothing is reported, not taken on trust', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/assign',
			kind: 'status',
			status: 200,
			times: 1,
			body: { success: true },
		});
		const result = await run();
		expect(result.error?.message).toBe(
			`Starshipit answered that order ${SEED.domesticOrder} was assigned, but it is still in this account (item 1)`,
		);
	});

	test('the answer lost after Starshipit moved the orders: read back, reported moved', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/assign',
			kind: 'drop-after-write',
			times: 1,
		});
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			order_number: SEED.domesticOrder,
			assigned: true,
		});
		expect(assignRequests()).toHaveLength(1);
	});

	describe('refused before anything is sent', () => {
		test.each([
			[
				'an empty order',
				orderFromItem,
				[{ number: '' }],
				/^Order of item 1 is required: nothing was sent to Starshipit$/,
			],
			[
				'an order number given as an ID',
				orderIdFromItem,
				[{ id: 'SO-1001' }],
				/^Order ID "SO-1001" in item 1 is not a Starshipit order ID$/,
			],
			[
				'an order given twice',
				orderFromItem,
				[{ number: SEED.domesticOrder }, { number: SEED.domesticOrder }],
				/^Order SO-1001 is in item 1 and item 2: nothing was sent to Starshipit$/,
			],
			[
				'an order not in this account',
				orderFromItem,
				[{ number: 'SO-4040' }],
				/^Starshipit has no order numbered SO-4040 in this account \(item 1\): nothing was assigned$/,
			],
		])('%s', async (_name, parameters, input, expected) => {
			const result = await run({ parameters, input });
			expect(result.error?.message).toMatch(expected);
			expect(assignRequests()).toEqual([]);
		});

		test('the same order by number and by ID is given twice', async () => {
			const parameters = {
				order: { __rl: true, mode: '={{ $json.mode }}', value: '={{ $json.value }}' },
			};
			const input = [
				{ mode: 'orderNumber', value: SEED.domesticOrder },
				{ mode: 'id', value: String(held(SEED.domesticOrder)!.order_id) },
			];
			const result = await run({ parameters, input });
			expect(result.error?.message).toBe(
				'Order SO-1001 is in item 1 and item 2: nothing was sent to Starshipit',
			);
			expect(assignRequests()).toEqual([]);
		});
	});

	describe('the Starshipit Target Account API credential', () => {
		test('none chosen: said plainly, nothing sent', async () => {
			const result = await run({ target: null });
			expect(result.error?.message).toBe(
				'Choose the Starshipit account to move the orders to: no Starshipit Target Account API credential is set',
			);
			expect(result.error?.description).toMatch(/Settings > API > API Key/);
			expect(sandbox.stats.requests).toBe(0);
		});

		test('without a key: said plainly, nothing sent', async () => {
			const result = await run({ target: { apiKey: '  ' } });
			expect(result.error?.message).toBe(
				'The Starshipit Target Account API credential has no API key',
			);
			expect(sandbox.stats.requests).toBe(0);
		});

		test('holding this account’s own key: refused, nothing sent, the key shown nowhere', async () => {
			const result = await run({ target: { apiKey: SANDBOX_API_KEY } });
			expect(result.error?.message).toBe(
				'The Starshipit Target Account API credential holds the API key of this same account',
			);
			expect(sandbox.stats.requests).toBe(0);
			expectNoKeyIn(result);
		});
	});

	test('read-only mode refuses it', async () => {
		const result = await run({ parameters: { ...orderFromItem, readOnly: true } as IDataObject });
		expect(result.error?.message).toMatch(/Read-only mode is on/);
		expect(sandbox.stats.requests).toBe(0);
	});
});

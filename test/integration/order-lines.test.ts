import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import {
	shopifyFields,
	shopifyOrder,
	wooCommerceFields,
	wooCommerceOrder,
} from '../fixtures/shop-orders';

/**
 * Real orders have several lines: a shop order's lines mapped with one list expression arrive with
 * every line, quantity, value and weight exact, through n8n's engine against the strict sandbox.
 */
const { sandbox, credentials } = useSandbox();

const run = (
	operation: string,
	parameters: IDataObject,
	input: IDataObject[],
	continueOnFail = false,
	resource = 'order',
) =>
	runNode({
		parameters: { resource, operation, ...parameters },
		input,
		credentials: credentials(),
		continueOnFail,
	});
const stored = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const withoutId = (rows: unknown, id: string) =>
	((rows ?? []) as IDataObject[]).map(({ [id]: _id, ...row }) => row);
const lines = (number: string) => withoutId(stored(number)[0]?.items, 'item_id');

const WOO_LINES = [
	{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5 },
	{ description: 'Cotton T-shirt - M', sku: 'TEE-M', quantity: 1, value: 30 },
	{ description: 'Tea towel', sku: 'TOWEL-1', quantity: 3, value: 9 },
];
const SHOPIFY_LINES = [
	{ description: 'Blue mug - Large', sku: 'MUG-BLUE-L', quantity: 1, value: 24, weight: 0.45 },
	{
		description: 'Cotton T-shirt - M / Black',
		sku: 'TEE-M-BLACK',
		quantity: 2,
		value: 30,
		weight: 0.2,
	},
	{ description: 'Linen apron', sku: 'APRON-1', quantity: 1, value: 45.5, weight: 0.35 },
];

describe('a shop order mapped with one list expression', () => {
	test.each(['create', 'createOrUpdate', 'import'])(
		'WooCommerce, %s: three lines exact, hidden meta data left out',
		async (operation) => {
			const parameters = {
				...wooCommerceFields,
				additionalFields: {
					...(wooCommerceFields.additionalFields as IDataObject),
					metadataList: '={{ $json.meta_data }}',
				},
			};
			const { items, error } = await run(operation, parameters, [wooCommerceOrder('1001')]);
			expect(error).toBeUndefined();
			if (operation !== 'create') expect(items[0].json.outcome).toBe('created');
			expect(lines('1001')).toEqual(WOO_LINES);
			expect(stored('1001')[0].metadatas).toEqual([
				{ metafield_key: 'gift_message', value: 'Happy birthday' },
			]);
		},
	);

	test.each(['create', 'createOrUpdate', 'import'])(
		'Shopify, %s: grams read as kg, the gift card left out, one package weighing the lines',
		async (operation) => {
			const { items, error } = await run(operation, shopifyFields, [shopifyOrder('#1002')]);
			expect(error).toBeUndefined();
			if (operation !== 'create') expect(items[0].json.outcome).toBe('created');
			expect(lines('#1002')).toEqual(SHOPIFY_LINES);
			// 0.45 × 1 + 0.2 × 2 + 0.35 × 1
			expect(withoutId(stored('#1002')[0].packages, 'package_id')).toEqual([{ weight: 1.2 }]);
		},
	);

	test('Import of 200 orders of 1 to 20 lines: every line stored exactly, every outcome created', async () => {
		const input: IDataObject[] = Array.from({ length: 200 }, (_unused, index) => ({
			...wooCommerceOrder(`BULK-${index + 1}`),
			line_items: Array.from({ length: (index % 20) + 1 }, (_line, line) => ({
				name: `Thing ${line + 1}`,
				sku: `SKU-${index}-${line}`,
				quantity: line + 1,
				price: `${line + 1}.25`,
			})),
		}));
		const { items, error } = await run('import', wooCommerceFields, input);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.outcome)).toEqual(input.map(() => 'created'));
		for (const order of input) {
			const expected = (order.line_items as IDataObject[]).map((line, index) => ({
				description: line.name,
				sku: line.sku,
				quantity: index + 1,
				value: index + 1.25,
			}));
			expect(lines(String(order.number))).toEqual(expected);
		}
	});

	test('re-importing the same orders with one line changed: that order updated, the others unchanged', async () => {
		const first = [wooCommerceOrder('R-1'), wooCommerceOrder('R-2')];
		await run('import', wooCommerceFields, first);
		const second = [wooCommerceOrder('R-1'), wooCommerceOrder('R-2')];
		((second[1].line_items as IDataObject[])[2] as IDataObject).quantity = 5;
		const { items } = await run('import', wooCommerceFields, second);
		expect(items.map((item) => item.json.outcome)).toEqual(['unchanged', 'updated']);
		expect(lines('R-2')[2]).toEqual({ ...WOO_LINES[2], quantity: 5 });
		expect(lines('R-2')).toHaveLength(3);
	});
});

describe('a line Starshipit did not keep is read, never reported as stored', () => {
	const dropLastLine = (method: string, path: string) =>
		sandbox.faults.add({ method, path, kind: 'drop-last-line' });

	test.each([
		['import', 'POST', '/api/orders/import'],
		['createOrUpdate', 'POST', '/api/orders'],
	])('%s of a new order: failed, naming Items', async (operation, method, path) => {
		dropLastLine(method, path);
		const { items } = await run(operation, wooCommerceFields, [wooCommerceOrder('LOSS-1')], true);
		expect(items[0].json.outcome).toBe('failed');
		expect(String(items[0].json.error)).toMatch(/other values than were sent \(Items\)/);
		expect(lines('LOSS-1')).toHaveLength(2);
	});

	test('create: an error, not the order', async () => {
		dropLastLine('POST', '/api/orders');
		const { items } = await run('create', wooCommerceFields, [wooCommerceOrder('LOSS-2')], true);
		expect(String(items[0].json.error)).toContain(
			'Starshipit stored order LOSS-2 with other values than were sent (Items)',
		);
	});

	test.each([
		['import', 'PUT', '/api/orders/update'],
		['createOrUpdate', 'PUT', '/api/orders'],
	])(
		'%s of an existing order whose lines changed: failed, not updated',
		async (operation, method, path) => {
			await run('create', wooCommerceFields, [wooCommerceOrder('LOSS-3')]);
			const changed = wooCommerceOrder('LOSS-3');
			(changed.line_items as IDataObject[]).push({
				name: 'Apron',
				sku: 'APRON-1',
				quantity: 1,
				price: 45.5,
			});
			dropLastLine(method, path);
			const { items } = await run(operation, wooCommerceFields, [changed], true);
			expect(items[0].json.outcome).toBe('failed');
			expect(lines('LOSS-3')).toHaveLength(3);
		},
	);

	test('Order > Update with Verify: the lost line is named', async () => {
		await run('create', wooCommerceFields, [wooCommerceOrder('LOSS-4')]);
		dropLastLine('PUT', '/api/orders');
		const { error } = await run(
			'update',
			{
				order: { __rl: true, mode: 'orderNumber', value: 'LOSS-4' },
				updateFields: { itemsList: '={{ $json.line_items }}' },
			},
			[wooCommerceOrder('LOSS-4')],
		);
		expect(error?.message).toContain('Starshipit did not store every change of item 1');
		expect(error?.description).toContain('items: sent 3 rows, Starshipit has 2');
	});
});

describe('a whole order from JSON', () => {
	const order = {
		order_number: 'JS-1',
		destination: {
			name: 'Jane Citizen',
			street: '1 George Street',
			suburb: 'Sydney',
			post_code: '2000',
			country: 'Australia',
		},
		items: [
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5, weight: 0.4 },
			{ description: 'Tea towel', sku: 'TOWEL-1', quantity: 1, value: 9, weight: 0.1 },
		],
		packages: [{ weight: 1 }],
	};

	test('is sent as given, also inside Starshipit’s { order } envelope', async () => {
		const { error } = await run('create', { orderInput: 'json', orderJson: '={{ $json }}' }, [
			{ order },
		]);
		expect(error).toBeUndefined();
		expect(lines('JS-1')).toEqual(order.items);
	});

	test('is checked like the fields, and a field Starshipit does not take is named', async () => {
		const bad = { ...order, colour: 'red', items: [{ ...order.items[0], quantity: 0 }] };
		const { error } = await run('create', { orderInput: 'json' }, [bad]);
		expect(error?.message).toContain('item 1 (order JS-1)');
		expect(error?.description).toContain('Order (JSON): "colour" is not a field this node sends');
		expect(sandbox.requests).toEqual([]);
	});
});

describe('updating lines from a list', () => {
	test('Order > Update replaces the lines with the list, verified line by line', async () => {
		await run('create', wooCommerceFields, [wooCommerceOrder('U-1')]);
		const newLines = [{ name: 'Blue mug', sku: 'MUG-BLUE', quantity: 1, price: 19.5 }];
		const { items, error } = await run(
			'update',
			{
				order: { __rl: true, mode: 'orderNumber', value: 'U-1' },
				updateFields: { itemsList: '={{ $json.lines }}' },
			},
			[{ lines: newLines }],
		);
		expect(error).toBeUndefined();
		expect(items[0].json.verified).toBe(true);
		expect(lines('U-1')).toEqual([
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 1, value: 19.5 },
		]);
	});
});

describe('rates for a cart', () => {
	const rates = (parameters: IDataObject, input: IDataObject) =>
		run('getRates', { postCode: '2000', countryCode: 'AU', ...parameters }, [input], false, 'rate');

	test('two parcels from a list, in grams and centimetres, sent in kg and metres', async () => {
		const cart = {
			parcels: [
				{ weight: 1500, length: 30, width: 20, height: 10 },
				{ weight: 250, length: 15, width: 10, height: 5 },
			],
		};
		const { error } = await rates(
			{
				packagesInput: 'list',
				packagesList: '={{ $json.parcels }}',
				packageKeys: { keys: { weightUnit: 'g', lengthUnit: 'cm' } },
			},
			cart,
		);
		expect(error).toBeUndefined();
		const sent = sandbox.requests.find((request) => request.path === '/api/rates')
			?.body as IDataObject;
		expect(sent.packages).toEqual([
			{ weight: 1.5, length: 0.3, width: 0.2, height: 0.1 },
			{ weight: 0.25, length: 0.15, width: 0.1, height: 0.05 },
		]);
	});

	test('one package weighing the cart’s lines', async () => {
		const { error } = await rates(
			{ packagesInput: 'lines', itemsList: '={{ $json.line_items }}' },
			shopifyOrder(),
		);
		expect(error).toBeUndefined();
		const sent = sandbox.requests.find((request) => request.path === '/api/rates')
			?.body as IDataObject;
		expect(sent.packages).toEqual([{ weight: 1.2 }]);
	});
});

describe('the Split Out pattern', () => {
	const splitLines = wooCommerceOrder('SP-1').line_items as IDataObject[];
	const perLine = splitLines.map((line) => ({
		...wooCommerceOrder('SP-1'),
		line_items: undefined,
		line,
	}));
	const rowParameters = {
		...wooCommerceFields,
		itemsInput: 'rows',
		itemsList: undefined,
		items: {
			item: [
				{
					sku: '={{ $json.line.sku }}',
					description: '={{ $json.line.name }}',
					quantity: '={{ $json.line.quantity }}',
				},
			],
		},
	};

	test.each(['create', 'createOrUpdate', 'import'])(
		'%s refuses the later lines of one order, names the first and says how to send all lines',
		async (operation) => {
			const { items, error } = await run(operation, rowParameters, perLine, true);
			expect(error).toBeUndefined();
			const texts = items.map(
				(item) => `${String(item.json.error ?? '')} ${String(item.json.description ?? '')}`,
			);
			for (const index of [1, 2]) {
				expect(texts[index]).toContain(
					`Order number SP-1 is in item 1 and again in item ${index + 1} of this run`,
				);
				expect(texts[index]).toContain('A List in the Input');
				expect(texts[index]).not.toContain('give each order its own number.');
			}
			expect(stored('SP-1')).toHaveLength(1);
			expect(lines('SP-1')).toHaveLength(1);
		},
	);

	test.each(['create', 'createOrUpdate'])(
		'%s without Continue On Fail sends nothing: no order is left with its first line only',
		async (operation) => {
			const { error } = await run(operation, rowParameters, perLine);
			expect(error?.message).toContain(
				'Order number SP-1 is in item 1 and again in item 2 of this run',
			);
			expect(sandbox.requests.filter((request) => request.method !== 'GET')).toEqual([]);
			expect(stored('SP-1')).toHaveLength(0);
		},
	);
});

describe('rows that lost their expression', () => {
	test('an expression over the Items rows (dropped by n8n) is an error, not an order of no lines', async () => {
		const { error } = await run(
			'create',
			{
				...wooCommerceFields,
				itemsInput: undefined,
				itemsList: undefined,
				items: '={{ $json.line_items }}',
			},
			[wooCommerceOrder('LOST-1')],
		);
		expect(error?.message).toContain('The order of item 1 (order LOST-1) has a problem');
		expect(error?.description).toContain('Items: no line was given');
		expect(error?.description).toContain('A List in the Input');
		expect(sandbox.requests).toEqual([]);
	});

	test('Items From: No Lines sends an order without lines on purpose', async () => {
		const { error } = await run('create', { ...wooCommerceFields, itemsInput: 'none' }, [
			wooCommerceOrder('NONE-1'),
		]);
		expect(error).toBeUndefined();
		expect(lines('NONE-1')).toEqual([]);
	});
});

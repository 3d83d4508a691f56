import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../harness/use-sandbox';

// Product Catalogue: every operation through n8n's engine against the sandbox, which (like Starshipit)
// replaces the whole product on update, so a lost field here would be lost in a real account too.
const { sandbox, runOperation } = useSandbox();

const product = (
	operation: string,
	parameters: IDataObject,
	input?: IDataObject[],
	continueOnFail?: boolean,
) => runOperation('product', operation, parameters, input, continueOnFail);
const stored = (sku: string) => sandbox.store.products.find((row) => row.sku === sku);
const writes = () => sandbox.requests.filter((request) => request.method !== 'GET');
const mapped = {
	sku: '={{ $json.sku }}',
	fields: { title: '={{ $json.title ?? "" }}', weight: '={{ $json.weight ?? 0 }}' },
};

describe('Create', () => {
	test('adds a product with its title, customs and size fields', async () => {
		const { items, error } = await product('create', {
			sku: 'CAP-RED',
			title: 'Red cap',
			additionalFields: {
				weight: 0.15,
				height: 0.12,
				hs_code: '650500',
				country: 'au',
				customs_description: 'Cotton cap',
				barcode: '9300000000001',
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ sku: 'CAP-RED', title: 'Red cap' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(writes().map((request) => request.body)).toEqual([
			{
				product: {
					sku: 'CAP-RED',
					title: 'Red cap',
					weight: 0.15,
					height: 0.12,
					hs_code: '650500',
					country: 'Australia',
					customs_description: 'Cotton cap',
					barcode: '9300000000001',
				},
			},
		]);
	});

	test('a dropped connection after the write: found by SKU, not created twice', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/products',
			kind: 'drop-after-write',
			times: 1,
		});
		const { error } = await product('create', { sku: 'DROP-1', title: 'Drop' });
		expect(error).toBeUndefined();
		expect(sandbox.store.products.filter((row) => row.sku === 'DROP-1')).toHaveLength(1);
	});

	test('an existing SKU: Starshipit’s refusal reaches the user, labelled as a create', async () => {
		const { items } = await product('create', { sku: 'MUG-BLUE', title: 'Again' }, [{}], true);
		expect(items[0].json.error).toMatch(/already exists/);
		expect(items[0].json.supportContext).toMatchObject({
			action: 'create',
			method: 'POST',
			endpoint: '/api/products',
		});
	});
});

describe('Get', () => {
	test('finds by exact SKU, not by a partial match; an unknown SKU says so', async () => {
		expect((await product('get', { sku: 'MUG-BLUE' })).items[0].json).toMatchObject({
			id: 1,
			title: 'Blue mug',
		});
		expect(sandbox.requests.at(-1)?.query).toMatchObject({ search_term: 'MUG-BLUE' });
		expect((await product('get', { sku: 'MUG' })).error?.message).toBe(
			'No product with SKU MUG in the Product Catalogue (item 1)',
		);
		expect((await product('get', { sku: 'mug-blue' })).error?.message).toMatch(
			/No product with SKU mug-blue/,
		);
	});
});

describe('Get Many', () => {
	test('Return All, Limit and a search term', async () => {
		expect((await product('getMany', { returnAll: true })).items).toHaveLength(3);
		const limited = await product('getMany', { returnAll: false, limit: 2 });
		expect(limited.items).toHaveLength(2);
		// Starshipit refuses pages under 10: a small limit still asks for a valid page.
		expect(sandbox.requests.at(-1)?.query).toMatchObject({ page_number: '1', page_size: '10' });
		expect(
			(await product('getMany', { returnAll: true, searchTerm: 'tee' })).items.map(
				(row) => row.json.sku,
			),
		).toEqual(['TEE-M-BLACK']);
	});

	test('Simplified by default (the fields a sync needs); Simplify off returns every stored field', async () => {
		const simple = await product('getMany', { returnAll: true, searchTerm: 'MUG-BLUE' });
		expect(simple.items[0].json).toEqual({
			id: 1,
			sku: 'MUG-BLUE',
			title: 'Blue mug',
			price: 19.5,
			weight: 0.4,
			barcode: undefined,
			hs_code: '691200',
			country: 'Australia',
		});
		const full = await product('getMany', {
			returnAll: true,
			searchTerm: 'MUG-BLUE',
			simplify: false,
		});
		expect(full.items[0].json).toMatchObject({
			sku: 'MUG-BLUE',
			customs_description: 'Ceramic mug',
			length: 0.1,
		});
	});

	test('Return All walks every page of a big catalogue at the largest page size', async () => {
		for (let index = 0; index < 2100; index++)
			sandbox.store.products.push({ id: 1000 + index, sku: `BULK-${index}` });
		const { items, error } = await product('getMany', { returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2103);
		expect(new Set(items.map((row) => row.json.sku)).size).toBe(2103);
		expect(sandbox.requests.map((request) => request.query.page_size)).toEqual(['2000', '2000']);
	});
});

describe('Update', () => {
	test('keeps the fields it was not given (read, merge, write)', async () => {
		const { items, error } = await product('update', {
			sku: 'MUG-BLUE',
			updateFields: { weight: 0.45, bin_location: 'A-01' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			sku: 'MUG-BLUE',
			weight: 0.45,
			bin_location: 'A-01',
			title: 'Blue mug',
		});
		expect(stored('MUG-BLUE')).toMatchObject({
			weight: 0.45,
			bin_location: 'A-01',
			title: 'Blue mug',
			hs_code: '691200',
			customs_description: 'Ceramic mug',
			price: 19.5,
		});
		expect(writes().map((request) => `${request.method} ${request.path}`)).toEqual([
			'PUT /api/products/update',
		]);
	});

	test('an unknown SKU: a clear error and no write', async () => {
		const { error } = await product('update', { sku: 'NOPE', updateFields: { weight: 1 } });
		expect(error?.message).toBe('No product with SKU NOPE in the Product Catalogue (item 1)');
		expect(writes()).toHaveLength(0);
	});
});

describe('Delete', () => {
	test('looks the id up by SKU and removes that product only', async () => {
		const { items } = await product('delete', { sku: 'POSTER-A2' });
		expect(items[0].json).toMatchObject({ deleted: true, id: 3, sku: 'POSTER-A2' });
		expect(stored('POSTER-A2')).toBeUndefined();
		expect(sandbox.store.products).toHaveLength(2);
		expect(writes()[0].body).toEqual({ product_ids: [3], all_products: false });
	});

	test('an unknown SKU deletes nothing', async () => {
		expect((await product('delete', { sku: 'POSTER' })).error?.message).toMatch(
			/No product with SKU POSTER/,
		);
		expect(sandbox.store.products).toHaveLength(3);
		expect(writes()).toHaveLength(0);
	});
});

describe('Sync', () => {
	const input = [
		{ sku: 'NEW-1', title: 'New thing', weight: 1 },
		{ sku: 'MUG-BLUE', title: 'Blue mug', weight: 0.5 },
		{ sku: 'TEE-M-BLACK', title: 'T-shirt black M', weight: 0.2 },
	];

	test('creates new SKUs, updates changed ones (keeping other fields), writes nothing for unchanged ones', async () => {
		const { items, error } = await product('sync', mapped, input);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual(['created', 'updated', 'unchanged']);
		expect(items.map((row) => row.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(stored('NEW-1')).toMatchObject({ title: 'New thing', weight: 1 });
		expect(stored('MUG-BLUE')).toMatchObject({ weight: 0.5, hs_code: '691200', price: 19.5 });
		expect(writes().map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /api/products',
			'PUT /api/products/update',
		]);
	});

	const listReads = () =>
		sandbox.requests.filter(
			(request) => request.method === 'GET' && request.path === '/api/products',
		);

	test('many items, a small catalogue: the catalogue is read once, not searched SKU by SKU', async () => {
		const many = Array.from({ length: 30 }, (_, n) => ({
			sku: `MANY-${n}`,
			title: `Thing ${n}`,
			weight: 1,
		}));
		const { items, error } = await product('sync', mapped, [...input, ...many]);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual([
			'created',
			'updated',
			'unchanged',
			...many.map(() => 'created'),
		]);
		expect(listReads().map((request) => request.query)).toEqual([
			{ search_term: '', page_number: '1', page_size: '2000' },
		]);
	});

	test('the same SKU twice in one run: created once, then compared with what was just written', async () => {
		const twice = [
			{ sku: 'TWICE-1', title: 'First', weight: 1 },
			{ sku: 'TWICE-1', title: 'Second', weight: 1 },
			{ sku: 'TWICE-1', title: 'Second', weight: 1 },
		];
		const { items } = await product('sync', mapped, twice);
		expect(items.map((row) => row.json.outcome)).toEqual(['created', 'updated', 'unchanged']);
		expect(sandbox.store.products.filter((row) => row.sku === 'TWICE-1')).toHaveLength(1);
		expect(stored('TWICE-1')).toMatchObject({ title: 'Second' });
	});

	test('few items, a catalogue of many pages: one page read, then each SKU searched', async () => {
		for (let index = 0; index < 6100; index++)
			sandbox.store.products.push({ id: 1000 + index, sku: `BULK-${index}` });
		const { items, error } = await product('sync', mapped, [
			{ sku: 'BULK-6000', title: 'Bulk', weight: 1 },
			{ sku: 'MUG-BLUE', title: 'Blue mug', weight: 0.5 },
		]);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual(['updated', 'updated']);
		expect(listReads().map((request) => request.query.search_term)).toEqual([
			'',
			'BULK-6000',
			'MUG-BLUE',
		]);
	});

	test('the catalogue cannot be read: with Continue On Fail each item still gets its own outcome', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/products',
			kind: 'status',
			status: 400,
			times: 1,
		});
		const { items, error } = await product('sync', mapped, input, true);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual(['created', 'updated', 'unchanged']);
	});

	test('run twice: the second run changes nothing and writes nothing', async () => {
		await product('sync', mapped, input);
		const before = sandbox.requests.length;
		const { items } = await product('sync', mapped, input);
		expect(items.map((row) => row.json.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
		expect(sandbox.requests.slice(before).every((request) => request.method === 'GET')).toBe(true);
	});

	test('Use Input Item JSON as Product: Starshipit names taken as they come, text numbers accepted, other keys ignored', async () => {
		const rows = [
			{
				sku: 'JSON-1',
				title: 'From a sheet',
				weight: '0.35',
				barcode: 9300000000002,
				stock_on_hand: 12,
			},
			{ id: 999, sku: 'MUG-BLUE', hs_code: '691200', outcome: 'unchanged' },
			{ sku: 'TEE-M-BLACK', country: 'nz' },
		];
		const { items, error } = await product('sync', { useInputJson: true }, rows);
		expect(error).toBeUndefined();
		expect(items.map((row) => row.json.outcome)).toEqual(['created', 'unchanged', 'updated']);
		expect(writes()[0].body).toEqual({
			product: { sku: 'JSON-1', title: 'From a sheet', weight: 0.35, barcode: '9300000000002' },
		});
		expect(stored('TEE-M-BLACK')).toMatchObject({
			id: 2,
			country: 'New Zealand',
			hs_code: '610910',
			title: 'T-shirt black M',
		});
	});

	test('fields mapped with empty defaults (as the product sync template does) leave stored values alone', async () => {
		const parameters = {
			sku: '={{ $json.sku }}',
			fields: {
				title: '={{ $json.title }}',
				weight: '={{ $json.weight }}',
				length: '={{ $json.length ?? 0 }}',
				hs_code: "={{ $json.hs_code ?? '' }}",
				country: "={{ $json.country ?? '' }}",
			},
		};
		const rows = [
			{ sku: 'MUG-BLUE', title: 'Blue mug', weight: 0.45, country: 'AU' },
			{ sku: 'TEE-M-BLACK', title: 'T-shirt black M', weight: 0.2 },
			{ sku: 'CAP-RED', title: 'Red cap', weight: 0.15, hs_code: '650500' },
		];
		const { items } = await product('sync', parameters, rows);
		expect(items.map((row) => row.json.outcome)).toEqual(['updated', 'unchanged', 'created']);
		expect(stored('MUG-BLUE')).toMatchObject({ weight: 0.45, length: 0.1, hs_code: '691200' });
	});

	test('a failed write says which product, is labelled sync, and the rest carry on', async () => {
		sandbox.faults.add({
			method: 'PUT',
			path: '/api/products/update',
			kind: 'status',
			status: 400,
			times: 1,
			body: { success: false, errors: [{ message: 'Product is locked' }] },
		});
		const { items } = await product('sync', mapped, input, true);
		expect(items.map((row) => row.json.outcome)).toEqual(['created', 'failed', 'unchanged']);
		expect(items[1].json).toMatchObject({
			sku: 'MUG-BLUE',
			error: 'Starshipit: Product is locked',
		});
		expect(items[1].json.supportContext).toMatchObject({
			action: 'sync',
			method: 'PUT',
			status: 400,
		});
		expect(items.map((row) => row.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('malformed products: a clear item error naming the field, nothing sent', () => {
	const cases: Array<[string, string, IDataObject, IDataObject, RegExp]> = [
		['empty SKU', 'create', { sku: '={{ "" }}' }, {}, /SKU: is required/],
		['SKU too long', 'create', { sku: 'S'.repeat(101) }, {}, /SKU: must be at most 100/],
		[
			'negative weight',
			'create',
			{ sku: 'X', additionalFields: { weight: -1 } },
			{},
			/Weight: cannot be negative/,
		],
		[
			'weight in grams',
			'create',
			{ sku: 'X', additionalFields: { weight: 1500 } },
			{},
			/Weight: must be in kg/,
		],
		[
			'height in cm',
			'create',
			{ sku: 'X', additionalFields: { height: 25 } },
			{},
			/Height: must be in metres/,
		],
		[
			'negative price',
			'create',
			{ sku: 'X', additionalFields: { price: -5 } },
			{},
			/Price: cannot be negative/,
		],
		[
			'country that does not exist',
			'create',
			{ sku: 'X', additionalFields: { country: 'Atlantis' } },
			{},
			/Country: is not a country/,
		],
		[
			'HS code with letters',
			'create',
			{ sku: 'X', additionalFields: { hs_code: 'ABCD' } },
			{},
			/HS Code: must be a tariff/,
		],
		[
			'title too long',
			'create',
			{ sku: 'X', title: 'T'.repeat(251) },
			{},
			/Title: must be at most 250/,
		],
		[
			'update: bad country',
			'update',
			{ sku: 'MUG-BLUE', updateFields: { country: 'Aus' } },
			{},
			/Country: is not a country/,
		],
		[
			'update: no field given',
			'update',
			{ sku: 'MUG-BLUE', updateFields: {} },
			{},
			/No field to update in item 1/,
		],
		[
			'update: empty SKU',
			'update',
			{ sku: '={{ "" }}', updateFields: { weight: 1 } },
			{},
			/SKU: is required/,
		],
		['get: blank SKU', 'get', { sku: '={{ " " }}' }, {}, /SKU of item 1 is required/],
		[
			'sync JSON: weight as a word',
			'sync',
			{ useInputJson: true },
			{ sku: 'X', weight: 'heavy' },
			/Weight: must be a number/,
		],
		['sync JSON: no SKU', 'sync', { useInputJson: true }, { title: 'No SKU' }, /SKU: is required/],
		[
			'sync JSON: title as a list',
			'sync',
			{ useInputJson: true },
			{ sku: 'X', title: ['a'] },
			/Title: must be text/,
		],
	];
	test.each(cases)('%s', async (_name, operation, parameters, json, expected) => {
		const before = sandbox.requests.length;
		const { error } = await product(operation, parameters, [json]);
		expect(`${error?.message}\n${error?.description}`).toMatch(expected);
		expect(sandbox.requests.length).toBe(before);
	});

	test('every problem of an item is listed at once', async () => {
		const { error } = await product('create', {
			sku: 'X',
			additionalFields: { weight: -1, country: 'Nu Zeeland', hs_code: 'x' },
		});
		expect(error?.message).toMatch(
			/^The product of item 1 has 3 problems: (Weight|Country|HS Code): .+ \(and 2 more\)$/,
		);
		for (const field of ['Weight', 'Country', 'HS Code'])
			expect(error?.description).toMatch(new RegExp(`^• ${field}: `, 'm'));
	});
});

test('Continue On Fail: a bad item becomes an error item in its place; the others are created', async () => {
	const rows = [
		{ sku: 'OK-1', weight: 1 },
		{ sku: 'BAD-1', weight: -1 },
		{ sku: 'OK-2', weight: 2 },
	];
	const { items, error } = await product(
		'create',
		{ sku: '={{ $json.sku }}', additionalFields: { weight: '={{ $json.weight }}' } },
		rows,
		true,
	);
	expect(error).toBeUndefined();
	expect(items.map((row) => row.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(items[1].json.error).toBe(
		'The product of item 2 has a problem: Weight: cannot be negative',
	);
	expect(items[1].json.description).toMatch(/Weight: cannot be negative/);
	expect(sandbox.store.products.map((row) => row.sku)).toEqual([
		'MUG-BLUE',
		'TEE-M-BLACK',
		'POSTER-A2',
		'OK-1',
		'OK-2',
	]);
});

test('Sync with Continue On Fail: an invalid item is "failed" with its SKU and sends nothing for it', async () => {
	const { items } = await product(
		'sync',
		mapped,
		[
			{ sku: 'OK-1', weight: 1 },
			{ sku: 'BAD-1', weight: -1 },
		],
		true,
	);
	expect(items.map((row) => row.json.outcome)).toEqual(['created', 'failed']);
	expect(items[1].json).toMatchObject({ sku: 'BAD-1', error: expect.stringMatching(/item 2/) });
	expect(items[1].pairedItem).toEqual({ item: 1 });
	expect(sandbox.requests.some((request) => request.query.search_term === 'BAD-1')).toBe(false);
});

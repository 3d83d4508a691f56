import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterEach(() => sandbox.reset());
afterAll(async () => await sandbox.close());

const product = (operation: string, parameters: IDataObject, input: IDataObject[] = [{}], continueOnFail = false) =>
	runNode({ parameters: { resource: 'product', operation, ...parameters }, input, credentials: sandboxCredentials(sandbox), continueOnFail });
const stored = (sku: string) => sandbox.store.products.find((row) => row.sku === sku);

test('Create adds a product with its customs and size fields', async () => {
	const { items, error } = await product('create', { sku: 'CAP-RED', additionalFields: { title: 'Red cap', weight: 0.15, hs_code: '650500', country: 'AU', customs_description: 'Cotton cap' } });
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ sku: 'CAP-RED', title: 'Red cap' });
	expect(stored('CAP-RED')).toMatchObject({ weight: 0.15, hs_code: '650500' });
});

test('Get finds by exact SKU; an unknown SKU says so', async () => {
	expect((await product('get', { sku: 'MUG-BLUE' })).items[0].json.title).toBe('Blue mug');
	expect((await product('get', { sku: 'MUG' })).error?.message).toBe('No product with SKU MUG in the Product Catalogue (item 1)');
});

test('Get Many: Return All, Limit and a search term', async () => {
	expect((await product('getMany', { returnAll: true })).items).toHaveLength(3);
	expect((await product('getMany', { returnAll: false, limit: 2 })).items).toHaveLength(2);
	expect((await product('getMany', { returnAll: true, searchTerm: 'tee' })).items.map((row) => row.json.sku)).toEqual(['TEE-M-BLACK']);
});

test('Update keeps the fields it was not given (read, merge, write)', async () => {
	const { error } = await product('update', { sku: 'MUG-BLUE', updateFields: { weight: 0.45 } });
	expect(error).toBeUndefined();
	expect(stored('MUG-BLUE')).toMatchObject({ weight: 0.45, title: 'Blue mug', hs_code: '691200', customs_description: 'Ceramic mug' });
});

test('Delete removes the product', async () => {
	expect((await product('delete', { sku: 'POSTER-A2' })).items[0].json).toMatchObject({ deleted: true });
	expect(stored('POSTER-A2')).toBeUndefined();
});

test('Sync creates new SKUs, updates changed ones, and writes nothing for unchanged ones', async () => {
	const input = [
		{ sku: 'NEW-1', title: 'New thing', weight: 1 },
		{ sku: 'MUG-BLUE', title: 'Blue mug', weight: 0.5 },
		{ sku: 'TEE-M-BLACK', title: 'T-shirt black M', weight: 0.2 },
	];
	const writesBefore = (sandbox.stats.byRoute['POST /api/products'] ?? 0) + (sandbox.stats.byRoute['PUT /api/products/update'] ?? 0);
	const { items, error } = await product('sync', { sku: '={{ $json.sku }}', fields: { title: '={{ $json.title }}', weight: '={{ $json.weight }}' } }, input);
	expect(error).toBeUndefined();
	expect(items.map((row) => row.json.outcome)).toEqual(['created', 'updated', 'unchanged']);
	expect(items.map((row) => row.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(stored('MUG-BLUE')).toMatchObject({ weight: 0.5, hs_code: '691200' });
	expect((sandbox.stats.byRoute['POST /api/products'] ?? 0) + (sandbox.stats.byRoute['PUT /api/products/update'] ?? 0) - writesBefore).toBe(2);
});

test('a dropped connection after a create: found by SKU, not created twice', async () => {
	sandbox.faults.add({ method: 'POST', path: '/api/products', kind: 'drop-after-write', times: 1 });
	const { error } = await product('create', { sku: 'DROP-1', additionalFields: { title: 'Drop' } });
	expect(error).toBeUndefined();
	expect(sandbox.store.products.filter((row) => row.sku === 'DROP-1')).toHaveLength(1);
});

describe('malformed products: a clear item error, nothing sent', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['empty SKU', { sku: '={{ "" }}' }, /Sku: is required/],
		['SKU too long', { sku: 'S'.repeat(101) }, /Sku: must be at most 100/],
		['negative weight', { sku: 'X', additionalFields: { weight: -1 } }, /Weight: cannot be negative/],
		['weight in grams', { sku: 'X', additionalFields: { weight: 1500 } }, /Weight: must be in kg/],
		['height in cm', { sku: 'X', additionalFields: { height: 25 } }, /Height: must be in metres/],
		['negative price', { sku: 'X', additionalFields: { price: -5 } }, /Price: cannot be negative/],
		['country as a name', { sku: 'X', additionalFields: { country: 'Australia' } }, /Country: must be a 2-letter/],
		['HS code with letters', { sku: 'X', additionalFields: { hs_code: 'ABCD' } }, /Hs Code: must be a tariff/],
	];
	test.each(cases)('%s', async (_name, parameters, expected) => {
		const before = sandbox.stats.requests;
		const { error } = await product('create', parameters);
		expect(`${error?.message}\n${error?.description}`).toMatch(expected);
		expect(sandbox.stats.requests).toBe(before);
	});
});

test('Continue On Fail: a bad product becomes an error item and the rest sync', async () => {
	const { items } = await product('sync', { sku: '={{ $json.sku }}', fields: { weight: '={{ $json.weight }}' } }, [{ sku: 'OK-1', weight: 1 }, { sku: 'BAD-1', weight: -1 }], true);
	expect(items[0].json.outcome).toBe('created');
	expect(items[1].json.error).toMatch(/item 2/);
	expect(items[1].pairedItem).toEqual({ item: 1 });
});

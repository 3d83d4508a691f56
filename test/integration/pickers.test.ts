import type { IDataObject } from 'n8n-workflow';

import { runListSearch } from '../harness/list-search';
import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';

// "From List" pickers: the search the editor runs (through n8n-core's LoadOptionsContext) and the
// operations taking the picked value.
const { sandbox } = useSandbox();

const product = (operation: string, parameters: IDataObject) =>
	runNode({
		parameters: { resource: 'product', operation, ...parameters },
		input: [{}],
		credentials: sandboxCredentials(sandbox),
	});
const picked = (value: string) => ({ sku: { __rl: true, mode: 'list', value } });

describe('Product picker', () => {
	test('lists products by SKU and title; typing narrows it through the documented search', async () => {
		const all = await runListSearch('searchProducts', sandboxCredentials(sandbox));
		expect(all.results).toEqual(
			expect.arrayContaining([{ name: 'MUG-BLUE · Blue mug', value: 'MUG-BLUE' }]),
		);
		expect(all.results).toHaveLength(3);
		const narrowed = await runListSearch('searchProducts', sandboxCredentials(sandbox), {
			filter: 'tee',
		});
		expect(narrowed.results.map((result) => result.value)).toEqual(['TEE-M-BLACK']);
		expect(sandbox.requests.at(-1)?.query).toEqual({
			search_term: 'tee',
			page_number: '1',
			page_size: '100',
		});
	});

	test('a big catalogue comes a page at a time, the next page asked for by the editor', async () => {
		for (let index = 0; index < 150; index++)
			sandbox.store.products.push({ id: 1000 + index, sku: `BULK-${index}` });
		const first = await runListSearch('searchProducts', sandboxCredentials(sandbox));
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await runListSearch('searchProducts', sandboxCredentials(sandbox), {
			paginationToken: first.paginationToken as string,
		});
		expect(second.results).toHaveLength(53);
		expect(second.paginationToken).toBeUndefined();
	});

	test('Get, Update and Delete take a product picked from the list (and still a typed SKU)', async () => {
		expect((await product('get', picked('MUG-BLUE'))).items[0].json).toMatchObject({
			id: 1,
			title: 'Blue mug',
		});
		expect(
			(await product('get', { sku: { __rl: true, mode: 'sku', value: 'MUG-BLUE' } })).items[0].json,
		).toMatchObject({ id: 1 });
		const updated = await product('update', {
			...picked('TEE-M-BLACK'),
			updateFields: { title: 'Black tee' },
		});
		expect(updated.error).toBeUndefined();
		expect(sandbox.store.products.find((row) => row.sku === 'TEE-M-BLACK')?.title).toBe(
			'Black tee',
		);
		expect((await product('delete', picked('POSTER-A2'))).error).toBeUndefined();
		expect(sandbox.store.products.find((row) => row.sku === 'POSTER-A2')).toBeUndefined();
	});
});

describe('Order picker', () => {
	test('recent unshipped orders, or those whose number or reference contains what was typed', async () => {
		const recent = await runListSearch('searchOrders', sandboxCredentials(sandbox));
		expect(recent.results.length).toBeGreaterThan(0);
		const found = await runListSearch('searchOrders', sandboxCredentials(sandbox), {
			filter: 'SO-0999',
		});
		expect(found.results.map((result) => result.name)).toEqual([
			expect.stringMatching(/^SO-0999 · /),
		]);
	});
});

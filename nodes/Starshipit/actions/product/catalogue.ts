import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { LIMITS, starshipitListPage, type ListPage } from '../../transport';

/**
 * The Product Catalogue by SKU, read whole for Sync when that takes fewer requests than one search
 * per input item (a page holds 2,000 products): 500 products into a catalogue of 3,000 cost two
 * reads instead of 500. Each product is still compared and written on its own.
 */
export type Catalogue = Map<string, IDataObject>;

async function readPage(this: IExecuteFunctions, page: number): Promise<ListPage> {
	// search_term is required by the list; empty means every product.
	const list = {
		endpoint: 'productsList',
		query: { search_term: '' },
		style: 'page-number-size',
		itemsKey: 'products',
		itemIndex: 0,
	} as const;
	return await starshipitListPage.call(this, list, page, LIMITS.productsMaxPageSize);
}

/** The whole catalogue, or undefined when searching SKU by SKU is cheaper (one or few items, a huge catalogue). */
export async function readCatalogueIfCheaper(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<Catalogue | undefined> {
	if (itemCount < 2) return undefined;
	const first = await readPage.call(this, 1);
	const totalPages = Math.max(first.totalPages, 1);
	if (totalPages - 1 > itemCount) return undefined;
	const products = [...first.rows];
	for (let page = 2; page <= totalPages; page++)
		products.push(...(await readPage.call(this, page)).rows);
	return new Map(products.map((product) => [String(product.sku), product]));
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { LIMITS, starshipitRequest } from '../../transport';

/**
 * The Product Catalogue by SKU, read whole for Sync when that takes fewer requests than one search
 * per input item (a page holds 2,000 products): 500 products into a catalogue of 3,000 cost two
 * reads instead of 500. Each product is still compared and written on its own.
 */
export type Catalogue = Map<string, IDataObject>;

async function readPage(this: IExecuteFunctions, page: number): Promise<{ products: IDataObject[]; totalPages: number }> {
	const body = await starshipitRequest.call(this, {
		endpoint: 'productsList',
		// search_term is required by the list; empty means every product.
		query: { search_term: '', page_number: page, page_size: LIMITS.productsMaxPageSize },
		itemIndex: 0,
	});
	const products = ((body.data as IDataObject | undefined)?.products ?? []) as IDataObject[];
	return { products, totalPages: Number(body.total_pages ?? 1) };
}

/** The whole catalogue, or undefined when searching SKU by SKU is cheaper (one or few items, a huge catalogue). */
export async function readCatalogueIfCheaper(this: IExecuteFunctions, itemCount: number): Promise<Catalogue | undefined> {
	if (itemCount < 2) return undefined;
	const first = await readPage.call(this, 1);
	if (first.totalPages - 1 > itemCount) return undefined;
	const products = [...first.products];
	for (let page = 2; page <= first.totalPages; page++) products.push(...(await readPage.call(this, page)).products);
	return new Map(products.map((product) => [String(product.sku), product]));
}

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { starshipitRequest } from '../transport';

/** One page of the picker: small enough to answer fast, within the list's documented 10 to 2000. */
const PAGE_SIZE = 100;

/** The Product picker: the catalogue a page at a time, or the products whose SKU or title contains the filter. */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	// search_term is required by the list; empty means every product.
	const body = await starshipitRequest.call(this, {
		endpoint: 'productsList',
		query: { search_term: filter ?? '', page_number: page, page_size: PAGE_SIZE },
	});
	const products =
		((body.data as IDataObject | undefined)?.products as IDataObject[] | undefined) ?? [];
	return {
		results: products.map((product) => ({
			name: product.title
				? `${String(product.sku)} · ${String(product.title)}`
				: String(product.sku),
			value: String(product.sku),
		})),
		paginationToken: page < Number(body.total_pages ?? 1) ? String(page + 1) : undefined,
	};
}

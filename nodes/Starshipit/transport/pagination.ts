import type { IDataObject } from 'n8n-workflow';

import { starshipitRequest, type StarshipitContext, type StarshipitRequest } from './request';

/**
 * Starshipit has two list styles: the older lists page with `page` + `limit` and answer
 * `{ <key>: [...], total_pages }`; the newer ones page with `page_number` + `page_size` and answer
 * `{ data: { <key>: [...] }, total_pages }`.
 */
export type PagingStyle = 'page-limit' | 'page-number-size';

export interface AllPagesRequest extends StarshipitRequest {
	style: PagingStyle;
	/** Name of the list in the answer, e.g. `orders`, `products`, `manifests`. */
	itemsKey: string;
	pageSize: number;
	/** Stop once this many have been collected (Return All: undefined). */
	limit?: number;
	/** Some lists refuse small pages (products: at least 10). */
	minPageSize?: number;
}

function rowsOf(body: IDataObject, style: PagingStyle, itemsKey: string): IDataObject[] {
	const container = style === 'page-number-size' ? ((body.data as IDataObject) ?? body) : body;
	const rows = container[itemsKey];
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}

/** Fetches page after page until the list ends or the limit is reached. */
export async function starshipitRequestAllItems(
	this: StarshipitContext,
	request: AllPagesRequest,
): Promise<IDataObject[]> {
	const { style, itemsKey, pageSize, limit, minPageSize = 1, ...base } = request;
	const [pageParam, sizeParam] = style === 'page-limit' ? ['page', 'limit'] : ['page_number', 'page_size'];
	const collected: IDataObject[] = [];
	// One page size for the whole walk: changing it between pages would shift the page offsets.
	const size = limit === undefined ? pageSize : Math.min(pageSize, Math.max(limit, minPageSize));
	for (let page = 1; ; page++) {
		const body = await starshipitRequest.call(this, {
			...base,
			query: { ...base.query, [pageParam]: page, [sizeParam]: size },
		});
		const rows = rowsOf(body, style, itemsKey);
		collected.push(...rows);
		const totalPages = Number(body.total_pages ?? 0);
		const reachedLimit = limit !== undefined && collected.length >= limit;
		const lastPage = rows.length < size || (totalPages > 0 && page >= totalPages);
		if (reachedLimit || lastPage) break;
	}
	return limit === undefined ? collected : collected.slice(0, limit);
}

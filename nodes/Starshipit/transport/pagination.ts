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

export interface ListPage {
	rows: IDataObject[];
	/** Starshipit's page count (0 when it gives none). */
	totalPages: number;
	/** A short page, or the last of `total_pages`: nothing follows. */
	isLast: boolean;
}

/** One page of a list, in either paging style: the one place that knows how Starshipit pages. */
export async function starshipitListPage(
	this: StarshipitContext,
	request: StarshipitRequest & { style: PagingStyle; itemsKey: string },
	page: number,
	size: number,
): Promise<ListPage> {
	const { style, itemsKey, ...base } = request;
	const [pageParam, sizeParam] = style === 'page-limit' ? ['page', 'limit'] : ['page_number', 'page_size'];
	const body = await starshipitRequest.call(this, { ...base, query: { ...base.query, [pageParam]: page, [sizeParam]: size } });
	const rows = rowsOf(body, style, itemsKey);
	const totalPages = Number(body.total_pages ?? 0);
	return { rows, totalPages, isLast: rows.length < size || (totalPages > 0 && page >= totalPages) };
}

/** Fetches page after page until the list ends or the limit is reached. */
export async function starshipitRequestAllItems(
	this: StarshipitContext,
	request: AllPagesRequest,
): Promise<IDataObject[]> {
	const { pageSize, limit, minPageSize = 1, ...list } = request;
	const collected: IDataObject[] = [];
	// One page size for the whole walk: changing it between pages would shift the page offsets.
	const size = limit === undefined ? pageSize : Math.min(pageSize, Math.max(limit, minPageSize));
	for (let page = 1; ; page++) {
		const { rows, isLast } = await starshipitListPage.call(this, list, page, size);
		collected.push(...rows);
		if ((limit !== undefined && collected.length >= limit) || isLast) break;
	}
	return limit === undefined ? collected : collected.slice(0, limit);
}

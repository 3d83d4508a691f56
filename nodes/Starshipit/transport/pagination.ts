import type { IDataObject } from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { ENDPOINTS } from './api-reference';
import { starshipitRequest, type StarshipitContext, type StarshipitRequest } from './request';

/**
 * Starshipit's list styles: the older lists page with `page` + `limit` and answer
 * `{ <key>: [...], total_pages }`; the newer ones page with `page_number` + `page_size` and answer
 * `{ data: { <key>: [...] }, total_pages }`; the order summary pages with `page` + `page_size` and
 * answers `{ orders, order_counts }` (no page count: a short page is the last).
 */
export type PagingStyle = 'page-limit' | 'page-number-size' | 'page-size';

const PAGE_PARAMETERS: Record<PagingStyle, [string, string]> = {
	'page-limit': ['page', 'limit'],
	'page-number-size': ['page_number', 'page_size'],
	'page-size': ['page', 'page_size'],
};

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

/**
 * The rows, wherever the reference shows a list keeps them (`<key>` or `data.<key>`, in either
 * style). An answer with neither is an error, never an empty list: a changed or misrouted answer
 * must not look like "no orders". (A key present as null is an empty list.)
 */
function rowsOf(
	this: StarshipitContext,
	body: IDataObject,
	itemsKey: string,
	endpoint: string,
): IDataObject[] {
	const data =
		body.data && typeof body.data === 'object' && !Array.isArray(body.data)
			? (body.data as IDataObject)
			: undefined;
	for (const container of [body, data]) {
		if (!container || !(itemsKey in container)) continue;
		const rows = container[itemsKey];
		if (Array.isArray(rows)) return rows as IDataObject[];
		if (rows === null) return [];
	}
	const keys = Object.keys(body ?? {}).join(', ') || 'nothing';
	throw new NodeOperationError(
		this.getNode(),
		`Starshipit’s answer did not contain the list of ${itemsKey}, so nothing was read`,
		{
			description: `Asked: ${endpoint}. The answer had: ${keys}. Check the Base URL in the Starshipit credential (it must point at Starshipit’s API, e.g. https://api.starshipit.com); if it does, Starshipit may have changed this list.`,
		},
	);
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
	const [pageParam, sizeParam] = PAGE_PARAMETERS[style];
	const body = await starshipitRequest.call(this, {
		...base,
		query: { ...base.query, [pageParam]: page, [sizeParam]: size },
	});
	const rows = rowsOf.call(
		this,
		body,
		itemsKey,
		`${ENDPOINTS[base.endpoint].method} ${ENDPOINTS[base.endpoint].path}`,
	);
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

import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { LIMITS, starshipitListPage, type EndpointName } from '../Starshipit/transport';
import type { Walk, WalkProgress } from './cursor';

const PAGE_SIZE = LIMITS.legacyListMaxLimit;

const orderIdOf = (order: IDataObject) => String(order.order_id);

/** True when the page read again still holds an order of the page read last: nothing moved past it. */
const overlapsLastPage = (pageIds: string[], walk: Walk) =>
	pageIds.some((id) => walk.lastPageIds.includes(id));

async function readPage(this: IPollFunctions, endpoint: EndpointName, since: string, page: number) {
	// Last updated, not order date: an order imported today may carry last week's order date.
	return await starshipitListPage.call(
		this,
		{ endpoint, query: { since_last_updated: since }, style: 'page-limit', itemsKey: 'orders' },
		page,
		PAGE_SIZE,
	);
}

/**
 * Reads the walk on from where the last poll stopped, at most `maxPages` pages. A resumed walk reads
 * its last page again: orders that left the list since (labelled, archived) move the later ones up,
 * and that page catches them. If none of that page's orders are still on it, more moved up than a page
 * holds: the walk starts over (same `since`), as re-reading costs requests but skipping loses events.
 */
export async function readWalk(
	this: IPollFunctions,
	endpoint: EndpointName,
	walk: Walk,
	maxPages: number,
): Promise<WalkProgress> {
	const resuming = walk.nextPage > 1;
	const rows: IDataObject[] = [];
	let page = resuming ? walk.nextPage - 1 : 1;
	let pageIds: string[] = [];
	for (let pagesRead = 0; pagesRead < maxPages; pagesRead++, page++) {
		const { rows: pageRows, isLast } = await readPage.call(this, endpoint, walk.since, page);
		rows.push(...pageRows);
		pageIds = pageRows.map(orderIdOf);
		if (pagesRead === 0 && resuming && !overlapsLastPage(pageIds, walk)) {
			return { rows, complete: false, nextPage: 1, lastPageIds: [] };
		}
		if (isLast) return { rows, complete: true, nextPage: page + 1, lastPageIds: [] };
	}
	return { rows, complete: false, nextPage: page, lastPageIds: pageIds };
}

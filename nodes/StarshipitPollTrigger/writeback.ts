import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { LIMITS, starshipitListPage } from '../Starshipit/transport';
import { UNCONFIRMED } from '../Starshipit/transport/api-reference';
import { MAX_PAGES_PER_POLL } from './cursor';

const WRITEBACK = UNCONFIRMED.writeback;
const PAGE_SIZE = LIMITS.pagedListMaxPageSize;

/**
 * What the event remembers: the orders whose write-back was failing at the last poll. An order leaves
 * it when its write-back is fixed, so failing again starts a new run; kept no longer than that, it is
 * as small as the list of failures.
 */
export interface WritebackState extends IDataObject {
	failing?: string[];
}

const isFailed = (order: IDataObject) =>
	WRITEBACK.failedValues.some(
		(value) => value.toLowerCase() === String(order[WRITEBACK.statusField] ?? '').toLowerCase(),
	);

/** The orders whose write-back failed, from Starshipit's order list filtered on its Writeback column. */
async function readFailures(
	this: IPollFunctions,
	maxPages: number,
): Promise<{ orders: IDataObject[]; complete: boolean }> {
	const query = {
		status: WRITEBACK.listStatus,
		filter: `${WRITEBACK.filterColumn}:::${WRITEBACK.filterValue}`,
	};
	const orders: IDataObject[] = [];
	for (let page = 1; page <= maxPages; page++) {
		const { rows, isLast } = await starshipitListPage.call(
			this,
			{ endpoint: 'ordersGet', query, style: 'page-number-size', itemsKey: 'orders' },
			page,
			PAGE_SIZE,
		);
		orders.push(...rows.filter(isFailed));
		if (isLast) return { orders, complete: true };
	}
	return { orders, complete: false };
}

/** One alert: which order, which shop, why, and where to look. */
function alertFor(order: IDataObject): IDataObject {
	const shopField = WRITEBACK.shopFields.find(
		(field) => order[field] !== undefined && order[field] !== '',
	);
	return {
		order_id: order.order_id,
		order_number: order.order_number,
		shop: shopField ? order[shopField] : undefined,
		reason: order[WRITEBACK.detailsField],
		writeback_status: order[WRITEBACK.statusField],
		carrier: order.carrier_name ?? order.carrier,
		tracking_number: order.tracking_number,
		...(WRITEBACK.orderPageUrl
			? { link: WRITEBACK.orderPageUrl.replace('{order_id}', String(order.order_id)) }
			: {}),
	};
}

/**
 * A run per order whose write-back newly failed. The first poll only notes the failures already there
 * (as the other events, nothing from before publishing starts a run). "Fetch Test Event" shows a few.
 */
export async function pollWritebackFailures(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') {
		const { orders } = await readFailures.call(this, 1);
		return orders.length ? [orders.slice(0, 5).map((order) => ({ json: alertFor(order) }))] : null;
	}
	const state = this.getWorkflowStaticData('node') as WritebackState;
	const first = state.failing === undefined;
	const before = new Set(state.failing ?? []);
	const { orders, complete } = await readFailures.call(this, MAX_PAGES_PER_POLL);
	const now = orders.map((order) => String(order.order_id));
	// A list cut short by the page cap says nothing of the orders not read: they are kept.
	state.failing = complete ? now : [...new Set([...before, ...now])];
	const fresh = orders.filter((order) => !before.has(String(order.order_id)));
	if (first || !fresh.length) return null;
	return [fresh.map((order) => ({ json: alertFor(order) }))];
}

import type { SandboxOrder } from '../types';
import { fail, ok, pageOf, toInt, type Route } from './envelope';
import { filterOrders, sortOrders } from './order-filter';

/**
 * GET /api/orders/summary: the documented way to list orders by status, archived ones included
 * (`order_status` = new, printed, shipped or archived; `page`, `page_size` up to 500, `filter`,
 * `sort`, `sort_direction`). It answers `{ orders, order_counts }`, without a page count: the
 * reference does not show one. Which fields a summary row holds is not documented: here the
 * search row's, with the status and the archived flag.
 */
const BY_STATUS: Record<string, (order: SandboxOrder) => boolean> = {
	new: (order) => !order.archived && order.status === 'Unshipped',
	printed: (order) => !order.archived && order.status === 'Printed',
	shipped: (order) => !order.archived && order.status === 'Shipped',
	archived: (order) => order.archived,
};

const summaryRow = (order: SandboxOrder) => ({
	order_id: order.order_id,
	order_number: order.order_number,
	order_date: order.order_date,
	reference: order.reference,
	status: order.status,
	archived: order.archived,
	name: order.destination.name,
	country: order.destination.country,
	carrier_name: order.carrier_name,
	tracking_number: order.tracking_number,
});

const summary: Route = ({ query, store }) => {
	const inStatus = BY_STATUS[String(query.order_status ?? '').toLowerCase()];
	if (!inStatus) return fail(400, 'order_status must be new, printed, shipped or archived');
	const size = toInt(query.page_size, 500);
	if (size < 1 || size > 500) return fail(400, 'page_size must be between 1 and 500');
	const rows = sortOrders(
		filterOrders(store.orders.filter(inStatus), query.filter),
		query.sort,
		query.sort_direction,
	);
	const count = (test: (order: SandboxOrder) => boolean) => store.orders.filter(test).length;
	// The documented keys (details §3.5), counted over the whole account, not the filter.
	const counts = {
		unprinted_count: count(BY_STATUS.new),
		printed_count: count(BY_STATUS.printed),
		shipped_count: count(BY_STATUS.shipped),
		archived_count: count(BY_STATUS.archived),
		archived_unshipped_count: count((order) => order.archived && order.status === 'Unshipped'),
		archived_shipped_count: count((order) => order.archived && order.status !== 'Unshipped'),
		unprinted_invalidaddress_count: count(
			(order) => BY_STATUS.new(order) && order.address_validation === 'Invalid',
		),
		return_count: count((order) => !order.archived && order.return_order === true),
	};
	return ok({
		orders: pageOf(rows, toInt(query.page, 1), size).rows.map(summaryRow),
		order_counts: counts,
	});
};

export const summaryRoutes: Record<string, Route> = { 'GET /api/orders/summary': summary };

/**
 * TEMPORARY allowances: what today's node sends that the API notes do not document, each with the
 * issue item that fixes it. The harness lets these pass so that the branch stays green while the
 * fixes land; delete each entry with its fix (a fixed entry that no test produces any more is
 * harmless, but it hides a regression: delete it).
 */
import type { Deviation } from '../types';

export interface KnownDeviation {
	method: string;
	path: string;
	/** Matches the deviation's `what`. */
	what: RegExp;
	/** The issue item whose fix removes it. */
	fixedBy: string;
}

const endpoint = (route: string) => ({ method: route.split(' ')[0], path: route.split(' ')[1] });

export const KNOWN_DEVIATIONS: KnownDeviation[] = [
	// Order > Get Many with Status "All" sends status=All to the paged list.
	{ method: 'GET', path: '/api/orders', what: /^query status=All: /, fixedBy: 'issue 12.1 (Get Many All or Archived: documented values only)' },
	// Order > Get Many with Status "Archived", and the order lookups (Get, Restore, Get Rates for Order) that try archived orders.
	{ method: 'GET', path: '/api/orders', what: /^query status=Archived: /, fixedBy: 'issue 12.1 and 12.2 (archived orders through GET /api/orders/summary?order_status=archived)' },
	// Authority to Leave goes out as an order field; the reference carries it as the metadata row { metafield_key: "ATL", value: "True" }.
	// Create, Import, Update, Create or Update and Label > Create's Update Order First all send it (the last three seen in a probe, not yet in a test).
	...['POST /api/orders', 'POST /api/orders/import', 'PUT /api/orders', 'PUT /api/orders/update'].map((route) => ({
		...endpoint(route), what: /^orders?(\[\])?\.authority_to_leave: /, fixedBy: 'issue 12.3 (Authority to Leave as the ATL metadata row)',
	})),
	// Countries: the destination is sent as typed (AU), item and product countries of origin are forced to codes; orders and products document names.
	...['POST /api/orders', 'POST /api/orders/import', 'PUT /api/orders', 'PUT /api/orders/update'].map((route) => ({
		...endpoint(route), what: /^orders?(\[\])?\.(destination\.country|items\[\]\.country_of_origin)=.*: a country code where/, fixedBy: 'issue 12.5 (countries: send what each endpoint documents)',
	})),
	{ method: 'POST', path: '/api/products', what: /^product\.country=.*: a country code where/, fixedBy: 'issue 12.5 (countries: send what each endpoint documents)' },
	{ method: 'PUT', path: '/api/products/update', what: /^product\.country=.*: a country code where/, fixedBy: 'issue 12.5 (countries: send what each endpoint documents)' },
];

export const isKnownDeviation = (deviation: Deviation) =>
	KNOWN_DEVIATIONS.some((known) => known.method === deviation.method && known.path === deviation.path && known.what.test(deviation.what));

/**
 * Every place where the API notes (the shared starshipit-api.md and its two details files) are unsure
 * and the strict sandbox had to choose. Each guess says what the notes say, what the sandbox does,
 * and where it is used. When a live account settles one, correct it here (and in
 * nodes/Starshipit/transport/api-reference.ts when the node relies on it).
 */
import { text, type Spec } from './spec';

export interface Guess {
	/** What the notes say (or do not). */
	notes: string;
	/** What the sandbox does about it. */
	sandbox: string;
}

export const GUESSES = {
	orderCarrierFields: {
		notes:
			'The summary marks `carrier` and `carrier_service_code` on an order create as [unconfirmed] (the label endpoint takes them [confirmed]); the details list both in the CreateOrder table (S2, S10, S14). The node sends them by analogy (UNCONFIRMED.orderFieldsByAnalogy).',
		sandbox: 'Allowed as text on order create, import and update.',
	},
	orderListStatusValues: {
		notes:
			'GET /api/orders as a paged list takes `status`, but its values are listed only for the single-order read: Unshipped (default), Shipped, Printed. `All` and `Archived` appear nowhere for this endpoint (archived orders: GET /api/orders/summary?order_status=archived).',
		sandbox: 'The list takes Unshipped, Printed and Shipped, as the single-order read does.',
	},
	countryNames: {
		notes:
			'An order address `country` is a "country name, e.g. Australia, min 2 chars" (details §3.2; Odoo sends the name). For an item\'s `country_of_origin` and a product\'s `country` the notes give no rule, but every sample and the real order dump use names ("China", "Australia", "New Zealand"). Rates take `country_code` (an ISO code) instead.',
		sandbox:
			"On those three fields a value of 2 or 3 capital letters (a code such as AU or NZL) is recorded as a deviation; any other text passes (the sandbox has no table of names: the node's reader checks the name itself).",
	},
	filterDateValues: {
		notes:
			'The only example of a date in `filter` is `Date:::>=MAY 2024`; the node sends the ISO day (UNCONFIRMED.filterDate).',
		sandbox:
			'Filter columns are checked against the documented list; the value after `:::` is not.',
	},
	batchRefusals: {
		notes:
			'How Starshipit answers an import (or a bulk update, tracking-only batch) in which one order lacks a required field is not documented.',
		sandbox:
			'The deviation is recorded, and the route answers per order (that order in `errors`), instead of refusing the whole batch.',
	},
	orderUpdateRowFields: {
		notes:
			'Update rows: `item_id` / `package_id` update that row and `delete: true` removes it [confirmed]; the S1 update model adds `color`, `size`, `barcode` on items and `name`, `packaging_type` on packages.',
		sandbox:
			'An update (PUT /api/orders, /api/orders/update) takes those on top of the create fields; a create does not.',
	},
	orderUpdateStatus: {
		notes:
			'Printed or shipped orders accept only a `status` change [confirmed]; which values are writable is not (seen: Unshipped, Saved, Printed, Shipped, Delivered).',
		sandbox: 'An update takes `status` as text.',
	},
	dangerousGoodsOnCreate: {
		notes: '`dangerous_goods` is in the CreateOrder table but its writability is marked ❓.',
		sandbox: 'Allowed on create and update as yes/no.',
	},
	trackingOnlyFields: {
		notes:
			'POST /api/orders/shipped: the details list `name, order_number, carrier, tracking_number, country, postcode` per order (the summary adds "..."); nothing is marked required; whether `country` is a name or a code is not said.',
		sandbox:
			'Exactly those six, all text; none required by the reference (the route still needs an order number, tracking number and carrier code).',
	},
	deliveryServicesAddress: {
		notes:
			'POST /api/deliveryservices takes `sender?` and `destination?` without spelling their fields; Odoo sends the rate-address fields.',
		sandbox:
			"Both are checked as /api/rates' address (`street, suburb, city, state, post_code, country_code`).",
	},
	queryOrderId: {
		notes:
			'Delete, archive and restore are written `?order_id=` (query, not body: Odoo in production; one doc table says body).',
		sandbox: '`order_id` is a required whole number in the query; a body is not expected.',
	},
	nullValues: {
		notes: 'The notes never show `null` in a request.',
		sandbox:
			'A `null` is recorded as a value of the wrong type: a field the user left empty should be left out, not sent as null.',
	},
	datetimeOffset: {
		notes:
			'Dates are RFC 3339 in UTC; real answers also carry dates without an offset (`2026-06-01T07:29:07`).',
		sandbox:
			'A date-time with `Z`, an offset or none is accepted; a bare day (`2026-06-01`) or an impossible date is not.',
	},
	queryBooleans: {
		notes:
			'Yes/no query parameters (`ids_only`, `include_child_accounts`) are typed bool; the spelling is not shown.',
		sandbox: '`true` or `false`, in any case.',
	},
	stringifiedValues: {
		notes: 'The notes list no such value, but text fields take any text.',
		sandbox:
			'Text that is exactly "undefined", "null" or "NaN", or holds "[object Object]", is recorded as a deviation: it is a value the node wrote out by mistake (issue 11.1, issue 12.6), never one a user meant.',
	},
	productRequiredFields: {
		notes: 'No product field is marked required (SKUs "must match order items exactly").',
		sandbox:
			'The reference requires none; the products route still refuses a product without a SKU.',
	},
	batchLabelOrder: {
		notes:
			'POST /api/orders/shipments answers `{ labels: [{ label_type, label_base64_string }] }` with no tracking numbers [confirmed]; whether there is one label per order, in the order of `order_ids`, is not said.',
		sandbox:
			'One label per order, in the order of `order_ids`; one order that cannot be booked (printed already, customs incomplete) refuses the whole batch. The node pairs labels with orders only when the counts match (UNCONFIRMED.batchLabels) and otherwise fetches each label again.',
	},
	redoAnswer: {
		notes:
			'POST /api/orders/shipment/replace ("Re-do") answers `{ order, success }`; the original is archived or its label marked deleted. Whether the answer\'s order already carries the new label and tracking number is not said.',
		sandbox:
			"The same order gets a new tracking number and label at once; a manifested order is refused. The node also handles an answer whose order is not printed yet (it books that order's label).",
	},
	mergeChildren: {
		notes:
			'POST /api/orders/merge takes `{ parent_order_id, child_order_ids }` (unshipped orders) and answers `{ success }`; what becomes of the child orders is not said.',
		sandbox:
			"The children's items and packages are added to the parent, and the children are archived (found again only in the archived summary). Every order must exist and be unshipped, or nothing is merged.",
	},
	assignOrders: {
		notes:
			'POST /api/orders/assign takes `{ orders: [{ order_id or order_number, current_api_key, new_api_key }] }` and answers `{ success }` (details §3.1; two clients). Which orders may move, whether a batch moves in part, what the refusals say and whether an order keeps its ID in the other account are not said.',
		sandbox:
			"The sandbox holds one account: `current_api_key` must be its key and `new_api_key` the second sandbox account's (SANDBOX_OTHER_ACCOUNT_API_KEY); an order in any status may move and is then gone from this account. One order that cannot move refuses the whole request (refusal texts are ours).",
	},
	addressBookUpdate: {
		notes:
			'POST /api/addressbook/update takes `{ id, address }`; whether fields left out are kept or erased is not said (the products update replaces the whole record). The list answers `telephone` where add and update take `phone`.',
		sandbox:
			'The update replaces the whole contact, as the products update does (the worst case): the node reads the contact, merges, then writes.',
	},
} satisfies Record<string, Guess>;

export type GuessName = keyof typeof GUESSES;

/** Fields the reference allows only because of a guess above: `carrier` and `carrier_service_code` on orders. */
export const ORDER_CARRIER_FIELDS: Record<string, Spec> = {
	carrier: text(),
	carrier_service_code: text(),
};

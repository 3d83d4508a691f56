import type { IDataObject } from 'n8n-workflow';

/**
 * Every Starshipit path and field name this package relies on, in one place, each marked as
 * confirmed by Starshipit's reference (or two independent clients) or not. When a live account
 * proves an unconfirmed one wrong, correct it here and nowhere else.
 * Evidence: the project's shared notes on the Starshipit API (summary and two detail files).
 */
export const ENDPOINTS = {
	// Orders
	ordersCreate: { method: 'POST', path: '/api/orders', confirmed: true },
	ordersImport: { method: 'POST', path: '/api/orders/import', confirmed: true },
	ordersGet: { method: 'GET', path: '/api/orders', confirmed: true },
	ordersUnshipped: { method: 'GET', path: '/api/orders/unshipped', confirmed: true },
	ordersShipped: { method: 'GET', path: '/api/orders/shipped', confirmed: true },
	ordersShipments: { method: 'GET', path: '/api/orders/shipments', confirmed: true },
	ordersDelivered: { method: 'GET', path: '/api/orders/delivered', confirmed: true },
	ordersSearch: { method: 'GET', path: '/api/orders/search', confirmed: true },
	// Orders by status, archived ones included (`order_status` = new, printed, shipped, archived).
	ordersSummary: { method: 'GET', path: '/api/orders/summary', confirmed: true },
	ordersUpdate: { method: 'PUT', path: '/api/orders', confirmed: true },
	// Bulk update: in the API notes' Orders table, which marks none of its lines confirmed; what its
	// answer holds for each order (rows, refusals) is not documented. Import and Create or Update rely on it.
	ordersUpdateMany: { method: 'PUT', path: '/api/orders/update', confirmed: false },
	ordersBatchCarrier: { method: 'PUT', path: '/api/orders/batchupdate', confirmed: true },
	ordersDelete: { method: 'DELETE', path: '/api/orders/delete', confirmed: true },
	ordersArchive: { method: 'POST', path: '/api/orders/archive', confirmed: true },
	ordersRestore: { method: 'POST', path: '/api/orders/restore', confirmed: true },
	// Tracking-only orders (shipped outside Starshipit): the same path as the shipped list, with POST.
	ordersTrackingOnly: { method: 'POST', path: '/api/orders/shipped', confirmed: true },
	// Merging: the parent keeps its ID; what becomes of the children is not documented (UNCONFIRMED.merge).
	ordersMergeable: { method: 'GET', path: '/api/orders/mergeable', confirmed: true },
	ordersMerge: { method: 'POST', path: '/api/orders/merge', confirmed: true },
	// Moving orders to another Starshipit account: what its answer proves is not documented (UNCONFIRMED.assign).
	ordersAssign: { method: 'POST', path: '/api/orders/assign', confirmed: true },
	// Labels (shipments)
	labelCreate: { method: 'POST', path: '/api/orders/shipment', confirmed: true },
	labelsForOrders: { method: 'POST', path: '/api/orders/shipments', confirmed: true },
	packingSlips: { method: 'POST', path: '/api/orders/packingslips', confirmed: true },
	shipmentClone: { method: 'POST', path: '/api/orders/shipment/clone', confirmed: true },
	shipmentReplace: { method: 'POST', path: '/api/orders/shipment/replace', confirmed: true },
	// Manifests
	manifestOrders: { method: 'POST', path: '/api/orders/manifest', confirmed: true },
	manifestCarrier: { method: 'POST', path: '/api/manifests/carrier', confirmed: true },
	manifestShipments: { method: 'POST', path: '/api/manifests/shipments', confirmed: true },
	manifestsList: { method: 'GET', path: '/api/manifests', confirmed: true },
	manifestFiles: { method: 'GET', path: '/api/manifests/files/', confirmed: true },
	// Rates and tracking
	rates: { method: 'POST', path: '/api/rates', confirmed: true },
	deliveryServices: { method: 'POST', path: '/api/deliveryservices', confirmed: true },
	track: { method: 'GET', path: '/api/track', confirmed: true },
	// Product Catalogue (confirmed by working production code and two scripts, not the reference)
	productsList: { method: 'GET', path: '/api/products', confirmed: true },
	productsCreate: { method: 'POST', path: '/api/products', confirmed: true },
	productsUpdate: { method: 'PUT', path: '/api/products/update', confirmed: true },
	productsDelete: { method: 'DELETE', path: '/api/products/delete', confirmed: true },
	// Address book (confirmed paths; update and delete are POSTs, as documented)
	addressBookList: { method: 'GET', path: '/api/addressbook/filtered', confirmed: true },
	addressBookCreate: { method: 'POST', path: '/api/addressbook/', confirmed: true },
	addressBookUpdate: { method: 'POST', path: '/api/addressbook/update', confirmed: true },
	addressBookDelete: { method: 'POST', path: '/api/addressbook/delete', confirmed: true },
} as const;

export type EndpointName = keyof typeof ENDPOINTS;

/** Field names and values that are NOT confirmed by the reference: correct them here. */
export const UNCONFIRMED = {
	/**
	 * Sent on create and update by analogy: the label endpoint takes carrier and service code
	 * (confirmed there, not on orders). Editor field → the name sent to Starshipit: correct the
	 * right-hand side, the editor's stays. (Authority to Leave is a metadata row: ORDER_METADATA.)
	 */
	orderFieldsByAnalogy: {
		carrier: 'carrier',
		carrier_service_code: 'carrier_service_code',
	} as Record<string, string>,
	/** Whether 429 answers carry Retry-After is unknown; the gateway's message says "Try again in N seconds". */
	retryAfterMessagePattern: /try again in (\d+(?:\.\d+)?) seconds?/i,
	/** Rate fields seen in one client's fixture only (the reference has service_name, service_code, total_price). */
	rateExtraFields: {
		carrier: 'carrier',
		carrierName: 'carrier_name',
		currency: 'currency',
		transitDays: 'transit_days',
	},
	/**
	 * Where a rates answer keeps its list: `rates` (/api/rates) and `services` (/api/deliveryservices) are
	 * in the reference; `delivery_services` and `data.services` were seen by other clients only.
	 */
	rateListPaths: [['rates'], ['services'], ['delivery_services'], ['data', 'services']],
	/**
	 * How the import (and create) answer names an order that already exists: undocumented; one plugin
	 * sees "Order Exists" / "already exists". That an import refuses an existing number (in `errors`)
	 * rather than storing it twice is what the reference's batch answer implies, not a documented rule:
	 * the node never relies on it alone (it reads back before sending again).
	 */
	importDuplicatePattern: /order exists|already exists/i,
	/**
	 * The order list newest first, to find an import's orders on its first page: `Date` sorts by order
	 * date (the sort column names are from one client's enum, not the reference).
	 */
	newestOrdersFirst: { sort_column: 'Date', sort_direction: 'Descending' },
	/**
	 * How a date is written in the order list's `filter` (`Date:::>=<date>`): the reference's only
	 * example is "MAY 2024"; we send the ISO day (2026-11-25), which a lenient date parser reads too.
	 */
	filterDate: (date: Date) => date.toISOString().slice(0, 10),
	/*
	 * The next four come from the API notes' Orders table, which marks none of its lines confirmed
	 * (the detail notes cite two clients for each name; neither file answers the open questions below).
	 */
	/**
	 * GET /api/orders/shipments: the two list kinds and the date filter. How far back the list
	 * reaches without a date is not said. Its rows carry `order_id` (what Manifest > Create needs).
	 */
	printedList: {
		readyToManifest: 'unmanifested',
		recentlyPrinted: 'recently_printed',
		sinceParam: 'since_created_date',
	},
	/** GET /api/orders/delivered: whether `order_ref` matches the order number, the reference or both is not said. */
	deliveredRefParam: 'order_ref',
	/**
	 * PUT /api/orders/batchupdate body. `carrier_id` is Starshipit's number for a carrier, not its
	 * code (9 = Plain Label and 47 = MyPost Business in one client's fixture; orders show it as
	 * `carrier_id`); no list of these numbers is published. Sent as text, as the reference writes it.
	 */
	batchCarrierFields: {
		orderIds: 'order_ids',
		serviceCode: 'product_code',
		carrierId: 'carrier_id',
	},
	/**
	 * POST /api/orders/shipped (tracking only): one order's fields. The answer maps each new order ID
	 * to its tracking number, `{ orders: { "<order_id>": "<tracking_number>" } }`: in the detail notes
	 * only (the summary leaves it blank). Whether `country` takes a name or only a code is not said.
	 */
	trackingOnlyFields: {
		orderNumber: 'order_number',
		recipientName: 'name',
		carrier: 'carrier',
		trackingNumber: 'tracking_number',
		country: 'country',
		postCode: 'postcode',
	},
	/**
	 * Get Many "All": the reference lists no `status=All` for GET /api/orders (documented values:
	 * Unshipped, Shipped, Printed; Shipped also finds a printed order). "All" reads the Unshipped
	 * list, then the Shipped one, without repeating an order. Correct here if Shipped leaves out
	 * printed orders (add 'Printed').
	 */
	allOrdersStatuses: ['Unshipped', 'Shipped'] as string[],
	/**
	 * The `filter` column `Address` is documented as "Address (valid)" without its values: the node sends
	 * `Address:::Valid` or `Address:::Invalid`, the words orders carry in `address_validation`.
	 */
	addressFilterValues: { valid: 'Valid', invalid: 'Invalid' },
	/** GET /api/orders/summary's sort parameter takes a column; assumed to be the paged list's names (Date, Order, ...). */
	summarySortParam: 'sort',
	/**
	 * Triggers. Order ids are taken to grow with each new order (they do in every
	 * sample and in the sandbox; not stated): the poll trigger's "New Unshipped Order" forgets the lowest
	 * ids first and counts an order at or below the highest forgotten id as announced. Undefined turns
	 * that off (then forgotten orders fall back to their order date).
	 */
	orderIdOrder: (order: IDataObject): number | undefined =>
		typeof order.order_id === 'number' ? order.order_id : undefined,
	/**
	 * Write-back of tracking to the shop (poll event "Write-back to Your Store Failed"). The field names
	 * are on orders and shipped-list rows (detail notes), and `Writeback` is a column of the order
	 * list's filter; the values are not published. The list is read with `status` listStatus and the
	 * filter `<filterColumn>:::<filterValue>`; a row counts as failed when its status is one of
	 * failedValues (any case), in case the filter is ignored. `shopFields`: where a row names the shop,
	 * first found wins. `orderPageUrl`: a link to the order in Starshipit's app, `{order_id}` replaced;
	 * unknown, so no link is given until it is set.
	 */
	writeback: {
		statusField: 'writeback_status',
		detailsField: 'writeback_details',
		filterColumn: 'Writeback',
		filterValue: 'Failed',
		failedValues: ['Failed', 'Error'],
		listStatus: 'Shipped',
		shopFields: ['integration_source_name', 'platform'],
		orderPageUrl: undefined as string | undefined,
	},
	/**
	 * POST /api/orders/shipments answers `{ labels: [{ label_type, label_base64_string }] }` and no tracking
	 * numbers (confirmed). That there is one label per order, in the order of `order_ids`, is not said: the
	 * node pairs them by index only when the counts match, and otherwise asks for each order's label again
	 * (POST /api/orders/shipment with reprint, confirmed).
	 */
	batchLabels: { listKey: 'labels', typeKey: 'label_type', documentField: 'label_base64_string' },
	/**
	 * POST /api/orders/shipment/replace ("Re-do") answers `{ order }`. Whether that order already holds the
	 * new label (a new tracking number) or is a copy still to print is not said: the node takes the order's
	 * `order_id` and books a label for it when it has no new tracking number yet.
	 */
	redoOrderKey: 'order',
	/**
	 * POST /api/orders/merge answers `{ success }` only, and nothing says what becomes of the child orders
	 * (archived, deleted, or kept with a flag). The node reads the parent back and reports each child as
	 * merged when it is no longer an unshipped order.
	 */
	mergeFields: { parent: 'parent_order_id', children: 'child_order_ids' },
	/**
	 * POST /api/orders/assign: `{ orders: [{ order_id or order_number, current_api_key, new_api_key }] }` (the names:
	 * two clients, not the summary). It answers `{ success }` only. Not documented: which orders may move (unshipped
	 * only?), whether some of a batch can move while others are refused, and whether an order keeps its ID in the
	 * other account. So the node sends `order_id` (looked up first), and takes an order as moved only when this
	 * account no longer holds it in any status (read back after the request, whatever it answered).
	 */
	assign: {
		ordersKey: 'orders',
		orderId: 'order_id',
		currentKey: 'current_api_key',
		newKey: 'new_api_key',
	},
	/** GET /api/orders/mergeable rows: `{ primary_order_id, orders: [{ order_id, order_number, ... }] }`. */
	mergeableFields: { primary: 'primary_order_id', orders: 'orders' },
	/** Webhook signature scheme, seen in one production receiver: hex HMAC-SHA256 of the raw body. */
	webhookSignatureHeader: 'x-starshipit-signature',
} as const;

/**
 * Order facts carried as metadata rows (`metadatas: [{ metafield_key, value }]`), as the reference's
 * order sample carries them. Authority to Leave is `{ "metafield_key": "ATL", "value": "True" }`
 * there; `authority_to_leave` is not an order field (it was dropped when sent as one).
 */
export const ORDER_METADATA = {
	authorityToLeave: { key: 'ATL', yes: 'True', no: 'False' },
} as const;

/** Documented limits. */
export const LIMITS = {
	importBatchSize: 50,
	legacyListMaxLimit: 250,
	pagedListMaxPageSize: 500,
	productsMaxPageSize: 2000,
	productsMinPageSize: 10,
} as const;

/** Rate-limit tiers, in requests per second. */
export const RATE_LIMIT_TIERS: Record<string, number> = { developer: 2, production: 20 };

/**
 * Every documented Starshipit endpoint as the shared API notes list it (starshipit-api.md, checked
 * against starshipit-api-details.md): method, path, query parameters and their values, the body
 * envelope and its fields at every depth, required fields. Read it beside the notes: each entry's
 * `doc` says where. Anything the notes leave open is a named guess in guesses.ts.
 */
import { ORDER_CARRIER_FIELDS } from './guesses';
import {
	bool,
	countryCode,
	countryName,
	datetime,
	filter,
	flat,
	int,
	list,
	num,
	obj,
	oneOf,
	text,
	wrapper,
	type EndpointSpec,
	type Spec,
} from './spec';

// ---- Shared models (details §3.2, §4, §5, §7, §9) ----

/** Address (`sender_details` / `destination`): text, max 100 unless stated (details §3.2). */
const addressFields: Record<string, Spec> = {
	name: text({ max: 100 }),
	email: text({ max: 100 }),
	phone: text({ max: 100 }),
	building: text({ max: 100 }),
	company: text({ max: 100 }),
	street: text({ max: 100 }),
	suburb: text({ max: 100 }),
	city: text({ max: 100 }),
	state: text({ max: 100 }),
	post_code: text({ max: 10 }),
	country: countryName({ max: 100 }), // details §3.2: "country name, e.g. Australia, min 2 chars"
};
const taxNumber = obj({ tax_type: text(), tax_number: text({ max: 20 }) });
const sender = obj(addressFields);
const destinationFields = {
	...addressFields,
	delivery_instructions: text({ max: 100 }),
	tax_number: text({ max: 20 }),
	tax_numbers: list(taxNumber),
};
/** Destination: name, street, suburb and country required (summary, CreateOrder fields). */
const destination = (
	rules: { required?: string[] } = { required: ['name', 'street', 'suburb', 'country'] },
) => obj(destinationFields, rules);

/** Item (create): the seven keys Odoo sends (details §3.2). */
const itemFields: Record<string, Spec> = {
	description: text(),
	sku: text({ max: 50 }),
	tariff_code: text({ max: 18 }),
	country_of_origin: countryName({ max: 50 }), // GUESSES.countryNames
	quantity: num(),
	weight: num(),
	value: num(),
};
/** Package: weight in kg, dimensions in metres. */
const packageFields: Record<string, Spec> = {
	weight: num(),
	height: num(),
	width: num(),
	length: num(),
};
const metadata = obj({ metafield_key: text(), value: text() });

/** CreateOrder (summary "CreateOrder fields", details §3.2). */
const createOrderFields: Record<string, Spec> = {
	order_number: text({ min: 1, max: 50 }),
	order_date: datetime(),
	reference: text({ max: 50 }),
	shipping_method: text({ max: 100 }),
	shipping_description: text({ max: 100 }),
	signature_required: bool(),
	return_order: bool(),
	currency: text({ min: 3, max: 3 }),
	...ORDER_CARRIER_FIELDS, // GUESSES.orderCarrierFields
	carrier_name: text(),
	dangerous_goods: bool(), // GUESSES.dangerousGoodsOnCreate
	sender_details: sender,
	destination: destination(),
	items: list(obj(itemFields)),
	packages: list(obj(packageFields)),
	metadatas: list(metadata),
};
const createOrder = obj(createOrderFields, { required: ['order_number', 'destination'] });

/** UpdateOrder: `order_id` and any create field; rows by id, `delete: true` (summary "Update rules"; GUESSES.orderUpdateRowFields). */
const updateItem = obj({
	...itemFields,
	item_id: int(),
	delete: bool(),
	color: text(),
	size: text(),
	barcode: text(),
});
const packagingType = oneOf(
	'Carton',
	'Box',
	'Envelope',
	'Item',
	'Jiffy',
	'Pallet',
	'Satchel',
	'Skid',
	'Bag',
);
const updatePackage = obj({
	...packageFields,
	package_id: int(),
	delete: bool(),
	name: text(),
	packaging_type: packagingType,
});
const updateOrder = obj(
	{
		...createOrderFields,
		order_id: int(),
		status: text(), // GUESSES.orderUpdateStatus
		destination: destination({ required: [] }), // partial bodies work (summary)
		items: list(updateItem),
		packages: list(updatePackage),
	},
	{ required: ['order_id'] },
);

/** Rates' address: `country_code` is an ISO code, unlike orders (details §4 RateAddress). */
const rateAddress = obj({
	street: text(),
	suburb: text(),
	city: text(),
	state: text(),
	post_code: text(),
	country_code: countryCode(),
});

/** Product (summary "Products", details §7). */
const productFields: Record<string, Spec> = {
	sku: text(),
	title: text(),
	description: text(),
	customs_description: text(),
	country: countryName(),
	hs_code: text(), // GUESSES.countryNames
	weight: num(),
	height: num(),
	length: num(),
	width: num(),
	price: num(),
	barcode: text(),
	bin_location: text(),
	brand: text(),
	color: text(),
	size: text(),
	usage: text(),
	material: text(),
	model: text(),
	mid: text(),
	dangerous_goods_type: text(),
}; // GUESSES.productRequiredFields

/** Address-book contact (details §9). */
const contact = obj({
	code: text(),
	name: text(),
	company: text(),
	post_code: text(),
	street: text(),
	suburb: text(),
	city: text(),
	state: text(),
	country: text(),
	phone: text(),
	instructions: text(),
	building: text(),
	email: text(),
	carrier: int(),
	signature_required: bool(),
});

// ---- Query parameter values ----

const pageLimit = { page: int({ min: 1 }), limit: int({ min: 1, max: 250 }) };
const orderStatus = oneOf('Unshipped', 'Printed', 'Shipped'); // details §3.1 "status caveat"; GUESSES.orderListStatusValues
const include = oneOf(
	'Account_Summary',
	'Shipment_Attributes',
	'Sender_Details',
	'Destination',
	'Items',
	'Packages',
	'Metadatas',
	'Events',
	'Shipping_Price',
);
const sortDirection = oneOf('Ascending', 'Descending');
const orderSortColumn = oneOf(
	'Address',
	'Carrier',
	'Name',
	'Country',
	'Date',
	'Items',
	'Manifest',
	'Order',
	'Product',
	'Quantity',
	'ShippedDate',
	'ShippingDescription',
	'ShippingMethod',
	'SKU',
	'StockOnHand',
	'Platform',
	'State',
	'Status',
	'Weight',
	'Writeback',
);
const productSortColumn = oneOf(
	'Barcode',
	'BinLocation',
	'Brand',
	'Colour',
	'Country',
	'CustomsDescription',
	'DangerousGoodsType',
	'Height',
	'HSCode',
	'Length',
	'Manufacturer',
	'Materials',
	'Model',
	'Price',
	'Purpose',
	'Size',
	'Sku',
	'Title',
	'Weight',
	'Width',
);
const queryOrderId = { params: { order_id: int({ min: 1 }) }, required: ['order_id'] }; // GUESSES.queryOrderId

/** The `filter` columns (details §2.4). */
export const FILTER_COLUMNS = [
	'Order',
	'Name',
	'Address',
	'Date',
	'Source',
	'State',
	'Country',
	'Carrier',
	'Service',
	'Status',
	'SKU',
	'SingleSKU',
	'Writeback',
	'Weight',
	'ShippingMethod',
	'ShippingDescription',
	'Tag',
] as const;

// ---- The endpoints ----

export const REFERENCE: EndpointSpec[] = [
	// Orders (summary "Orders" table; details §3.1)
	{
		doc: 'Orders: Create one',
		method: 'POST',
		path: '/api/orders',
		body: wrapper({ order: createOrder }),
	},
	{
		doc: 'Orders: Create many (at most 50)',
		method: 'POST',
		path: '/api/orders/import',
		body: wrapper({ orders: list(createOrder, { max: 50, batch: true }) }),
	}, // GUESSES.batchRefusals
	{
		doc: 'Orders: Get one (order_id or order_number; status defaults to Unshipped)',
		method: 'GET',
		path: '/api/orders',
		whenQueryHas: ['order_id', 'order_number'],
		query: {
			params: {
				order_id: int({ min: 1 }),
				order_number: text({ min: 1 }),
				status: orderStatus,
				include,
			},
			repeatable: ['include'],
		},
	},
	{
		doc: 'Orders: Get many, the paged list',
		method: 'GET',
		path: '/api/orders',
		query: {
			params: {
				status: orderStatus,
				filter: filter(),
				include,
				sort_column: orderSortColumn,
				sort_direction: sortDirection,
				page_number: int({ min: 1 }),
				page_size: int({ min: 1, max: 500 }),
			},
			repeatable: ['include'],
		},
	},
	{
		doc: 'Orders: Unshipped list',
		method: 'GET',
		path: '/api/orders/unshipped',
		query: {
			params: {
				since_order_date: datetime(),
				since_last_updated: datetime(),
				ids_only: bool(),
				...pageLimit,
			},
		},
	},
	{
		doc: 'Orders: Shipped list',
		method: 'GET',
		path: '/api/orders/shipped',
		query: { params: { since_last_updated: datetime(), ids_only: bool(), ...pageLimit } },
	},
	{
		doc: 'Orders: Recently printed / unmanifested (status required, details §3.1)',
		method: 'GET',
		path: '/api/orders/shipments',
		query: {
			params: {
				status: oneOf('recently_printed', 'unmanifested'),
				since_created_date: datetime(),
				...pageLimit,
			},
			required: ['status'],
		},
	},
	{
		doc: 'Orders: Delivered by reference',
		method: 'GET',
		path: '/api/orders/delivered',
		query: { params: { order_ref: text({ min: 1 }) } },
	},
	{
		doc: 'Orders: Summary by status',
		method: 'GET',
		path: '/api/orders/summary',
		query: {
			params: {
				order_status: oneOf('new', 'shipped', 'printed', 'archived'),
				page: int({ min: 1 }),
				page_size: int({ min: 1, max: 500 }),
				filter: filter(),
				sort: text(),
				sort_direction: sortDirection,
			},
		},
	},
	{
		doc: 'Orders: Search',
		method: 'GET',
		path: '/api/orders/search',
		query: {
			params: {
				phrase: text(),
				fields: oneOf('All', 'Order_Number', 'TheirRef'),
				status: oneOf('All', 'Unshipped', 'Shipped'),
				...pageLimit,
				include_child_accounts: bool(),
			},
		},
	},
	{
		doc: 'Orders: Update one (needs order_id)',
		method: 'PUT',
		path: '/api/orders',
		body: wrapper({ order: updateOrder }),
	},
	{
		doc: 'Orders: Update many',
		method: 'PUT',
		path: '/api/orders/update',
		body: wrapper({ orders: list(updateOrder, { batch: true }) }),
	},
	{
		doc: 'Orders: Same carrier for many',
		method: 'PUT',
		path: '/api/orders/batchupdate',
		body: flat({ order_ids: list(int()), product_code: text(), carrier_id: text() }),
	},
	{
		doc: 'Orders: Delete (unshipped only)',
		method: 'DELETE',
		path: '/api/orders/delete',
		query: queryOrderId,
	},
	{
		doc: 'Orders: Archive (query string, empty body)',
		method: 'POST',
		path: '/api/orders/archive',
		query: queryOrderId,
	},
	{
		doc: 'Orders: Restore archived',
		method: 'POST',
		path: '/api/orders/restore',
		query: queryOrderId,
	},
	{
		doc: 'Orders: Merge',
		method: 'POST',
		path: '/api/orders/merge',
		body: flat({ parent_order_id: int(), child_order_ids: list(int()) }),
	}, // GUESSES.mergeChildren
	{
		doc: 'Orders: Mergeable',
		method: 'GET',
		path: '/api/orders/mergeable',
		query: { params: pageLimit },
	},
	{
		doc: 'Orders: Assign to another account (details §3.1)',
		method: 'POST',
		path: '/api/orders/assign',
		body: wrapper({
			orders: list(
				obj(
					{ order_id: int(), order_number: text(), current_api_key: text(), new_api_key: text() },
					{ oneOf: ['order_id', 'order_number'] },
				),
				{ batch: true },
			),
		}),
	}, // GUESSES.assignOrders
	{
		doc: 'Orders: Tracking-only orders',
		method: 'POST',
		path: '/api/orders/shipped',
		body: wrapper({
			orders: list(
				obj({
					order_number: text(),
					name: text(),
					carrier: text(),
					tracking_number: text(),
					country: text(),
					postcode: text(),
				}),
				{ batch: true },
			),
		}), // GUESSES.trackingOnlyFields
	},

	// Labels (summary "Labels (shipments)"; details §5)
	{
		doc: 'Labels: Create label for an order (order_id or order_number)',
		method: 'POST',
		path: '/api/orders/shipment',
		body: flat(
			{
				order_id: int(),
				order_number: text({ min: 1 }),
				carrier: text(),
				carrier_service_code: text(),
				packages: list(obj(packageFields)),
				reprint: bool(),
			},
			{ oneOf: ['order_id', 'order_number'] },
		),
	},
	{
		doc: 'Labels: Labels for many orders',
		method: 'POST',
		path: '/api/orders/shipments',
		body: flat({ order_ids: list(int()), reprint: bool() }, { required: ['order_ids'] }),
	}, // GUESSES.batchLabelOrder
	{
		doc: 'Labels: Packing slips',
		method: 'POST',
		path: '/api/orders/packingslips',
		body: flat({ order_ids: list(int()), summary: bool() }, { required: ['order_ids'] }),
	},
	{
		doc: 'Labels: Clone (e.g. a return)',
		method: 'POST',
		path: '/api/orders/shipment/clone',
		body: flat({ order_id: int(), to_return_shipment: bool() }, { required: ['order_id'] }),
	},
	{
		doc: 'Labels: Redo (archive and replace)',
		method: 'POST',
		path: '/api/orders/shipment/replace',
		body: flat({ order_id: int() }, { required: ['order_id'] }),
	}, // GUESSES.redoAnswer

	// Manifests (summary "Manifests"; details §6)
	{
		doc: 'Manifests: Manifest printed orders',
		method: 'POST',
		path: '/api/orders/manifest',
		body: flat({ order_ids: list(int()) }, { required: ['order_ids'] }),
	},
	{
		doc: 'Manifests: Manifest by carrier',
		method: 'POST',
		path: '/api/manifests/carrier',
		body: flat({ carrier: text({ min: 1 }) }, { required: ['carrier'] }),
	},
	{
		doc: 'Manifests: Shipments for a manifest',
		method: 'POST',
		path: '/api/manifests/shipments',
		body: flat(
			{ tracking_numbers: list(text()), use_order_numbers: bool() },
			{ required: ['tracking_numbers'] },
		),
	},
	{
		doc: 'Manifests: List manifests',
		method: 'GET',
		path: '/api/manifests',
		query: { params: pageLimit },
	},
	{
		doc: 'Manifests: Manifest files (trailing slash as documented)',
		method: 'GET',
		path: '/api/manifests/files/',
		query: { params: { manifest_id: int({ min: 1 }) }, required: ['manifest_id'] },
	},

	// Rates and delivery services (summary "Rates and delivery services"; details §4)
	{
		doc: 'Rates: POST /api/rates (destination and packages required, weight required)',
		method: 'POST',
		path: '/api/rates',
		body: flat(
			{
				sender: rateAddress,
				destination: rateAddress,
				packages: list(obj(packageFields, { required: ['weight'] })),
				currency: text({ min: 3, max: 3 }),
				include_pricing: bool(),
			},
			{ required: ['destination', 'packages'] },
		),
	},
	{
		doc: 'Rates: POST /api/deliveryservices (details §4)',
		method: 'POST',
		path: '/api/deliveryservices',
		body: flat({
			order_id: int(),
			refresh_rate: bool(),
			sender: rateAddress,
			destination: rateAddress,
			packages: list(obj(packageFields)), // GUESSES.deliveryServicesAddress
			declared_value: num(),
			include_pricing: bool(),
			return_order: bool(),
			signature_required: bool(),
			authority_to_leave: bool(),
			dangerous_goods: bool(),
			insurance_value: num(),
		}),
	},

	// Tracking (summary "Tracking")
	{
		doc: 'Tracking: GET /api/track (tracking_number or order_number)',
		method: 'GET',
		path: '/api/track',
		query: {
			params: { tracking_number: text({ min: 1 }), order_number: text({ min: 1 }) },
			oneOf: ['tracking_number', 'order_number'],
		},
	},

	// Products (summary "Products (Product Catalogue)"; details §7)
	{
		doc: 'Products: list / search (search_term mandatory, "" allowed)',
		method: 'GET',
		path: '/api/products',
		query: {
			params: {
				search_term: text(),
				page_number: int({ min: 1 }),
				page_size: int({ min: 10, max: 2000 }),
				skip_records: int({ min: 0 }),
				sort_column: productSortColumn,
				sort_direction: sortDirection,
			},
			required: ['search_term'],
		},
	},
	{
		doc: 'Products: Create one',
		method: 'POST',
		path: '/api/products',
		body: wrapper({ product: obj(productFields) }),
	},
	{
		doc: 'Products: Update (replaces the whole product)',
		method: 'PUT',
		path: '/api/products/update',
		body: wrapper({ id: int(), product: obj({ ...productFields, id: int() }) }),
	},
	{
		doc: 'Products: Delete',
		method: 'DELETE',
		path: '/api/products/delete',
		body: flat({ product_ids: list(int()), all_products: bool() }),
	},

	// Address book (summary "Address book"; details §9)
	{
		doc: 'Address book: list',
		method: 'GET',
		path: '/api/addressbook/filtered',
		query: {
			params: {
				page: int({ min: 1 }),
				page_size: int({ min: 1 }),
				sort: oneOf(
					'None',
					'Name',
					'Company',
					'Street',
					'Suburb',
					'PostCode',
					'City',
					'State',
					'Country',
					'Code',
					'Phone',
					'Email',
				),
				sort_direction: oneOf('None', 'Ascending', 'Descending'),
			},
		},
	},
	{
		doc: 'Address book: add',
		method: 'POST',
		path: '/api/addressbook/',
		body: wrapper({ address: contact }),
	},
	{
		doc: 'Address book: update',
		method: 'POST',
		path: '/api/addressbook/update',
		body: wrapper({ id: int(), address: contact }),
	}, // GUESSES.addressBookUpdate
	{
		doc: 'Address book: delete',
		method: 'POST',
		path: '/api/addressbook/delete',
		body: wrapper({ address_ids: list(int()) }),
	},
];

/**
 * The Shopify stand-in's state: orders as Shopify's Admin REST API (2024-07) gives them, one fulfillment order per
 * order covering its shippable lines, fulfillments and webhooks. Plain objects, so a test reads them directly.
 */

export type Json = Record<string, unknown>;

export interface ShopifyLineItem {
	id: number;
	variant_id: number;
	product_id: number;
	name: string;
	title: string;
	variant_title: string | null;
	sku: string;
	quantity: number;
	/** Unit price as text, as Shopify sends it ("19.50"). */
	price: string;
	grams: number;
	requires_shipping: boolean;
	fulfillable_quantity: number;
	fulfillment_status: string | null;
}

export interface ShopifyAddress {
	first_name: string;
	last_name: string;
	name: string;
	company: string | null;
	address1: string;
	address2: string | null;
	city: string;
	province: string;
	province_code: string;
	zip: string;
	country: string;
	country_code: string;
	phone: string | null;
}

export interface ShopifyFulfillment {
	id: number;
	order_id: number;
	status: string;
	name: string;
	service: string;
	tracking_company: string | null;
	tracking_number: string | null;
	tracking_numbers: string[];
	tracking_url: string | null;
	tracking_urls: string[];
	/** Not in Shopify's answer: what the request asked, kept so a test can check it. */
	notify_customer: boolean;
	line_items: Json[];
	created_at: string;
	updated_at: string;
	admin_graphql_api_id: string;
}

export interface ShopifyOrder {
	id: number;
	admin_graphql_api_id: string;
	name: string;
	order_number: number;
	email: string;
	phone: string | null;
	created_at: string;
	updated_at: string;
	closed_at: string | null;
	cancelled_at: string | null;
	financial_status: string;
	fulfillment_status: string | null;
	currency: string;
	total_price: string;
	total_weight: number;
	note: string | null;
	tags: string;
	shipping_address: ShopifyAddress;
	line_items: ShopifyLineItem[];
	shipping_lines: Json[];
	fulfillments: ShopifyFulfillment[];
}

export interface FulfillmentOrderLine {
	id: number;
	shop_id: number;
	fulfillment_order_id: number;
	line_item_id: number;
	inventory_item_id: number;
	quantity: number;
	fulfillable_quantity: number;
	variant_id: number;
}

export interface FulfillmentOrder {
	id: number;
	order_id: number;
	shop_id: number;
	assigned_location_id: number;
	status: 'open' | 'in_progress' | 'closed';
	request_status: string;
	supported_actions: string[];
	line_items: FulfillmentOrderLine[];
	created_at: string;
	updated_at: string;
}

export interface ShopifyWebhook {
	id: number;
	address: string;
	topic: string;
	format: string;
	api_version: string;
	fields: string[];
	metafield_namespaces: string[];
	created_at: string;
	updated_at: string;
}

export interface ShopifyStore {
	orders: ShopifyOrder[];
	fulfillmentOrders: FulfillmentOrder[];
	webhooks: ShopifyWebhook[];
}

export const SHOP_ID = 74_000_000_001;
export const LOCATION_ID = 81_000_000_001;

/** Ids in Shopify's ranges (13 digits for orders: still exact in JavaScript numbers). */
let nextId = 1;
const newId = (base: number) => base + nextId++;
export const ids = {
	order: () => newId(5_550_000_000_000),
	line: () => newId(14_400_000_000_000),
	fulfillmentOrder: () => newId(6_600_000_000_000),
	fulfillmentOrderLine: () => newId(15_500_000_000_000),
	fulfillment: () => newId(4_400_000_000_000),
	webhook: () => newId(1_200_000_000_000),
};

/** A line as an order seed gives it: the rest is filled in. */
export interface LineSeed {
	name: string;
	sku: string;
	quantity: number;
	price: string;
	grams: number;
	requires_shipping?: boolean;
}

export interface OrderSeed {
	email?: string;
	financial_status?: string;
	currency?: string;
	shipping_address: Omit<ShopifyAddress, 'name'>;
	line_items: LineSeed[];
	shipping_lines?: Json[];
	note?: string | null;
}

const AU_ADDRESS = {
	first_name: 'Sam',
	last_name: 'Lee',
	company: null,
	address1: '5 King Street',
	address2: null,
	city: 'Newtown',
	province: 'New South Wales',
	province_code: 'NSW',
	zip: '2042',
	country: 'Australia',
	country_code: 'AU',
	phone: '+61 400 000 001',
};
const NZ_ADDRESS = {
	first_name: 'Ana',
	last_name: 'Lopez',
	company: 'Kiwi Kites',
	address1: '10 Queen Street',
	address2: 'Level 2',
	city: 'Auckland',
	province: 'Auckland',
	province_code: 'AUK',
	zip: '1010',
	country: 'New Zealand',
	country_code: 'NZ',
	phone: null,
};
const MUG = { name: 'Blue mug', sku: 'MUG-BLUE', price: '19.50', grams: 400 };
const TEE = { name: 'Cotton T-shirt - M / Black', sku: 'TEE-M-BLACK', price: '30.00', grams: 200 };
const POSTER = { name: 'A2 poster', sku: 'POSTER-A2', price: '12.00', grams: 100 };
const GIFT_CARD = {
	name: 'Gift card',
	sku: 'GIFT-50',
	price: '50.00',
	grams: 0,
	requires_shipping: false,
};

/** The e2e's new order: three shippable lines and a gift card that needs no shipping. */
export const THREE_LINE_ORDER: OrderSeed = {
	email: 'sam.lee@example.com',
	shipping_address: AU_ADDRESS,
	line_items: [
		{ ...MUG, quantity: 2 },
		{ ...TEE, quantity: 1 },
		{ ...POSTER, quantity: 3 },
		{ ...GIFT_CARD, quantity: 1 },
	],
	shipping_lines: [{ code: 'Standard', title: 'Standard shipping', price: '9.95' }],
};

/** The shop's orders at start: #1001 (AU, one line), #1002 (NZ, two lines), #1003 (AU, a line that needs no shipping). */
export const SEED_ORDERS: OrderSeed[] = [
	{
		email: 'sam.lee@example.com',
		shipping_address: AU_ADDRESS,
		line_items: [{ ...MUG, quantity: 1 }],
	},
	{
		email: 'ana.lopez@example.com',
		shipping_address: NZ_ADDRESS,
		line_items: [
			{ ...MUG, quantity: 1 },
			{ ...TEE, quantity: 2 },
		],
	},
	{
		email: 'sam.lee@example.com',
		shipping_address: AU_ADDRESS,
		line_items: [
			{ ...POSTER, quantity: 1 },
			{ ...GIFT_CARD, quantity: 1 },
		],
	},
];

const money = (value: number) => value.toFixed(2);

/** Builds an order and its open fulfillment order (covering the lines that need shipping) into the store. */
export function addOrder(store: ShopifyStore, seed: OrderSeed, now = new Date()): ShopifyOrder {
	const number = 1001 + store.orders.length;
	const id = ids.order();
	const at = now.toISOString();
	const lineItems: ShopifyLineItem[] = seed.line_items.map((line) => ({
		id: ids.line(),
		variant_id: ids.line(),
		product_id: ids.line(),
		name: line.name,
		title: line.name.split(' - ')[0],
		variant_title: line.name.includes(' - ') ? line.name.split(' - ')[1] : null,
		sku: line.sku,
		quantity: line.quantity,
		price: line.price,
		grams: line.grams,
		requires_shipping: line.requires_shipping ?? true,
		fulfillable_quantity: line.quantity,
		fulfillment_status: null,
	}));
	const shipping = seed.shipping_lines ?? [];
	const total =
		lineItems.reduce((sum, line) => sum + Number(line.price) * line.quantity, 0) +
		shipping.reduce((sum, line) => sum + Number(line.price ?? 0), 0);
	const order: ShopifyOrder = {
		id,
		admin_graphql_api_id: `gid://shopify/Order/${id}`,
		name: `#${number}`,
		order_number: number,
		email: seed.email ?? 'customer@example.com',
		phone: null,
		created_at: at,
		updated_at: at,
		closed_at: null,
		cancelled_at: null,
		financial_status: seed.financial_status ?? 'paid',
		fulfillment_status: null,
		currency: seed.currency ?? 'AUD',
		total_price: money(total),
		total_weight: lineItems
			.filter((line) => line.requires_shipping)
			.reduce((sum, line) => sum + line.grams * line.quantity, 0),
		note: seed.note ?? null,
		tags: '',
		shipping_address: {
			...seed.shipping_address,
			name: `${seed.shipping_address.first_name} ${seed.shipping_address.last_name}`,
		},
		line_items: lineItems,
		shipping_lines: shipping,
		fulfillments: [],
	};
	store.orders.push(order);
	const fulfillmentOrderId = ids.fulfillmentOrder();
	store.fulfillmentOrders.push({
		id: fulfillmentOrderId,
		order_id: id,
		shop_id: SHOP_ID,
		assigned_location_id: LOCATION_ID,
		status: 'open',
		request_status: 'unsubmitted',
		supported_actions: ['create_fulfillment', 'hold', 'move'],
		line_items: lineItems
			.filter((line) => line.requires_shipping)
			.map((line) => ({
				id: ids.fulfillmentOrderLine(),
				shop_id: SHOP_ID,
				fulfillment_order_id: fulfillmentOrderId,
				line_item_id: line.id,
				inventory_item_id: line.variant_id + 1,
				quantity: line.quantity,
				fulfillable_quantity: line.quantity,
				variant_id: line.variant_id,
			})),
		created_at: at,
		updated_at: at,
	});
	return order;
}

export function seedStore(): ShopifyStore {
	const store: ShopifyStore = { orders: [], fulfillmentOrders: [], webhooks: [] };
	for (const seed of SEED_ORDERS) addOrder(store, seed);
	return store;
}

/** The order's fulfillment status from its shippable lines: null, 'partial' or 'fulfilled', as Shopify derives it. */
export function fulfillmentStatusOf(order: ShopifyOrder): string | null {
	const shippable = order.line_items.filter((line) => line.requires_shipping);
	const left = shippable.reduce((sum, line) => sum + line.fulfillable_quantity, 0);
	const total = shippable.reduce((sum, line) => sum + line.quantity, 0);
	if (left === total) return null;
	return left === 0 ? 'fulfilled' : 'partial';
}

/** The WooCommerce stand-in's state: plain objects, in the shapes WooCommerce REST v3 answers with. */

export interface WooAddress {
	first_name: string;
	last_name: string;
	company: string;
	address_1: string;
	address_2: string;
	city: string;
	state: string;
	postcode: string;
	country: string;
	phone: string;
	email?: string;
}

export interface WooLineItem {
	id: number;
	name: string;
	product_id: number;
	variation_id: number;
	quantity: number;
	sku: string;
	/** The unit price: a number in the order JSON (subtotal and total are text). */
	price: number;
	subtotal: string;
	total: string;
	meta_data: unknown[];
}

export interface WooOrder {
	id: number;
	number: string;
	status: string;
	currency: string;
	date_created: string;
	date_modified: string;
	date_completed: string | null;
	customer_note: string;
	billing: WooAddress;
	shipping: WooAddress;
	line_items: WooLineItem[];
	shipping_lines: Array<{ id: number; method_id: string; method_title: string; total: string }>;
	meta_data: Array<{ id?: number; key: string; value: unknown }>;
	total: string;
	shipping_total: string;
	[field: string]: unknown;
}

export interface WooNote {
	id: number;
	author: string;
	date_created: string;
	date_created_gmt: string;
	note: string;
	customer_note: boolean;
}

export interface WooProduct {
	id: number;
	name: string;
	sku: string;
	price: string;
	/** In the store's weight unit (kg here), as text; "" when the product has none. */
	weight: string;
	dimensions: { length: string; width: string; height: string };
}

export interface WooWebhook {
	id: number;
	name: string;
	status: 'active' | 'paused' | 'disabled';
	topic: string;
	resource: string;
	event: string;
	hooks: string[];
	delivery_url: string;
	/** Never in an answer: what deliveries are signed with. */
	secret: string;
	date_created: string;
	date_modified: string;
	/** Failed deliveries in a row: WooCommerce disables a webhook after five. */
	failures: number;
}

export interface WooStore {
	orders: WooOrder[];
	products: WooProduct[];
	webhooks: WooWebhook[];
	/** Each order's notes, by order id. */
	notes: Record<number, WooNote[]>;
	nextOrderId: number;
	nextNoteId: number;
	nextWebhookId: number;
	nextLineId: number;
}

export interface WooRequest {
	method: string;
	/** The path after /wp-json/wc/v3. */
	path: string;
	/** The query without the keys. */
	query: Record<string, string>;
	/** How the request carried the keys ('basic-without-key': a Basic header with an empty key or secret, which WooCommerce ignores). */
	auth: 'basic' | 'basic-without-key' | 'query' | 'none';
	status: number;
	body?: unknown;
}

/** A request the stand-in does not know: a route, a query parameter or a body field WooCommerce would not take. */
export interface WooDeviation {
	method: string;
	path: string;
	what: string;
}

export interface WooDelivery {
	topic: string;
	webhookId?: number;
	url: string;
	/** n8n's answer, or 0 when the delivery could not be sent. */
	status: number;
	body: string;
	/** How it was sent: a genuine delivery, or one of the test's forged kinds. */
	kind: 'genuine' | 'forged' | 'tampered' | 'unsigned' | 'ping';
}

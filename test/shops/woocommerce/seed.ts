/**
 * The stand-in's sample shop: three paid orders waiting to ship (`processing`) to Australia, New Zealand and the UK,
 * and the products they hold, with weights (WooCommerce orders carry none: a workflow reads them from the products).
 */
import type { WooAddress, WooLineItem, WooOrder, WooProduct, WooStore } from './types';

export const PRODUCTS: WooProduct[] = [
	{
		id: 501,
		name: 'Blue mug',
		sku: 'MUG-BLUE',
		price: '19.50',
		weight: '0.4',
		dimensions: { length: '12', width: '9', height: '10' },
	},
	{
		id: 502,
		name: 'Cotton T-shirt',
		sku: 'TEE-M-BLACK',
		price: '30.00',
		weight: '0.2',
		dimensions: { length: '30', width: '25', height: '2' },
	},
	{
		id: 503,
		name: 'A2 poster',
		sku: 'POSTER-A2',
		price: '12.00',
		weight: '0.1',
		dimensions: { length: '62', width: '8', height: '8' },
	},
	// A product with no weight set: the workflow's stated default applies.
	{
		id: 504,
		name: 'Tea towel',
		sku: 'TOWEL-LINEN',
		price: '9.00',
		weight: '',
		dimensions: { length: '', width: '', height: '' },
	},
];

const EMPTY: WooAddress = {
	first_name: '',
	last_name: '',
	company: '',
	address_1: '',
	address_2: '',
	city: '',
	state: '',
	postcode: '',
	country: '',
	phone: '',
};

export const address = (fields: Partial<WooAddress>): WooAddress => ({ ...EMPTY, ...fields });

/** One order line as WooCommerce writes it, for a product of the catalogue. */
export function lineOf(
	store: Pick<WooStore, 'nextLineId'>,
	productId: number,
	quantity: number,
): WooLineItem {
	const product = PRODUCTS.find((candidate) => candidate.id === productId);
	if (!product) throw new Error(`The stand-in has no product ${productId}`);
	const total = (Number(product.price) * quantity).toFixed(2);
	return {
		id: store.nextLineId++,
		name: product.name,
		product_id: product.id,
		variation_id: 0,
		quantity,
		sku: product.sku,
		price: Number(product.price),
		subtotal: total,
		total,
		meta_data: [],
	};
}

export interface OrderSeed {
	id?: number;
	number?: string;
	status?: string;
	billing: Partial<WooAddress>;
	shipping?: Partial<WooAddress>;
	/** [product id, quantity] per line. */
	lines: Array<[number, number]>;
	currency?: string;
	shippingMethod?: [string, string];
	date?: string;
}

/** A whole order as GET /orders/{id} answers it. */
export function orderOf(
	store: Pick<WooStore, 'nextLineId' | 'nextOrderId'>,
	seed: OrderSeed,
): WooOrder {
	const id = seed.id ?? store.nextOrderId++;
	const lineItems = seed.lines.map(([productId, quantity]) => lineOf(store, productId, quantity));
	const [methodId, methodTitle] = seed.shippingMethod ?? ['flat_rate', 'Flat rate'];
	const shippingTotal = '10.00';
	const date = seed.date ?? new Date().toISOString().slice(0, 19);
	return {
		id,
		number: seed.number ?? String(id),
		status: seed.status ?? 'processing',
		currency: seed.currency ?? 'AUD',
		date_created: date,
		date_modified: date,
		date_completed: null,
		customer_note: '',
		billing: address(seed.billing),
		shipping: address(seed.shipping ?? {}),
		line_items: lineItems,
		shipping_lines: [
			{
				id: store.nextLineId++,
				method_id: methodId,
				method_title: methodTitle,
				total: shippingTotal,
			},
		],
		meta_data: [],
		total: (
			lineItems.reduce((sum, line) => sum + Number(line.total), 0) + Number(shippingTotal)
		).toFixed(2),
		shipping_total: shippingTotal,
	};
}

/** Three orders to ship: one of two lines, one whose number is not its id, one with no shipping block (billing only). */
export const SEED_ORDERS: OrderSeed[] = [
	{
		id: 4101,
		date: '2026-11-24T09:10:00',
		billing: {
			first_name: 'Sam',
			last_name: 'Lee',
			address_1: '5 King Street',
			city: 'Newtown',
			state: 'NSW',
			postcode: '2042',
			country: 'AU',
			email: 'sam.lee@example.com',
			phone: '0400 000 001',
		},
		shipping: {
			first_name: 'Sam',
			last_name: 'Lee',
			address_1: '5 King Street',
			city: 'Newtown',
			state: 'NSW',
			postcode: '2042',
			country: 'AU',
			phone: '0400 000 001',
		},
		lines: [
			[501, 2],
			[502, 1],
		],
	},
	{
		id: 4102,
		// A sequential-order-numbers plugin: the number customers see is not the id.
		number: 'W-1002',
		date: '2026-11-24T10:20:00',
		currency: 'NZD',
		billing: {
			first_name: 'Aroha',
			last_name: 'Ngata',
			address_1: '10 Queen Street',
			city: 'Auckland Central',
			state: 'AUK',
			postcode: '1010',
			country: 'NZ',
			email: 'aroha.ngata@example.com',
		},
		shipping: {
			first_name: 'Aroha',
			last_name: 'Ngata',
			company: 'Ngata Design',
			address_1: '10 Queen Street',
			address_2: 'Level 2',
			city: 'Auckland Central',
			state: 'AUK',
			postcode: '1010',
			country: 'NZ',
		},
		lines: [[503, 3]],
		shippingMethod: ['flat_rate', 'International'],
	},
	{
		id: 4103,
		date: '2026-11-24T11:30:00',
		currency: 'GBP',
		// No shipping block: the billing address is where it goes.
		billing: {
			first_name: 'Priya',
			last_name: 'Shah',
			address_1: '221 Baker Street',
			city: 'London',
			postcode: 'NW1 6XE',
			country: 'GB',
			email: 'priya.shah@example.com',
			phone: '+44 20 7946 0000',
		},
		lines: [[504, 2]],
		shippingMethod: ['flat_rate', 'International'],
	},
];

export function seedStore(withOrders = true): WooStore {
	const store: WooStore = {
		orders: [],
		products: structuredClone(PRODUCTS),
		webhooks: [],
		notes: {},
		nextOrderId: 4104,
		nextNoteId: 9001,
		nextWebhookId: 31,
		nextLineId: 101,
	};
	if (withOrders) for (const seed of SEED_ORDERS) store.orders.push(orderOf(store, seed));
	for (const order of store.orders) store.notes[order.id] = [];
	return store;
}

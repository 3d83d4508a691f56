import type { SandboxContact, SandboxOrder, SandboxProduct, SandboxStore } from './types';

/** The demo account: an Australian merchant (AUD), as most Starshipit accounts are AU or NZ. */
export const ACCOUNT = {
	country: 'AU',
	currency: 'AUD',
	carrier: 'AusPost',
	carrierName: 'Australia Post',
};

/** Order numbers and SKUs of the seed, for tests and templates. */
export const SEED = {
	domesticOrder: 'SO-1001',
	internationalOrder: 'SO-1002',
	multiItemOrder: 'SO-1003',
	printedOrder: 'SO-0999',
	deliveredOrder: 'SO-0998',
	productSkus: ['MUG-BLUE', 'TEE-M-BLACK', 'POSTER-A2'],
} as const;

const hoursAgo = (hours: number, now: number) => new Date(now - hours * 3600_000).toISOString();

const sydney = {
	name: 'Jane Citizen',
	email: 'jane@example.com',
	phone: '0400 000 000',
	street: '1 George Street',
	suburb: 'Sydney',
	city: 'Sydney',
	state: 'NSW',
	post_code: '2000',
	country: 'Australia',
};

function order(
	id: number,
	number: string,
	fields: Partial<SandboxOrder>,
	now: number,
): SandboxOrder {
	return {
		order_id: id,
		order_number: number,
		order_date: hoursAgo(2, now),
		reference: `Web ${number}`,
		status: 'Unshipped',
		archived: false,
		currency: ACCOUNT.currency,
		destination: sydney,
		items: [
			{
				item_id: id * 10,
				sku: 'MUG-BLUE',
				description: 'Blue mug',
				quantity: 1,
				value: 19.5,
				weight: 0.4,
			},
		],
		packages: [{ package_id: id * 10, weight: 0.6, height: 0.12, width: 0.15, length: 0.2 }],
		tracking_events: [],
		metadatas: [],
		last_updated_date: hoursAgo(1, now),
		...fields,
	};
}

export function seedStore(now = Date.now()): SandboxStore {
	const orders: SandboxOrder[] = [
		order(1001, SEED.domesticOrder, {}, now),
		order(
			1002,
			SEED.internationalOrder,
			{
				currency: 'NZD',
				destination: {
					name: 'Aroha Smith',
					street: '10 Queen Street',
					suburb: 'Auckland Central',
					city: 'Auckland',
					post_code: '1010',
					country: 'New Zealand',
				},
				items: [
					{
						item_id: 10021,
						sku: 'TEE-M-BLACK',
						description: 'Cotton T-shirt',
						quantity: 2,
						value: 30,
						weight: 0.2,
						tariff_code: '610910',
						country_of_origin: 'Australia',
					},
				],
			},
			now,
		),
		order(
			1003,
			SEED.multiItemOrder,
			{
				items: [
					{
						item_id: 10031,
						sku: 'MUG-BLUE',
						description: 'Blue mug',
						quantity: 2,
						value: 19.5,
						weight: 0.4,
					},
					{
						item_id: 10032,
						sku: 'TEE-M-BLACK',
						description: 'Cotton T-shirt',
						quantity: 1,
						value: 30,
						weight: 0.2,
					},
					{
						item_id: 10033,
						sku: 'POSTER-A2',
						description: 'A2 poster',
						quantity: 3,
						value: 12,
						weight: 0.1,
					},
				],
			},
			now,
		),
		order(
			999,
			SEED.printedOrder,
			{
				status: 'Printed',
				carrier: ACCOUNT.carrier,
				carrier_name: ACCOUNT.carrierName,
				carrier_service_code: 'EXP',
				tracking_number: 'SSI000000999',
				tracking_url: 'https://track.example/SSI000000999',
				tracking_status: 'Printed',
				shipment_date: hoursAgo(1, now),
				tracking_events: [
					{ event_datetime: hoursAgo(1, now), status: 'Printed', details: 'Label printed' },
				],
			},
			now,
		),
		order(
			998,
			SEED.deliveredOrder,
			{
				order_date: hoursAgo(72, now),
				status: 'Shipped',
				carrier: ACCOUNT.carrier,
				carrier_name: ACCOUNT.carrierName,
				carrier_service_code: 'PP',
				tracking_number: 'SSI000000998',
				tracking_url: 'https://track.example/SSI000000998',
				tracking_status: 'Delivered',
				shipment_date: hoursAgo(70, now),
				manifest_number: 'M-1',
				tracking_events: [
					{ event_datetime: hoursAgo(70, now), status: 'Printed', details: 'Label printed' },
					{
						event_datetime: hoursAgo(60, now),
						status: 'InTransit',
						details: 'In transit to Sydney',
					},
					{
						event_datetime: hoursAgo(30, now),
						status: 'Delivered',
						details: 'Delivered to front door',
					},
				],
				last_updated_date: hoursAgo(30, now),
			},
			now,
		),
	];
	const products: SandboxProduct[] = [
		{
			id: 1,
			sku: 'MUG-BLUE',
			title: 'Blue mug',
			weight: 0.4,
			height: 0.1,
			width: 0.1,
			length: 0.1,
			price: 19.5,
			customs_description: 'Ceramic mug',
			hs_code: '691200',
			country: 'Australia',
		},
		{
			id: 2,
			sku: 'TEE-M-BLACK',
			title: 'T-shirt black M',
			weight: 0.2,
			height: 0.02,
			width: 0.25,
			length: 0.3,
			price: 30,
			customs_description: 'Cotton T-shirt',
			hs_code: '610910',
			country: 'Australia',
		},
		{
			id: 3,
			sku: 'POSTER-A2',
			title: 'A2 poster',
			weight: 0.1,
			height: 0.05,
			width: 0.05,
			length: 0.62,
			price: 12,
		},
	];
	const addresses: SandboxContact[] = [
		{
			id: 1,
			code: 'WAREHOUSE-SYD',
			name: 'Sydney Warehouse',
			company: 'Example Store',
			street: '5 Dock Road',
			suburb: 'Botany',
			city: 'Sydney',
			state: 'NSW',
			post_code: '2019',
			country: 'Australia',
			phone: '0200 000 000',
			email: 'warehouse@example.com',
		},
		{
			id: 2,
			code: 'RETURNS-MEL',
			name: 'Returns Desk',
			company: 'Example Store',
			street: '9 Queen Street',
			suburb: 'Melbourne',
			city: 'Melbourne',
			state: 'VIC',
			post_code: '3000',
			country: 'Australia',
		},
	];
	return {
		orders,
		products,
		addresses,
		manifests: [],
		nextOrderId: 2000,
		nextProductId: 100,
		nextManifestId: 1,
		nextTrackingNumber: 1000,
		nextAddressId: 100,
	};
}

/** N extra unshipped orders (for Get Many / Return All and the benchmark). */
export function bulkOrders(store: SandboxStore, count: number, now = Date.now()): void {
	for (let index = 0; index < count; index++) {
		const id = store.nextOrderId++;
		store.orders.push(
			order(
				id,
				`BULK-${id}`,
				{ order_date: hoursAgo(1, now), last_updated_date: hoursAgo(0, now) },
				now,
			),
		);
	}
}

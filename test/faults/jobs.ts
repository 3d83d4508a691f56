import type { IDataObject } from 'n8n-workflow';

import type { NodeRunResult } from '../harness/run-workflow';
import { SEED, type Sandbox } from '../sandbox';

/** What the sandbox holds of one record a job meant to write, and what the node said about it. */
export interface RecordCheck {
	/** Held once, with the values sent. */
	present: boolean;
	/** How many copies the sandbox holds (or, for labels, how many bookings it made). */
	copies: number;
	/** The node said this record was written (no error item, no error that stopped the node). */
	reportedOk: boolean;
}

export interface Job {
	name: string;
	/** The write requests a fault hits. */
	writes: Array<{ method: string; path: string }>;
	/** The node run: its parameters and input; `prepare` sets the sandbox up first. */
	parameters: IDataObject;
	input: IDataObject[];
	prepare?: (sandbox: Sandbox) => void;
	check: (sandbox: Sandbox, result: NodeRunResult) => RecordCheck[];
}

const address = {
	destinationName: 'Sam Lee',
	destinationStreet: '={{ $json.street }}',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	itemsInput: 'none',
};
const NEW_STREET = '9 New Street';
const OLD_STREET = '1 Old Road';

/** Orders already in the sandbox with an old street, as an earlier run left them. */
function seedOrders(sandbox: Sandbox, numbers: string[]) {
	for (const number of numbers) {
		const id = sandbox.store.nextOrderId++;
		sandbox.store.orders.push({
			order_id: id,
			order_number: number,
			order_date: new Date().toISOString(),
			status: 'Unshipped',
			archived: false,
			destination: {
				name: 'Sam Lee',
				street: OLD_STREET,
				suburb: 'Newtown',
				post_code: '2042',
				country: 'Australia',
			},
			items: [],
			packages: [],
			tracking_events: [],
			last_updated_date: new Date(Date.now() - 3600_000).toISOString(),
		});
	}
}

const failed = (json: IDataObject) => json.error !== undefined || json.outcome === 'failed';
const okItem = (result: NodeRunResult, index: number) =>
	!result.error && result.items[index] !== undefined && !failed(result.items[index].json);

/** Order jobs: each number held once with the new street, and the item's order ID the one held. */
function orderChecks(numbers: string[]) {
	return (sandbox: Sandbox, result: NodeRunResult): RecordCheck[] =>
		numbers.map((number, index) => {
			const held = sandbox.store.orders.filter((order) => order.order_number === number);
			const json = result.items[index]?.json ?? {};
			const reportedId = json.order_id ?? (json.order as IDataObject | undefined)?.order_id;
			const present = held.length === 1 && held[0].destination.street === NEW_STREET;
			const reportedOk =
				okItem(result, index) &&
				(reportedId === undefined || String(reportedId) === String(held[0]?.order_id));
			return { present, copies: held.length, reportedOk };
		});
}

const numbers = (prefix: string, count: number) =>
	Array.from({ length: count }, (_, n) => `${prefix}-${n + 1}`);
const orderInput = (list: string[]) => list.map((number) => ({ number, street: NEW_STREET }));

const IMPORT_NEW = numbers('IMP', 6);
const IMPORT_HALF = numbers('HALF', 6);
const UPSERT = ['UPS-1', 'UPS-2'];
const CREATE = numbers('NEW', 2);
const LABELLED = [SEED.domesticOrder, SEED.multiItemOrder];
const SYNCED = [
	{ sku: 'MUG-BLUE', title: 'Blue mug (2026)' },
	{ sku: 'SYNC-NEW-1', title: 'New one' },
	{ sku: 'TEE-M-BLACK', title: 'Black tee (2026)' },
	{ sku: 'SYNC-NEW-2', title: 'New two' },
];
/** Issue 27: failed Imports replayed, half of them updates that never reached Starshipit (the orders hold the old street). */
const REPLAYED = numbers('REP', 8);
const replayOfImport = (number: string) => ({
	replay: {
		resource: 'order',
		operation: 'import',
		parameters: {
			orderNumber: number,
			...address,
			destinationStreet: NEW_STREET,
			updateExisting: true,
		},
	},
});
const SHIPPED = [
	{ number: 'ERP-1', tracking: 'TRK000001' },
	{ number: 'ERP-2', tracking: 'TRK000002' },
];

export const JOBS: Job[] = [
	{
		name: 'Order > Create',
		writes: [{ method: 'POST', path: '/api/orders' }],
		parameters: {
			resource: 'order',
			operation: 'create',
			orderNumber: '={{ $json.number }}',
			...address,
		},
		input: orderInput(CREATE),
		check: orderChecks(CREATE),
	},
	{
		name: 'Order > Import (new orders)',
		writes: [{ method: 'POST', path: '/api/orders/import' }],
		parameters: {
			resource: 'order',
			operation: 'import',
			orderNumber: '={{ $json.number }}',
			...address,
		},
		input: orderInput(IMPORT_NEW),
		check: orderChecks(IMPORT_NEW),
	},
	{
		name: 'Order > Import (half exist)',
		writes: [
			{ method: 'POST', path: '/api/orders/import' },
			{ method: 'PUT', path: '/api/orders/update' },
		],
		parameters: {
			resource: 'order',
			operation: 'import',
			orderNumber: '={{ $json.number }}',
			...address,
		},
		input: orderInput(IMPORT_HALF),
		prepare: (sandbox) =>
			seedOrders(
				sandbox,
				IMPORT_HALF.filter((_number, index) => index % 2 === 0),
			),
		check: orderChecks(IMPORT_HALF),
	},
	{
		name: 'Order > Create or Update',
		writes: [
			{ method: 'POST', path: '/api/orders' },
			{ method: 'PUT', path: '/api/orders' },
		],
		parameters: {
			resource: 'order',
			operation: 'createOrUpdate',
			orderNumber: '={{ $json.number }}',
			...address,
		},
		input: orderInput(UPSERT),
		prepare: (sandbox) => seedOrders(sandbox, [UPSERT[0]]),
		check: orderChecks(UPSERT),
	},
	{
		name: 'Label > Create',
		writes: [{ method: 'POST', path: '/api/orders/shipment' }],
		parameters: {
			resource: 'label',
			operation: 'create',
			order: { __rl: true, mode: 'orderNumber', value: '={{ $json.number }}' },
		},
		input: LABELLED.map((number) => ({ number })),
		check: (sandbox, result) =>
			LABELLED.map((number, index) => {
				const order = sandbox.store.orders.find((row) => row.order_number === number);
				const bookings =
					order?.tracking_events.filter((event) => event.status === 'Printed').length ?? 0;
				const reported = result.items[index]?.json.tracking_number;
				return {
					present: bookings === 1 && Boolean(order?.tracking_number),
					copies: bookings,
					reportedOk: okItem(result, index) && reported === order?.tracking_number,
				};
			}),
	},
	{
		name: 'Product > Sync',
		writes: [
			{ method: 'POST', path: '/api/products' },
			{ method: 'PUT', path: '/api/products/update' },
		],
		parameters: {
			resource: 'product',
			operation: 'sync',
			sku: '={{ $json.sku }}',
			fields: { title: '={{ $json.title }}' },
		},
		input: SYNCED,
		check: (sandbox, result) =>
			SYNCED.map(({ sku, title }, index) => {
				const held = sandbox.store.products.filter((product) => product.sku === sku);
				return {
					present: held.length === 1 && held[0].title === title,
					copies: held.length,
					reportedOk: okItem(result, index),
				};
			}),
	},
	{
		name: 'Failed Request > Replay (Import, half updates)',
		writes: [
			{ method: 'POST', path: '/api/orders/import' },
			{ method: 'PUT', path: '/api/orders/update' },
		],
		parameters: { resource: 'failedRequest', operation: 'replay' },
		input: REPLAYED.map(replayOfImport),
		prepare: (sandbox) =>
			seedOrders(
				sandbox,
				REPLAYED.filter((_number, index) => index % 2 === 0),
			),
		check: orderChecks(REPLAYED),
	},
	{
		name: 'Order > Mark as Shipped',
		writes: [{ method: 'POST', path: '/api/orders/shipped' }],
		parameters: {
			resource: 'order',
			operation: 'markShipped',
			orderNumber: '={{ $json.number }}',
			recipientName: 'Sam Lee',
			carrier: 'AusPost',
			trackingNumber: '={{ $json.tracking }}',
			country: 'Australia',
			postCode: '2042',
		},
		input: SHIPPED,
		check: (sandbox, result) =>
			SHIPPED.map(({ number, tracking }, index) => {
				const held = sandbox.store.orders.filter(
					(order) => order.order_number === number && order.tracking_only,
				);
				return {
					present: held.length === 1 && held[0].tracking_number === tracking,
					copies: held.length,
					reportedOk: okItem(result, index),
				};
			}),
	},
];

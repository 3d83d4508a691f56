/** The benchmark's workflows: our node against n8n's HTTP Request node set up as a careful user would. */
import { SANDBOX_CREDENTIAL } from '../test/e2e/workspace';

const credentials = { starshipitApi: SANDBOX_CREDENTIAL };
const manual = {
	id: 'm',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function chain(id: string, name: string, nodes: any[]) {
	const all = [manual, ...nodes];
	const connections = Object.fromEntries(
		all
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	return {
		id,
		name,
		nodes: all,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * N orders as items, built in n8n itself so that the input costs the same for both sides; numbers from `first` on.
 * With `lines`, each order also has that many WooCommerce-style `line_items` (see lineItem).
 */
function orders(count: number, prefix: string, first = 0, lines = 0) {
	const items = lines
		? `, line_items: Array.from({ length: ${lines} }, (_, l) => ({ sku: 'SKU-' + (l + 1), name: 'Thing ' + (l + 1), quantity: l + 1, price: l + 1.5 }))`
		: '';
	return [
		{
			id: 'o',
			name: 'Orders',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				mode: 'raw',
				jsonOutput: `={{ { orders: Array.from({ length: ${count} }, (_, n) => ({ number: '${prefix}-' + (n + ${first})${items} })) } }}`,
				options: {},
			},
		},
		{
			id: 's',
			name: 'One per order',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'orders', options: {} },
		},
	];
}

/** Line `l` (from 0) of every order of the list benches, as WooCommerce gives a line item; the same in n8n's Set node above. */
export const lineItem = (l: number) => ({
	sku: `SKU-${l + 1}`,
	name: `Thing ${l + 1}`,
	quantity: l + 1,
	price: l + 1.5,
});

/** N orders of `lines` lines as input items (`{ number, line_items }`), for the harness (bench/cpu.ts). */
export const listOrders = (prefix: string, count: number, lines: number) =>
	Array.from({ length: count }, (_, n) => ({
		number: `${prefix}-${n}`,
		line_items: Array.from({ length: lines }, (_line, l) => lineItem(l)),
	}));

const destination = {
	destinationName: 'Bench',
	destinationStreet: '1 Test St',
	destinationSuburb: 'Sydney',
	destinationCountry: 'Australia',
	destinationPostCode: '2000',
};

/** Order > Import of N orders without lines (Items From: No Lines); `again` imports the numbers of an earlier run (from `first` on) with a new street. */
export function importWithNode(
	id: string,
	count: number,
	again?: { prefix: string; first: number; street: string },
) {
	const address = again ? { ...destination, destinationStreet: again.street } : destination;
	return chain(id, `bench ${id}`, [
		...orders(count, again?.prefix ?? id, again?.first ?? 0),
		{
			id: 'i',
			name: 'Import',
			type: 'n8n-nodes-starshipit.starshipit',
			typeVersion: 1,
			position: [600, 0],
			credentials,
			parameters: {
				resource: 'order',
				operation: 'import',
				orderNumber: '={{ $json.number }}',
				...address,
				itemsInput: 'none',
				items: {},
				packages: {},
				additionalFields: {},
			},
		},
	]);
}

/** Order > Import's fields with the lines read from each item's list (Items From: A List in the Input). */
export const listImportFields = {
	orderNumber: '={{ $json.number }}',
	...destination,
	itemsInput: 'list',
	itemsList: '={{ $json.line_items }}',
	packages: {},
	additionalFields: {},
};

/** Order > Import of N orders of `lines` lines each, the lines mapped with one list expression. */
export function importListWithNode(id: string, count: number, lines: number) {
	return chain(id, `bench ${id}`, [
		...orders(count, id, 0, lines),
		{
			id: 'i',
			name: 'Import',
			type: 'n8n-nodes-starshipit.starshipit',
			typeVersion: 1,
			position: [600, 0],
			credentials,
			parameters: { resource: 'order', operation: 'import', ...listImportFields },
		},
	]);
}

/** The HTTP Request node, one request per item, with its own batching at the rate and retry on fail. */
export function importWithHttpNode(id: string, count: number, ratePerSecond: number) {
	return chain(id, `bench ${id}`, [
		...orders(count, id),
		{
			id: 'h',
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [600, 0],
			credentials,
			retryOnFail: true,
			maxTries: 5,
			waitBetweenTries: 1000,
			onError: 'continueRegularOutput',
			parameters: {
				method: 'POST',
				url: 'BASE_URL/api/orders',
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'starshipitApi',
				sendBody: true,
				specifyBody: 'json',
				jsonBody:
					'={{ JSON.stringify({ order: { order_number: $json.number, destination: { name: "Bench", street: "1 Test St", suburb: "Sydney", country: "Australia", post_code: "2000" } } }) }}',
				options: { batching: { batch: { batchSize: ratePerSecond, batchInterval: 1000 } } },
			},
		},
	]);
}

export function getAllWithNode(id: string) {
	return chain(id, `bench ${id}`, [
		{
			id: 'g',
			name: 'Get Many',
			type: 'n8n-nodes-starshipit.starshipit',
			typeVersion: 1,
			position: [200, 0],
			credentials,
			parameters: {
				resource: 'order',
				operation: 'getMany',
				status: 'all',
				returnAll: true,
				simplify: false,
			},
		},
	]);
}

/** The HTTP Request node's own pagination over the paged order list. */
export function getAllWithHttpNode(id: string) {
	return chain(id, `bench ${id}`, [
		{
			id: 'h',
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [200, 0],
			credentials,
			retryOnFail: true,
			maxTries: 5,
			waitBetweenTries: 1000,
			parameters: {
				method: 'GET',
				url: 'BASE_URL/api/orders',
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'starshipitApi',
				sendQuery: true,
				queryParameters: {
					parameters: [
						{ name: 'status', value: 'All' },
						{ name: 'page_size', value: '500' },
					],
				},
				options: {
					pagination: {
						pagination: {
							parameters: { parameters: [{ name: 'page_number', value: '={{ $pageCount + 1 }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.data.orders.length < 500 }}',
							limitPagesFetched: false,
						},
					},
				},
			},
		},
	]);
}

/** Per-item overhead: the same GET for each of N items, no rate limit. */
export function perItem(id: string, count: number, http: boolean) {
	const request = http
		? {
				id: 'h',
				name: 'Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [600, 0],
				credentials,
				parameters: {
					method: 'GET',
					url: 'BASE_URL/api/track',
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'starshipitApi',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'tracking_number', value: 'SSI000000999' }] },
					options: {},
				},
			}
		: {
				id: 'n',
				name: 'Request',
				type: 'n8n-nodes-starshipit.starshipit',
				typeVersion: 1,
				position: [600, 0],
				credentials,
				parameters: {
					resource: 'tracking',
					operation: 'get',
					lookupBy: 'trackingNumber',
					trackingNumber: 'SSI000000999',
					output: 'shipment',
				},
			};
	return chain(id, `bench ${id}`, [...orders(count, id), request]);
}

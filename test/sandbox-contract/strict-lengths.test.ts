import { request } from 'undici';

import { expectDeviations } from '../harness/deviations';
import { useSandbox } from '../harness/use-sandbox';
import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from '../sandbox';
import { checkRequest } from '../sandbox/strict/check';

/**
 * The strict sandbox and the documented maximum lengths (starshipit-api-details.md §3.2:
 * CreateOrder, Address "max 100 unless stated", Item): a value exactly at the maximum passes, one
 * character more is a deviation, on the single create, the import and the update alike.
 */
const SAMPLE_DESTINATION = {
	name: 'John Doe',
	street: '1 Test Street',
	suburb: 'Melbourne',
	state: 'VIC',
	post_code: '3000',
	country: 'Australia',
};
const SAMPLE_ITEM = {
	description: 'Mobile Phone',
	sku: '123456',
	quantity: 1,
	weight: 0.4,
	value: 125,
};
const SAMPLE_ORDER = {
	order_number: 'WEB-1001',
	destination: SAMPLE_DESTINATION,
	items: [SAMPLE_ITEM],
};

type Place = 'order' | 'destination' | 'sender_details' | 'items';
/** [where the field sits, its name, the documented maximum] */
const LIMITS: Array<[Place, string, number]> = [
	['order', 'order_number', 50],
	['order', 'reference', 50],
	['order', 'shipping_method', 100],
	['order', 'shipping_description', 100],
	['order', 'currency', 3],
	...[
		'name',
		'email',
		'phone',
		'building',
		'company',
		'street',
		'suburb',
		'city',
		'state',
		'country',
	].map((field): [Place, string, number] => ['destination', field, 100]),
	['destination', 'post_code', 10],
	['destination', 'delivery_instructions', 100],
	['destination', 'tax_number', 20],
	['sender_details', 'street', 100],
	['sender_details', 'post_code', 10],
	['items', 'sku', 50],
	['items', 'tariff_code', 18],
	['items', 'country_of_origin', 50],
];

function orderWith(place: Place, field: string, value: string): Record<string, unknown> {
	if (place === 'order') return { ...SAMPLE_ORDER, [field]: value };
	if (place === 'items') return { ...SAMPLE_ORDER, items: [{ ...SAMPLE_ITEM, [field]: value }] };
	return { ...SAMPLE_ORDER, [place]: { ...SAMPLE_DESTINATION, [field]: value } };
}

const ENDPOINTS = [
	{
		name: 'create',
		method: 'POST',
		path: '/api/orders',
		body: (order: object) => ({ order }),
		at: 'order',
	},
	{
		name: 'import',
		method: 'POST',
		path: '/api/orders/import',
		body: (order: object) => ({ orders: [order] }),
		at: 'orders[]',
	},
	{
		name: 'update',
		method: 'PUT',
		path: '/api/orders',
		body: (order: object) => ({ order: { ...order, order_id: 712619554 } }),
		at: 'order',
	},
] as const;

/** The value as the checker shows it: as JSON, cut after 57 characters. */
const shown = (length: number) =>
	length + 2 > 60 ? `"${'x'.repeat(56)}...` : `"${'x'.repeat(length)}"`;
const whats = (method: string, path: string, body: unknown) =>
	checkRequest({ method, path, query: new URLSearchParams(), body }).map(
		(deviation) => `${deviation.kind} ${deviation.what}${deviation.refused ? ' [refused]' : ''}`,
	);

describe.each(ENDPOINTS)('$name ($method $path)', ({ method, path, body, at }) => {
	test.each(LIMITS)('%s.%s: %i characters pass, one more is a deviation', (place, field, max) => {
		expect(whats(method, path, body(orderWith(place, field, 'x'.repeat(max))))).toEqual([]);
		const where =
			place === 'order'
				? `${at}.${field}`
				: place === 'items'
					? `${at}.items[].${field}`
					: `${at}.${place}.${field}`;
		expect(whats(method, path, body(orderWith(place, field, 'x'.repeat(max + 1))))).toEqual([
			`value ${where}=${shown(max + 1)}: longer than the documented ${max} characters`,
		]);
	});
});

describe('in the sandbox', () => {
	const { sandbox } = useSandbox();

	test('an over-long street is recorded as a deviation (and the test that sends one fails unless it says so)', async () => {
		expectDeviations(sandbox, {
			method: 'POST',
			path: '/api/orders',
			kind: 'value',
			what: 'order.destination.street="',
		});
		const answer = await request(`${sandbox.url}/api/orders`, {
			method: 'POST',
			headers: {
				'starshipit-api-key': SANDBOX_API_KEY,
				'ocp-apim-subscription-key': SANDBOX_SUBSCRIPTION_KEY,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ order: orderWith('destination', 'street', 'S'.repeat(101)) }),
		});
		await answer.body.json();
		expect(sandbox.deviations).toEqual([
			expect.objectContaining({
				kind: 'value',
				what: expect.stringContaining('longer than the documented 100 characters'),
				refused: false,
			}),
		]);
	});
});

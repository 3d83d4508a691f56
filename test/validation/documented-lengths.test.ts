import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

/**
 * The documented maximum lengths (starshipit-api-details.md §3.2: CreateOrder, Address "max 100
 * unless stated", Item), through every operation that writes an order. One character over: an item
 * error on each of two items naming the item and the field as the editor labels it, and nothing is
 * sent. Exactly at the maximum: the value is sent, and the strict sandbox records no deviation.
 * (Packages carry only numbers; the notes give products no text limits.)
 */
const { sandbox, credentials } = useSandbox();

interface LengthCase {
	operation: string;
	/** The field as the editor labels it. */
	label: string;
	/** The documented maximum. */
	max: number;
	parameters: (mapped: string) => IDataObject;
	/** A value of exactly this length that is otherwise valid (default: letters). */
	sample?: (length: number) => string;
}

const MAPPED = '={{ $json.value }}';
const letters = (length: number) => 'x'.repeat(length);
const email = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;
const digits = (length: number) => '6'.repeat(length);

const newOrder = (change: IDataObject = {}) => ({
	resource: 'order',
	orderNumber: 'LEN-1',
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'AU',
	items: { item: [{ description: 'Mug', quantity: 1, value: 10 }] },
	...change,
});
const create = (change: IDataObject) => ({ ...newOrder(change), operation: 'create' });
const extra = (field: string) => (mapped: string) =>
	create({ additionalFields: { [field]: mapped } });
const withItem = (change: IDataObject) => ({
	items: { item: [{ description: 'Mug', quantity: 1, value: 10, ...change }] },
});
const byNumber = (value: string) => ({ __rl: true, mode: 'orderNumber', value });
const update = (change: IDataObject) => ({
	resource: 'order',
	operation: 'update',
	order: byNumber(SEED.domesticOrder),
	verify: false,
	updateFields: change,
});

const cases: LengthCase[] = [
	// Order > Create: the destination (Address: max 100 unless stated)
	{
		operation: 'Order > create',
		label: 'Recipient Name',
		max: 100,
		parameters: (mapped) => create({ destinationName: mapped }),
	},
	{
		operation: 'Order > create',
		label: 'Street',
		max: 100,
		parameters: (mapped) => create({ destinationStreet: mapped }),
	},
	{
		operation: 'Order > create',
		label: 'Suburb',
		max: 100,
		parameters: (mapped) => create({ destinationSuburb: mapped }),
	},
	{
		operation: 'Order > create',
		label: 'City',
		max: 100,
		parameters: (mapped) => create({ destinationCity: mapped }),
	},
	{
		operation: 'Order > create',
		label: 'State',
		max: 100,
		parameters: (mapped) => create({ destinationState: mapped }),
	},
	{ operation: 'Order > create', label: 'Company', max: 100, parameters: extra('company') },
	{ operation: 'Order > create', label: 'Building', max: 100, parameters: extra('building') },
	{
		operation: 'Order > create',
		label: 'Email',
		max: 100,
		parameters: extra('email'),
		sample: email,
	},
	{
		operation: 'Order > create',
		label: 'Delivery Instructions',
		max: 100,
		parameters: extra('delivery_instructions'),
	},
	// Order > Create: the order's own fields
	{
		operation: 'Order > create',
		label: 'Order Number',
		max: 50,
		parameters: (mapped) => create({ orderNumber: mapped }),
	},
	{ operation: 'Order > create', label: 'Reference', max: 50, parameters: extra('reference') },
	{
		operation: 'Order > create',
		label: 'Shipping Method',
		max: 100,
		parameters: extra('shipping_method'),
	},
	{
		operation: 'Order > create',
		label: 'Shipping Description',
		max: 100,
		parameters: extra('shipping_description'),
	},
	// Order > Create: the items
	{
		operation: 'Order > create',
		label: 'SKU',
		max: 50,
		parameters: (mapped) => create(withItem({ sku: mapped })),
	},
	{
		operation: 'Order > create',
		label: 'Tariff Code',
		max: 18,
		parameters: (mapped) => create(withItem({ tariff_code: mapped })),
		sample: digits,
	},
	// The same rules on the other ways in
	{
		operation: 'Order > import',
		label: 'Street',
		max: 100,
		parameters: (mapped) => ({ ...newOrder({ destinationStreet: mapped }), operation: 'import' }),
	},
	{
		operation: 'Order > import',
		label: 'SKU',
		max: 50,
		parameters: (mapped) => ({ ...newOrder(withItem({ sku: mapped })), operation: 'import' }),
	},
	{
		operation: 'Order > createOrUpdate',
		label: 'Reference',
		max: 50,
		parameters: (mapped) => ({
			...newOrder({ additionalFields: { reference: mapped } }),
			operation: 'createOrUpdate',
		}),
	},
	{
		operation: 'Order > createOrUpdate',
		label: 'Delivery Instructions',
		max: 100,
		parameters: (mapped) => ({
			...newOrder({ additionalFields: { delivery_instructions: mapped } }),
			operation: 'createOrUpdate',
		}),
	},
	{
		operation: 'Order > update',
		label: 'Street',
		max: 100,
		parameters: (mapped) => update({ street: mapped }),
	},
	{
		operation: 'Order > update',
		label: 'Delivery Instructions',
		max: 100,
		parameters: (mapped) => update({ delivery_instructions: mapped }),
	},
	{
		operation: 'Order > update',
		label: 'Reference',
		max: 50,
		parameters: (mapped) => update({ reference: mapped }),
	},
	{
		operation: 'Order > update',
		label: 'Shipping Description',
		max: 100,
		parameters: (mapped) => update({ shipping_description: mapped }),
	},
	{
		operation: 'Order > update',
		label: 'SKU',
		max: 50,
		parameters: (mapped) => update(withItem({ sku: mapped })),
	},
	{
		operation: 'Label > create',
		label: 'Street',
		max: 100,
		parameters: (mapped) => ({
			resource: 'label',
			operation: 'create',
			order: byNumber(SEED.domesticOrder),
			orderChanges: { street: mapped },
		}),
	},
];

/** The error text of an output item (the JSON Continue On Fail leaves, or Import's failed outcome). */
const errorText = (item: INodeExecutionData | undefined) =>
	`${String(item?.json.error ?? '')}\n${String(item?.json.description ?? '')}`;

const run = async (entry: LengthCase, length: number, count: number) =>
	await runNode({
		parameters: entry.parameters(MAPPED),
		input: Array.from({ length: count }, () => ({ value: (entry.sample ?? letters)(length) })),
		credentials: credentials(),
		continueOnFail: true,
	});

describe.each(
	cases.map(
		(entry) => [`${entry.operation}: ${entry.label} (at most ${entry.max})`, entry] as const,
	),
)('%s', (_name, entry) => {
	test('one character over: both items get an error naming the item, the field and the limit; nothing is sent', async () => {
		const { items, error } = await run(entry, entry.max + 1, 2);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		items.forEach((item, index) => {
			const text = errorText(item);
			expect(text).toContain(`item ${index + 1}`);
			expect(text).toContain(`${entry.label}: must be at most ${entry.max} characters`);
			expect(item.pairedItem).toEqual({ item: index });
		});
		expect(sandbox.requests).toEqual([]);
	});

	// The strict sandbox fails this test if the value sent is longer than the notes document.
	test('exactly at the maximum: accepted and sent', async () => {
		const { items, error } = await run(entry, entry.max, 1);
		expect(error).toBeUndefined();
		expect(errorText(items[0]).trim()).toBe('');
		expect(sandbox.requests.some((request) => request.method !== 'GET')).toBe(true);
	});
});

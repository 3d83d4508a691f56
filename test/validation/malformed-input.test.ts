import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

/**
 * The malformed-input corpus (issue 12): values a user maps through expressions that Starshipit
 * must never receive. Each case runs the operation on TWO input items that both carry the bad
 * value, with Continue On Fail, and expects: one error item per input item, each naming its item
 * (1-based) and the field as the editor labels it, and not one request at the sandbox.
 * (Duplicate order numbers in one batch are the Import work's own suite.)
 */
const { sandbox } = useSandbox();

/** A bad value: put in the input items (`value`), or, for what JSON cannot carry, written as the expression itself. */
interface Bad {
	name: string;
	value?: unknown;
	expression?: string;
}
const bad = (name: string, value: unknown): Bad => ({ name, value });
const written = (name: string, expression: string): Bad => ({ name, expression });

const MISSING: Bad = { name: 'missing' };
const EMPTY = bad('empty', '');
const BLANK = bad('only spaces', '   ');
const NULL = bad('null', null);
const OBJECT = bad('an object', { number: 1001 });
const LIST = bad('a list', [1001, 1002]);
const TRUE = bad('true', true);
const FALSE = bad('false', false);
const NAN = written('NaN', '={{ Number("x") }}');
const INFINITE = written('Infinity', '={{ 1 / 0 }}');
const HUGE_TEXT = bad('5,000 characters', 'x'.repeat(5000));
const PLACEHOLDERS = [
	bad('the text "undefined"', 'undefined'),
	bad('the text "null"', 'null'),
	bad('the text "[object Object]"', '[object Object]'),
	bad('the text "NaN"', 'NaN'),
];
const HOSTILE = [bad('two lines', '1001\n1002'), bad('a control character', 'SO\u00001001')];
/** Control characters no one types into a text field (tab and line breaks are allowed: delivery instructions hold them). */
const CONTROL = [
	bad('a NUL character', 'Sam\u0000Lee'),
	bad('an escape character', 'Sam\u001bLee'),
	bad('a DEL character', 'Sam\u007fLee'),
	bad('a C1 control character', 'Sam\u0085Lee'),
];

/** Per kind of field, the values that must be refused. */
const KINDS = {
	identity: [
		MISSING,
		EMPTY,
		BLANK,
		NULL,
		OBJECT,
		LIST,
		TRUE,
		FALSE,
		NAN,
		bad('a fraction', 1001.5),
		bad('a number beyond exact', 1e20),
		HUGE_TEXT,
		...PLACEHOLDERS,
		...HOSTILE,
	],
	requiredText: [
		MISSING,
		EMPTY,
		BLANK,
		NULL,
		OBJECT,
		LIST,
		TRUE,
		NAN,
		HUGE_TEXT,
		...PLACEHOLDERS,
		...CONTROL,
	],
	optionalText: [
		OBJECT,
		LIST,
		TRUE,
		NAN,
		HUGE_TEXT,
		bad('the text "[object Object]"', '[object Object]'),
		...CONTROL.slice(0, 2),
	],
	number: [
		OBJECT,
		LIST,
		TRUE,
		NAN,
		INFINITE,
		bad('a word', 'heavy'),
		bad('negative', -5),
		bad('huge', 1e15),
	],
	quantity: [
		MISSING,
		NULL,
		OBJECT,
		LIST,
		TRUE,
		NAN,
		bad('zero', 0),
		bad('negative', -1),
		bad('a fraction', 1.5),
		bad('huge', 1e15),
		bad('a word', 'two'),
	],
	date: [
		bad('30 February', '2026-02-30'),
		bad('"0"', '0'),
		bad('"5"', '5'),
		bad('"Order 7"', 'Order 7'),
		bad('month 13', '2026-13-01'),
		bad('hour 25', '2026-11-25T25:00:00Z'),
		bad('a number', 5),
		OBJECT,
		LIST,
		TRUE,
	],
	country: [
		bad('XX', 'XX'),
		bad('12', '12'),
		bad('Atlantis', 'Atlantis'),
		bad('Nu Zeeland', 'Nu Zeeland'),
		bad('a number', 5),
		OBJECT,
		LIST,
		TRUE,
	],
	requiredCountry: [
		MISSING,
		NULL,
		bad('XX', 'XX'),
		bad('12', '12'),
		bad('Atlantis', 'Atlantis'),
		bad('Nu Zeeland', 'Nu Zeeland'),
		OBJECT,
		LIST,
		TRUE,
	],
	limit: [
		bad('-5', -5),
		bad('"ten"', 'ten'),
		bad('0', 0),
		bad('a fraction', 2.5),
		NULL,
		OBJECT,
		TRUE,
	],
	postCode: [
		MISSING,
		NULL,
		OBJECT,
		LIST,
		TRUE,
		bad('punctuation', '20;00'),
		bad('too long', '12345678901'),
	],
} satisfies Record<string, Bad[]>;

interface Case {
	operation: string;
	/** The field as the editor labels it, as it must appear in the error. */
	label: string;
	bad: Bad;
	parameters: (mapped: string) => IDataObject;
}

const MAPPED = '={{ $json.value }}';
const cases: Case[] = [];
const add = (
	operation: string,
	label: string,
	values: Bad[],
	parameters: (mapped: string) => IDataObject,
) => {
	for (const value of values) cases.push({ operation, label, bad: value, parameters });
};
const byNumber = (value: string) => ({ __rl: true, mode: 'orderNumber', value });

// Orders
const order = { resource: 'order' };
const newOrder = (change: IDataObject = {}) => ({
	...order,
	orderNumber: 'WEB-1',
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'AU',
	items: { item: [{ description: 'Mug', quantity: 1, value: 10 }] },
	...change,
});
const withItem = (change: IDataObject) => ({
	items: { item: [{ description: 'Mug', quantity: 1, value: 10, ...change }] },
});
for (const operation of ['create', 'createOrUpdate', 'import']) {
	add(
		`Order > ${operation}`,
		'Order Number',
		operation === 'create' ? KINDS.identity : KINDS.identity.slice(0, 9),
		(mapped) => ({ ...newOrder({ orderNumber: mapped }), operation }),
	);
}
add('Order > create', 'Recipient Name', KINDS.requiredText, (mapped) => ({
	...newOrder({ destinationName: mapped }),
	operation: 'create',
}));
add('Order > create', 'Street', KINDS.requiredText.slice(0, 6), (mapped) => ({
	...newOrder({ destinationStreet: mapped }),
	operation: 'create',
}));
add('Order > create', 'Suburb', KINDS.requiredText.slice(3, 8), (mapped) => ({
	...newOrder({ destinationSuburb: mapped }),
	operation: 'create',
}));
add('Order > create', 'Country', KINDS.requiredCountry, (mapped) => ({
	...newOrder({ destinationCountry: mapped }),
	operation: 'create',
}));
add('Order > create', 'Post Code', KINDS.postCode.slice(2), (mapped) => ({
	...newOrder({ destinationPostCode: mapped }),
	operation: 'create',
}));
add('Order > create', 'Quantity', KINDS.quantity, (mapped) => ({
	...newOrder(withItem({ quantity: mapped })),
	operation: 'create',
}));
add('Order > create', 'Value', KINDS.number, (mapped) => ({
	...newOrder(withItem({ value: mapped })),
	operation: 'create',
}));
add('Order > create', 'Country Of Origin', KINDS.country, (mapped) => ({
	...newOrder(withItem({ country_of_origin: mapped })),
	operation: 'create',
}));
add('Order > create', 'Weight', KINDS.number, (mapped) => ({
	...newOrder({ packages: { package: [{ weight: mapped }] } }),
	operation: 'create',
}));
add('Order > create', 'Order Date', KINDS.date, (mapped) => ({
	...newOrder({ additionalFields: { order_date: mapped } }),
	operation: 'create',
}));
add('Order > create', 'Company', KINDS.optionalText, (mapped) => ({
	...newOrder({ additionalFields: { company: mapped } }),
	operation: 'create',
}));
add('Order > create', 'Your Country', KINDS.country.slice(0, 4), (mapped) => ({
	...newOrder({ additionalFields: { homeCountry: mapped } }),
	operation: 'create',
}));
add('Order > import', 'Country', KINDS.requiredCountry.slice(2, 6), (mapped) => ({
	...newOrder({ destinationCountry: mapped }),
	operation: 'import',
}));
add('Order > update', 'Country', KINDS.country.slice(0, 4), (mapped) => ({
	...order,
	operation: 'update',
	order: byNumber(SEED.domesticOrder),
	updateFields: { country: mapped },
}));
for (const operation of ['get', 'update', 'delete', 'archive', 'restore']) {
	add(
		`Order > ${operation}`,
		'Order',
		operation === 'get' ? KINDS.identity : [MISSING, NULL, OBJECT, LIST],
		(mapped) => ({
			...order,
			operation,
			order: byNumber(mapped),
			updateFields: { city: 'Sydney' },
		}),
	);
}
add('Order > getMany', 'Limit', KINDS.limit, (mapped) => ({
	...order,
	operation: 'getMany',
	status: 'unshipped',
	returnAll: false,
	limit: mapped,
}));
add('Order > getMany', 'Since', KINDS.date, (mapped) => ({
	...order,
	operation: 'getMany',
	status: 'unshipped',
	returnAll: true,
	since: mapped,
}));
add('Order > getMany', 'Country', KINDS.country.slice(0, 4), (mapped) => ({
	...order,
	operation: 'getMany',
	status: 'all',
	returnAll: true,
	filters: { country: mapped },
}));
add('Order > search', 'Search For', KINDS.requiredText, (mapped) => ({
	...order,
	operation: 'search',
	phrase: mapped,
	fields: 'All',
	searchStatus: 'All',
	returnAll: true,
}));
add('Order > search', 'Limit', KINDS.limit.slice(0, 3), (mapped) => ({
	...order,
	operation: 'search',
	phrase: 'SO',
	fields: 'All',
	searchStatus: 'All',
	returnAll: false,
	limit: mapped,
}));
add('Order > getDelivered', 'Order Number or Reference', KINDS.identity.slice(0, 9), (mapped) => ({
	...order,
	operation: 'getDelivered',
	orderRef: mapped,
}));
add('Order > getPrinted', 'Printed Since', KINDS.date.slice(0, 5), (mapped) => ({
	...order,
	operation: 'getPrinted',
	returnAll: true,
	since: mapped,
}));
add('Order > getPrinted', 'Limit', KINDS.limit.slice(0, 3), (mapped) => ({
	...order,
	operation: 'getPrinted',
	returnAll: false,
	limit: mapped,
}));
const shipment = (change: IDataObject) => ({
	...order,
	operation: 'markShipped',
	orderNumber: 'ERP-1',
	recipientName: 'Sam Lee',
	carrier: 'AusPost',
	trackingNumber: '33ABC',
	country: 'Australia',
	postCode: '2042',
	...change,
});
add('Order > markShipped', 'Order Number', KINDS.identity.slice(0, 12), (mapped) =>
	shipment({ orderNumber: mapped }),
);
add('Order > markShipped', 'Tracking Number', KINDS.identity.slice(0, 12), (mapped) =>
	shipment({ trackingNumber: mapped }),
);
add(
	'Order > markShipped',
	'Carrier',
	[...KINDS.identity.slice(0, 7), bad('a full name', 'Australia Post')],
	(mapped) => shipment({ carrier: mapped }),
);
add('Order > markShipped', 'Country', KINDS.requiredCountry, (mapped) =>
	shipment({ country: mapped }),
);
add('Order > markShipped', 'Post Code', KINDS.postCode, (mapped) => shipment({ postCode: mapped }));
add(
	'Order > markShipped',
	'Recipient Name',
	[...KINDS.requiredText.slice(0, 6), ...CONTROL],
	(mapped) => shipment({ recipientName: mapped }),
);
add('Order > create', 'Delivery Instructions', CONTROL, (mapped) => ({
	...newOrder({ additionalFields: { delivery_instructions: mapped } }),
	operation: 'create',
}));
const carrierChange = (change: IDataObject) => ({
	...order,
	operation: 'setCarrier',
	orderId: '101',
	carrierId: '9',
	serviceCode: 'EXP',
	...change,
});
add(
	'Order > setCarrier',
	'Order ID',
	[...KINDS.identity.slice(0, 8), bad('a word', 'first')],
	(mapped) => carrierChange({ orderId: mapped }),
);
add(
	'Order > setCarrier',
	'Carrier ID',
	[...KINDS.identity.slice(0, 8), bad('a carrier name', 'AusPost')],
	(mapped) => carrierChange({ carrierId: mapped }),
);
add('Order > setCarrier', 'Service Code', KINDS.identity.slice(0, 12), (mapped) =>
	carrierChange({ serviceCode: mapped }),
);

// Labels and manifests
const label = { resource: 'label' };
add('Label > create', 'Order', KINDS.identity.slice(0, 9), (mapped) => ({
	...label,
	operation: 'create',
	order: byNumber(mapped),
}));
add('Label > create', 'Carrier', KINDS.optionalText, (mapped) => ({
	...label,
	operation: 'create',
	order: byNumber(SEED.domesticOrder),
	carrier: mapped,
}));
add('Label > create', 'Service Code', KINDS.optionalText.slice(0, 4), (mapped) => ({
	...label,
	operation: 'create',
	order: byNumber(SEED.domesticOrder),
	carrierServiceCode: mapped,
}));
add('Label > create', 'Weight', KINDS.number, (mapped) => ({
	...label,
	operation: 'create',
	order: byNumber(SEED.domesticOrder),
	packages: { package: [{ weight: mapped }] },
}));
add('Label > create', 'Your Country', KINDS.country.slice(0, 4), (mapped) => ({
	...label,
	operation: 'create',
	order: byNumber(SEED.domesticOrder),
	homeCountry: mapped,
}));
add('Label > reprint', 'Order', [MISSING, NULL, OBJECT, LIST, TRUE], (mapped) => ({
	...label,
	operation: 'reprint',
	order: byNumber(mapped),
}));
add('Label > createReturn', 'Order', [MISSING, NULL, OBJECT, LIST, TRUE], (mapped) => ({
	...label,
	operation: 'createReturn',
	order: byNumber(mapped),
}));
add(
	'Manifest > create',
	'Order ID',
	[
		...KINDS.identity.slice(0, 9),
		bad('an order number', 'SO-1001'),
		bad('zero', 0),
		bad('"0"', '0'),
		bad('huge', 1e15),
		bad('"1e15" as digits', '1000000000000000'),
	],
	(mapped) => ({
		resource: 'manifest',
		operation: 'create',
		manifestBy: 'orders',
		orderId: mapped,
	}),
);
add('Manifest > getMany', 'Limit', KINDS.limit.slice(0, 4), (mapped) => ({
	resource: 'manifest',
	operation: 'getMany',
	returnAll: false,
	limit: mapped,
}));

// Rates
const rates = (change: IDataObject) => ({
	resource: 'rate',
	operation: 'getRates',
	postCode: '2000',
	countryCode: 'AU',
	packages: { package: [{ weight: 1 }] },
	...change,
});
add('Rate > getRates', 'Country', KINDS.requiredCountry, (mapped) =>
	rates({ countryCode: mapped }),
);
add('Rate > getRates', 'Post Code', KINDS.postCode, (mapped) => rates({ postCode: mapped }));
add('Rate > getRates', 'Weight', [...KINDS.number, bad('zero', 0)].slice(1), (mapped) =>
	rates({ packages: { package: [{ weight: mapped }] } }),
);
add(
	'Rate > getRates',
	'Max Results',
	[bad('negative', -1), bad('a fraction', 1.5), bad('a word', 'three'), OBJECT],
	(mapped) => rates({ options: { maxResults: mapped } }),
);
add('Rate > getRates', 'Country', KINDS.country.slice(0, 4), (mapped) =>
	rates({ sender: { country_code: mapped } }),
);
add('Rate > getRatesForOrder', 'Order', [MISSING, NULL, OBJECT, LIST], (mapped) => ({
	resource: 'rate',
	operation: 'getRatesForOrder',
	order: byNumber(mapped),
}));

// Products
const product = { resource: 'product' };
add('Product > create', 'SKU', KINDS.identity, (mapped) => ({
	...product,
	operation: 'create',
	sku: mapped,
	title: 'Mug',
}));
add('Product > create', 'Weight', KINDS.number, (mapped) => ({
	...product,
	operation: 'create',
	sku: 'MUG-1',
	additionalFields: { weight: mapped },
}));
add('Product > create', 'Country', KINDS.country, (mapped) => ({
	...product,
	operation: 'create',
	sku: 'MUG-1',
	additionalFields: { country: mapped },
}));
add('Product > create', 'Price', KINDS.number, (mapped) => ({
	...product,
	operation: 'create',
	sku: 'MUG-1',
	additionalFields: { price: mapped },
}));
add('Product > sync', 'Price', KINDS.number, (mapped) => ({
	...product,
	operation: 'sync',
	sku: 'MUG-1',
	fields: { title: 'Mug', price: mapped },
}));
add('Product > create', 'Title', KINDS.optionalText, (mapped) => ({
	...product,
	operation: 'create',
	sku: 'MUG-1',
	title: mapped,
}));
for (const operation of ['get', 'delete', 'update']) {
	add(`Product > ${operation}`, 'SKU', KINDS.identity.slice(0, 9), (mapped) => ({
		...product,
		operation,
		sku: mapped,
		updateFields: { weight: 1 },
	}));
}
add('Product > sync', 'SKU', KINDS.identity.slice(0, 9), (mapped) => ({
	...product,
	operation: 'sync',
	sku: mapped,
	fields: { title: 'Mug' },
}));
add('Product > getMany', 'Limit', KINDS.limit.slice(0, 4), (mapped) => ({
	...product,
	operation: 'getMany',
	returnAll: false,
	limit: mapped,
}));
add('Product > getMany', 'Search Term', [OBJECT, LIST, TRUE, NAN], (mapped) => ({
	...product,
	operation: 'getMany',
	returnAll: true,
	searchTerm: mapped,
}));

// Tracking
add('Tracking > get', 'Tracking Number', KINDS.identity, (mapped) => ({
	resource: 'tracking',
	operation: 'get',
	lookupBy: 'trackingNumber',
	trackingNumber: mapped,
	output: 'shipment',
}));
add('Tracking > get', 'Order Number', KINDS.identity.slice(0, 9), (mapped) => ({
	resource: 'tracking',
	operation: 'get',
	lookupBy: 'orderNumber',
	orderNumber: mapped,
	output: 'shipment',
}));

/** The error text of an output item (the JSON Continue On Fail leaves, or Import's failed outcome). */
const errorText = (item: INodeExecutionData | undefined) =>
	`${String(item?.json.error ?? '')}\n${String(item?.json.description ?? '')}`;

const run = async ({ parameters, bad: value }: Case, count: number) => {
	const mapped = value.expression ?? MAPPED;
	const input = Array.from({ length: count }, () =>
		'value' in value ? { value: value.value } : {},
	);
	return await runNode({
		parameters: parameters(mapped),
		input: input as IDataObject[],
		credentials: sandboxCredentials(sandbox),
		continueOnFail: true,
	});
};

test('the corpus holds at least 200 cases across every operation that takes a value', () => {
	expect(cases.length).toBeGreaterThanOrEqual(200);
	// Every operation but Get Delivery Services (no field) and Manifest > Create for a carrier (one manifest a run).
	expect(new Set(cases.map((entry) => entry.operation)).size).toBe(28);
});

describe.each(
	cases.map((entry) => [`${entry.operation}: ${entry.label} ${entry.bad.name}`, entry] as const),
)('%s', (_name, entry) => {
	test('both items get an error naming the item and the field; nothing is sent', async () => {
		const { items, error } = await run(entry, 2);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		items.forEach((item, index) => {
			const text = errorText(item);
			expect(text).toContain(`item ${index + 1}`);
			expect(text).toContain(entry.label);
			expect(item.pairedItem).toEqual({ item: index });
		});
		expect(sandbox.requests).toEqual([]);
	});
});

test('Import: 51 orders without an order number are 51 clear item errors, none sent', async () => {
	const { items } = await runNode({
		parameters: { ...newOrder({ orderNumber: MAPPED }), operation: 'import' },
		input: Array.from({ length: 51 }, () => ({ value: null })),
		credentials: sandboxCredentials(sandbox),
		continueOnFail: true,
	});
	expect(items).toHaveLength(51);
	items.forEach((item, index) =>
		expect(errorText(item)).toMatch(
			new RegExp(`item ${index + 1}\\b[^]*Order Number|Order Number[^]*item ${index + 1}\\b`),
		),
	);
	expect(sandbox.requests).toEqual([]);
});

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

/**
 * The malformed-list corpus: lists a user maps from the input item (Items, Packages, Cart Lines,
 * Metadata From a List, Order (JSON)) that Starshipit must never receive. As in the malformed-input
 * corpus, each case runs the operation on TWO input items that both carry the bad list, with
 * Continue On Fail, and expects one error item per input item (Import and Create or Update: a failed
 * outcome) naming its item (1-based), the field as the editor labels it and, where one entry is at
 * fault, that entry as the user counts it ("Line 2", "Package 2", "Entry 1"). Nothing is written:
 * every operation here checks its lists before its first request.
 */
const { sandbox, credentials } = useSandbox();

/** A bad list: put in the input items (`value`), or left out of them (the expression then gives nothing). */
interface Bad {
	name: string;
	value?: unknown;
	/** The entry at fault, as the user counts it, when one is. */
	line?: string;
	/** Extra parameters the case needs (keys and units of the list). */
	extra?: IDataObject;
}
const bad = (name: string, value: unknown, line?: string, extra?: IDataObject): Bad => ({
	name,
	value,
	line,
	extra,
});

// Good entries: a bad one is put beside them, so that the line named is the user's, not the first.
const LINE = { description: 'Mug', sku: 'MUG-1', quantity: 1, value: 10, weight: 0.5 };
const PACKAGE = { weight: 1, length: 0.3, width: 0.2, height: 0.1 };
/** A list of a good line (with `first` added) and a second line changed (a key set to undefined is left out). */
const line2 = (change: IDataObject, first: IDataObject = {}) => [
	{ ...LINE, ...first },
	JSON.parse(
		JSON.stringify({ ...LINE, description: 'Cup', sku: 'CUP-1', ...change }),
	) as IDataObject,
];
const package2 = (change: IDataObject) => [
	PACKAGE,
	JSON.parse(JSON.stringify({ ...PACKAGE, ...change })) as IDataObject,
];
const badLine = (name: string, change: IDataObject, extra?: IDataObject, first?: IDataObject) =>
	bad(name, line2(change, first), 'Line 2', extra);
const badPackage = (name: string, change: IDataObject, extra?: IDataObject) =>
	bad(name, package2(change), 'Package 2', extra);

/** What a list expression may give instead of a list of entries. */
const NOTHING: Bad = { name: 'nothing (the key is missing)' };
const NULL = bad('null', null);
const EMPTY_TEXT = bad('empty text', '');
const NUMBER = bad('a number', 5);
const TEXT = bad('text', 'Mug, Cup');
const TRUE = bad('true', true);
const EMPTY_LIST = bad('an empty list', []);
const BROKEN_JSON = bad('text that looks like a list but is not JSON', '[{"quantity": 1,');
const NUMBERS = bad('a list of numbers', [1, 2], 'Line 1');
const STRINGS = bad('a list of strings', ['Mug', 'Cup'], 'Line 1');
const NULLS = bad('a list of nulls', [null, null], 'Line 1');
const NESTED = bad('a list of lists', [[LINE], [LINE]], 'Line 1');
const ONE_STRING = bad('a good line then text', [LINE, 'Cup'], 'Line 2');

/** An Items-like list (Items, Cart Lines, Update's Items From a List). */
const LINES = {
	notAList: [
		NOTHING,
		NULL,
		EMPTY_TEXT,
		NUMBER,
		TEXT,
		TRUE,
		bad('one line, not a list of lines', LINE),
		EMPTY_LIST,
		BROKEN_JSON,
	],
	entries: [NUMBERS, STRINGS, NULLS, NESTED, ONE_STRING],
	keys: [
		badLine('a line without quantity', { quantity: undefined }),
		badLine('sku on the first line only', { sku: undefined }),
		bad(
			'Quantity Keys "qty", one line has "quantity"',
			[
				{ ...LINE, qty: 1 },
				{ ...LINE, sku: 'CUP-1' },
			],
			'Line 2',
			{ itemKeys: { keys: { quantity: 'qty' } } },
		),
	],
	quantity: [
		badLine('quantity 0', { quantity: 0 }),
		badLine('quantity -1', { quantity: -1 }),
		badLine('quantity 1.5', { quantity: 1.5 }),
		badLine('quantity "two"', { quantity: 'two' }),
		badLine('quantity null', { quantity: null }),
		badLine('quantity 1e15', { quantity: 1e15 }),
	],
	values: [
		badLine('value -1', { value: -1 }),
		badLine('value "abc"', { value: 'abc' }),
		badLine('value an object', { value: { amount: 10, currency: 'AUD' } }),
		badLine('weight -0.1', { weight: -0.1 }),
		badLine('weight "heavy"', { weight: 'heavy' }),
		badLine('weight 5000 kg', { weight: 5000 }),
		badLine('Shopify grams 2,000,000 (2000 kg)', { weight: undefined, grams: 2_000_000 }),
		badLine(
			'weight 1,500,000 in grams',
			{ weight: 1_500_000 },
			{ itemKeys: { keys: { weightUnit: 'g' } } },
		),
		badLine('tariff code with letters', { tariff_code: '61AB09' }, undefined, {
			tariff_code: '691200',
		}),
		badLine('country of origin Atlantis', { country_of_origin: 'Atlantis' }, undefined, {
			country_of_origin: 'CN',
		}),
		badLine('description of 251 characters', { description: 'd'.repeat(251) }),
		badLine('sku of 51 characters', { sku: 'S'.repeat(51) }),
	],
};

/** A Packages list. */
const PACKAGES = {
	notAList: [NOTHING, NULL, NUMBER, TEXT, bad('one package, not a list', PACKAGE), EMPTY_LIST],
	entries: [
		bad('a list of numbers', [1, 2], 'Package 1'),
		bad('a list of nulls', [null], 'Package 1'),
		bad('a list of lists', [[PACKAGE]], 'Package 1'),
	],
	keys: [
		badPackage('a package without weight', { weight: undefined }),
		badPackage('length on the first package only', { length: undefined }),
	],
	values: [
		badPackage('weight -0.1', { weight: -0.1 }),
		badPackage('weight "heavy"', { weight: 'heavy' }),
		badPackage('weight 0', { weight: 0 }),
		badPackage('weight 5000 kg', { weight: 5000 }),
		badPackage(
			'weight 1,500,000 in grams',
			{ weight: 1_500_000 },
			{ packageKeys: { keys: { weightUnit: 'g' } } },
		),
		badPackage('length 1500 cm', { length: 1500 }, { packageKeys: { keys: { lengthUnit: 'cm' } } }),
		badPackage(
			'height 20,000 mm',
			{ height: 20_000 },
			{ packageKeys: { keys: { lengthUnit: 'mm' } } },
		),
		badPackage('width 500 in', { width: 500 }, { packageKeys: { keys: { lengthUnit: 'in' } } }),
	],
};

interface Case {
	operation: string;
	/** The field as the editor labels it, as it must appear in the error. */
	label: string;
	bad: Bad;
	parameters: (mapped: string, bad: Bad) => IDataObject;
	/** Update and Label look the order up: GET requests are allowed there, never a write. */
	lookups?: boolean;
}

const MAPPED = '={{ $json.value }}';
const cases: Case[] = [];
const add = (
	operation: string,
	label: string,
	values: Bad[],
	parameters: Case['parameters'],
	lookups = false,
) => {
	for (const value of values) cases.push({ operation, label, bad: value, parameters, lookups });
};

// New orders: each item its own order number, so Import's and Create or Update's repeats check stays out of the way.
const order = (operation: string, change: IDataObject = {}): IDataObject => ({
	resource: 'order',
	operation,
	orderNumber: '={{ "WEB-" + ($itemIndex + 1) }}',
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'AU',
	items: { item: [{ description: 'Mug', quantity: 1, value: 10 }] },
	...change,
});
const itemsList =
	(operation: string) =>
	(mapped: string, { extra }: Bad) =>
		order(operation, { itemsInput: 'list', itemsList: mapped, ...extra });
const packagesList =
	(operation: string) =>
	(mapped: string, { extra }: Bad) =>
		order(operation, { packagesInput: 'list', packagesList: mapped, ...extra });
const weighedLines =
	(operation: string) =>
	(mapped: string, { extra }: Bad) =>
		order(operation, { itemsInput: 'list', itemsList: mapped, packagesInput: 'lines', ...extra });
const metadataList = (operation: string) => (mapped: string) =>
	order(operation, { additionalFields: { metadataList: mapped } });
const orderJson = (operation: string) => (mapped: string) => ({
	resource: 'order',
	operation,
	orderInput: 'json',
	orderJson: mapped,
});

// Order > Create: every kind of bad list.
add(
	'Order > create',
	'Items',
	[...LINES.notAList, ...LINES.entries, ...LINES.keys, ...LINES.quantity, ...LINES.values],
	itemsList('create'),
);
add(
	'Order > create',
	'Packages',
	[...PACKAGES.notAList, ...PACKAGES.entries, ...PACKAGES.keys, ...PACKAGES.values],
	packagesList('create'),
);
// One package weighing all the lines: a line without a weight would make the parcel silently light.
const UNWEIGHED = [
	badLine('one package weighing the lines, line 2 weight null', { weight: null }),
	bad(
		'one package weighing the lines, no line has a weight',
		[
			{ ...LINE, weight: undefined },
			{ ...LINE, weight: undefined },
		],
		'Lines 1, 2',
	),
];
add('Order > create', 'Packages', UNWEIGHED, weighedLines('create'));
// The weight key on line 1 only: the list itself is at fault, before any package is weighed.
add(
	'Order > create',
	'Items',
	[badLine('one package weighing the lines, line 2 without the weight key', { weight: undefined })],
	weighedLines('create'),
);

// Metadata From a List (Order > Create's Additional Fields): nothing or '' is "no metadata", so not here.
const META = { key: 'gift_message', value: 'Happy birthday' };
add(
	'Order > create',
	'Metadata From a List',
	[
		NUMBER,
		TEXT,
		TRUE,
		bad('a list of numbers', [1, 2], 'Entry 1'),
		bad('a list of strings', ['gift_message'], 'Entry 1'),
		bad('a list of nulls', [null], 'Entry 1'),
		bad('a list of lists', [[META]], 'Entry 1'),
		bad('an entry without key', [{ value: 'Happy birthday' }], 'Entry 1'),
		bad('an entry without value', [META, { key: 'delivery_window' }], 'Entry 2'),
		bad('an object value', [{ key: 'gift', value: { message: 'Happy birthday' } }], 'Entry 1'),
		bad('an object of key: object', { gift: { message: 'Happy birthday' } }, 'Entry 1'),
		bad('a null value', [META, { key: 'delivery_window', value: null }], 'Entry 2'),
		bad('an empty key', [META, { key: '', value: 'morning' }], 'Entry 2'),
		bad(
			'a hidden entry, then an object value',
			[
				{ key: '_order_source', value: 'web' },
				{ key: 'gift', value: { message: 'Happy birthday' } },
			],
			'Entry 2',
		),
	],
	metadataList('create'),
);
// Beside a Metadata row typed in the editor, the list's first entry is still its Entry 1.
add(
	'Order > create',
	'Metadata From a List',
	[
		bad(
			'an object value, beside a typed Metadata row',
			[{ key: 'gift', value: { message: 'Happy birthday' } }],
			'Entry 1',
		),
	],
	(mapped) =>
		order('create', {
			additionalFields: {
				metadata: { field: [{ metafield_key: 'channel', value: 'web' }] },
				metadataList: mapped,
			},
		}),
);

// Specify Order: Using JSON.
const JSON_ORDER = {
	order_number: 'JS-1',
	destination: {
		name: 'Jane Citizen',
		street: '1 George Street',
		suburb: 'Sydney',
		post_code: '2000',
		country: 'Australia',
	},
	items: [
		{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5 },
		{ description: 'Tea towel', sku: 'TOWEL-1', quantity: 1, value: 9 },
	],
	packages: [{ weight: 1 }],
};
const jsonWith = (change: IDataObject) => ({ ...JSON_ORDER, ...change });
const JSON_BAD = {
	notAnOrder: [
		NOTHING,
		NULL,
		EMPTY_TEXT,
		NUMBER,
		TRUE,
		bad('text, not JSON', 'order JS-1 for Jane'),
		bad('JSON text cut short', '{"order_number": "JS-1", "items": ['),
		bad('a list of orders', [JSON_ORDER, JSON_ORDER]),
		bad('JSON text of a list', JSON.stringify([JSON_ORDER])),
	],
	shape: [
		bad('an unknown top-level key', jsonWith({ colour: 'red' })),
		bad(
			'an unknown key in the destination',
			jsonWith({ destination: { ...JSON_ORDER.destination, town: 'Sydney' } }),
		),
		bad(
			'an unknown key in line 2',
			jsonWith({ items: [JSON_ORDER.items[0], { ...JSON_ORDER.items[1], colour: 'red' }] }),
			'Line 2',
		),
		bad('items not a list', jsonWith({ items: 'Blue mug' })),
		bad('items an object', jsonWith({ items: JSON_ORDER.items[0] })),
		bad('items a list of numbers', jsonWith({ items: [1, 2] }), 'Line 1'),
		bad('packages not a list', jsonWith({ packages: { weight: 1 } })),
		bad(
			'an unknown key in package 2',
			jsonWith({ packages: [{ weight: 1 }, { weight: 1, kg: 2 }] }),
			'Package 2',
		),
		bad('metadatas a list of text', jsonWith({ metadatas: ['gift'] }), 'Entry 1'),
	],
};
add(
	'Order > create',
	'Order (JSON)',
	[...JSON_BAD.notAnOrder, ...JSON_BAD.shape],
	orderJson('create'),
);
// A value refused inside the JSON is named by its own field, as the fields' rules name it.
add(
	'Order > create',
	'Items',
	[
		bad(
			'JSON, line 2 quantity 0',
			jsonWith({ items: [JSON_ORDER.items[0], { ...JSON_ORDER.items[1], quantity: 0 }] }),
			'Line 2',
		),
	],
	orderJson('create'),
);

// Create or Update and Import: the same reading, a sample of each kind.
for (const operation of ['createOrUpdate', 'import']) {
	add(
		`Order > ${operation}`,
		'Items',
		[
			NOTHING,
			NULL,
			TEXT,
			EMPTY_LIST,
			NUMBERS,
			ONE_STRING,
			LINES.keys[0],
			LINES.quantity[0],
			LINES.quantity[3],
			LINES.values[1],
			LINES.values[6],
		],
		itemsList(operation),
	);
	add(
		`Order > ${operation}`,
		'Packages',
		[NULL, PACKAGES.keys[0], PACKAGES.values[3], PACKAGES.values[5]],
		packagesList(operation),
	);
	add(`Order > ${operation}`, 'Packages', [UNWEIGHED[0]], weighedLines(operation));
	add(
		`Order > ${operation}`,
		'Metadata From a List',
		[bad('an entry without key', [{ value: 'Happy birthday' }], 'Entry 1')],
		metadataList(operation),
	);
	add(
		`Order > ${operation}`,
		'Order (JSON)',
		[
			JSON_BAD.notAnOrder[5],
			JSON_BAD.notAnOrder[7],
			JSON_BAD.shape[0],
			JSON_BAD.shape[2],
			JSON_BAD.shape[3],
		],
		orderJson(operation),
	);
}

// Order > Update: Items / Packages From a List (Replace All), beside a change of city (a list that is
// ignored would let the city through alone).
const update =
	(field: 'itemsList' | 'packagesList') =>
	(mapped: string, { extra }: Bad) => ({
		resource: 'order',
		operation: 'update',
		order: { __rl: true, mode: 'orderNumber', value: SEED.domesticOrder },
		updateFields: { city: 'Sydney', [field]: mapped, ...extra },
	});
const updateKeys = (extra?: IDataObject) =>
	extra?.itemKeys
		? { itemKeys: extra.itemKeys }
		: extra?.packageKeys
			? { packageKeys: extra.packageKeys }
			: {};
add(
	'Order > update',
	'Items',
	[
		NOTHING,
		EMPTY_TEXT,
		NULL,
		NUMBER,
		TEXT,
		LINES.notAList[6],
		EMPTY_LIST,
		NUMBERS,
		ONE_STRING,
		...LINES.keys.slice(0, 2),
		LINES.quantity[0],
		LINES.quantity[3],
		LINES.values[0],
		LINES.values[11],
	],
	(mapped, value) => update('itemsList')(mapped, { ...value, extra: updateKeys(value.extra) }),
	true,
);
add(
	'Order > update',
	'Packages',
	[
		NOTHING,
		NULL,
		EMPTY_LIST,
		PACKAGES.entries[0],
		PACKAGES.keys[0],
		PACKAGES.values[1],
		PACKAGES.values[2],
		PACKAGES.values[5],
	],
	(mapped, value) => update('packagesList')(mapped, { ...value, extra: updateKeys(value.extra) }),
	true,
);

// Rate > Get Rates: a cart's parcels, or one package weighing the cart's lines.
const rates = (change: IDataObject) => ({
	resource: 'rate',
	operation: 'getRates',
	postCode: '2000',
	countryCode: 'AU',
	...change,
});
add(
	'Rate > getRates',
	'Packages',
	[
		NOTHING,
		NULL,
		TEXT,
		EMPTY_LIST,
		PACKAGES.entries[0],
		PACKAGES.keys[0],
		...PACKAGES.values.slice(0, 6),
	],
	(mapped, { extra }) => rates({ packagesInput: 'list', packagesList: mapped, ...extra }),
);
add(
	'Rate > getRates',
	'Cart Lines',
	[
		NOTHING,
		NULL,
		TEXT,
		EMPTY_LIST,
		NUMBERS,
		ONE_STRING,
		LINES.keys[0],
		badLine('a line without the weight key', { weight: undefined }),
		badLine('weight null', { weight: null }),
		badLine('weight "heavy"', { weight: 'heavy' }),
		...LINES.quantity.slice(0, 5),
	],
	(mapped, { extra }) => rates({ packagesInput: 'lines', itemsList: mapped, ...extra }),
);

// Label > Create: packages overriding the order's, for an unshipped seeded order.
add(
	'Label > create',
	'Packages',
	[
		NOTHING,
		NULL,
		TEXT,
		EMPTY_LIST,
		PACKAGES.entries[0],
		PACKAGES.keys[0],
		PACKAGES.values[1],
		PACKAGES.values[2],
		PACKAGES.values[3],
		PACKAGES.values[5],
	],
	(mapped, { extra }) => ({
		resource: 'label',
		operation: 'create',
		order: { __rl: true, mode: 'orderNumber', value: SEED.domesticOrder },
		packagesInput: 'list',
		packagesList: mapped,
		...extra,
	}),
	true,
);

/** The error text of an output item (the JSON Continue On Fail leaves, or a failed outcome). */
const errorText = (item: INodeExecutionData | undefined) =>
	`${String(item?.json.error ?? '')}\n${String(item?.json.description ?? '')}`;

const run = async ({ parameters, bad: value }: Case) => {
	const input = Array.from({ length: 2 }, () => ('value' in value ? { value: value.value } : {}));
	return await runNode({
		parameters: parameters(MAPPED, value),
		input: input as IDataObject[],
		credentials: credentials(),
		continueOnFail: true,
	});
};

test('the corpus holds at least 60 cases across every operation that reads a list', () => {
	expect(cases.length).toBeGreaterThanOrEqual(60);
	expect(new Set(cases.map((entry) => entry.operation))).toEqual(
		new Set([
			'Order > create',
			'Order > createOrUpdate',
			'Order > import',
			'Order > update',
			'Rate > getRates',
			'Label > create',
		]),
	);
	expect(new Set(cases.map((entry) => entry.label))).toEqual(
		new Set(['Items', 'Packages', 'Cart Lines', 'Metadata From a List', 'Order (JSON)']),
	);
});

describe.each(
	cases.map((entry) => [`${entry.operation}: ${entry.label} ${entry.bad.name}`, entry] as const),
)('%s', (_name, entry) => {
	test('both items get an error naming the item, the field and the line; nothing is written', async () => {
		const { items, error } = await run(entry);
		// First what reached the sandbox: a silent success shows here as the request it sent.
		expect(
			sandbox.requests
				.filter((request) => request.method !== 'GET')
				.map(({ method, path, body }) => ({ method, path, body })),
		).toEqual([]);
		if (!entry.lookups)
			expect(sandbox.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		items.forEach((item, index) => {
			const text = errorText(item);
			if (entry.operation === 'Order > import' || entry.operation === 'Order > createOrUpdate')
				expect(item.json.outcome).toBe('failed');
			expect(text).toMatch(new RegExp(`\\bitem ${index + 1}\\b`));
			expect(text).toContain(entry.label);
			if (entry.bad.line) expect(text).toContain(entry.bad.line);
			expect(item.pairedItem).toEqual({ item: index });
		});
	});
});

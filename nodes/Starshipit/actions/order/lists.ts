import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { packageRows } from './rows';

import { readerOf } from '../../helpers/parameters';
import { checkText } from '../../validation/checks';
import { fieldLabel } from '../../validation/validate';
import {
	describeUse,
	ITEM_KEYS,
	keyList,
	METADATA_KEYS,
	PACKAGE_KEYS,
	packageFromLines,
	readList,
	type KeyMap,
	type LengthUnit,
	type ListRead,
	type WeightUnit,
} from '../../validation/lists';

/**
 * Items, Packages and Metadata: rows typed in the editor, or a list from the input item. n8n drops an
 * expression placed on a whole `fixedCollection`, so rows alone cannot take an order whose number of
 * lines comes from the data; these fields take the list itself (`{{ $json.line_items }}`) and say
 * which key of each entry feeds which Starshipit field. The defaults read Starshipit's own shape,
 * WooCommerce's and Shopify's orders without edits.
 */

const key = (
	displayName: string,
	name: string,
	keys: string[],
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: keys.join(', '),
	description: `${description}. Several keys, comma-separated: the first one a line has is used. A dotted key reads inside an object, e.g. product.weight.`,
});

const WEIGHT_UNITS = [
	{ name: 'Kilograms', value: 'kg' },
	{ name: 'Grams', value: 'g' },
	{ name: 'Pounds', value: 'lb' },
	{ name: 'Ounces', value: 'oz' },
];
const WEIGHT_UNIT_HINT =
	'The unit of the weights in your data. They are sent to Starshipit in kilograms.';

/** A line's weight unit: by default kg, but grams where the key is Shopify's `grams`. */
const lineWeightUnit: INodeProperties = {
	displayName: 'Weight Unit',
	name: 'weightUnit',
	type: 'options',
	default: 'auto',
	options: [
		{ name: 'Kilograms (Grams for a Key Named Grams, as Shopify Sends)', value: 'auto' },
		...WEIGHT_UNITS,
	],
	description: WEIGHT_UNIT_HINT,
};

const packageWeightUnit: INodeProperties = {
	displayName: 'Weight Unit',
	name: 'weightUnit',
	type: 'options',
	default: 'kg',
	options: WEIGHT_UNITS,
	description: WEIGHT_UNIT_HINT,
};

const ITEM_KEY_FIELDS: INodeProperties[] = [
	key('SKU Keys', 'sku', ITEM_KEYS.sku, 'The item’s SKU, as in the Product Catalogue'),
	key(
		'Description Keys',
		'description',
		ITEM_KEYS.description,
		'What the item is (WooCommerce: name, Shopify: name or title)',
	),
	key('Quantity Keys', 'quantity', ITEM_KEYS.quantity, 'How many of the item'),
	key('Value Keys', 'value', ITEM_KEYS.value, 'Value of one item (WooCommerce and Shopify: price)'),
	key('Weight Keys', 'weight', ITEM_KEYS.weight, 'Weight of one item (Shopify: grams)'),
	lineWeightUnit,
	key('Tariff Code Keys', 'tariff_code', ITEM_KEYS.tariff_code, 'HS tariff code, for customs'),
	key(
		'Country of Origin Keys',
		'country_of_origin',
		ITEM_KEYS.country_of_origin,
		'Where the item was made, for customs',
	),
	{
		displayName: 'Leave Out Lines That Need No Shipping',
		name: 'leaveOutUnshipped',
		type: 'boolean',
		default: true,
		description:
			'Whether lines marked "requires_shipping": false (Shopify’s gift cards and digital products) are left out',
	},
];

/** The keys of a line, with defaults that read Starshipit, WooCommerce and Shopify line items as they are. */
const itemKeysField: INodeProperties = {
	displayName: 'Keys in Each Line',
	name: 'itemKeys',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Change Which Keys Are Read',
	description:
		'Which key of each entry feeds each Starshipit field. The defaults read Starshipit’s own items and WooCommerce and Shopify line items without changes.',
	options: [
		{
			displayName: 'Keys',
			name: 'keys',
			// In the order of a line's fields (see order/fields.ts: not alphabetical, on purpose), the weight's unit beside it.
			values: ITEM_KEY_FIELDS,
		},
	],
};

const PACKAGE_KEY_FIELDS: INodeProperties[] = [
	key('Weight Keys', 'weight', PACKAGE_KEYS.weight, 'Weight of the package'),
	packageWeightUnit,
	key('Length Keys', 'length', PACKAGE_KEYS.length, 'Length of the package'),
	key('Width Keys', 'width', PACKAGE_KEYS.width, 'Width of the package'),
	key('Height Keys', 'height', PACKAGE_KEYS.height, 'Height of the package'),
	{
		displayName: 'Dimension Unit',
		name: 'lengthUnit',
		type: 'options',
		default: 'm',
		options: [
			{ name: 'Metres', value: 'm' },
			{ name: 'Centimetres', value: 'cm' },
			{ name: 'Millimetres', value: 'mm' },
			{ name: 'Inches', value: 'in' },
		],
		description:
			'The unit of the lengths, widths and heights in your data. They are sent to Starshipit in metres.',
	},
];

const packageKeysField: INodeProperties = {
	displayName: 'Keys in Each Package',
	name: 'packageKeys',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Change Which Keys Are Read',
	description: 'Which key of each entry feeds each package field, and the units of your data',
	options: [
		{
			displayName: 'Keys',
			name: 'keys',
			// In the order of a package's fields (weight, then length × width × height), each unit after what it measures.
			values: PACKAGE_KEY_FIELDS,
		},
	],
};

const linesList = (displayName: string, description: string): INodeProperties => ({
	displayName,
	name: 'itemsList',
	type: 'string',
	default: '={{ $json.line_items }}',
	placeholder: 'e.g. {{ $json.line_items }}',
	description,
	hint: 'An expression that gives a list: each entry becomes one line',
});

const packagesList: INodeProperties = {
	displayName: 'Packages List',
	name: 'packagesList',
	type: 'string',
	default: '={{ $json.packages }}',
	placeholder: 'e.g. {{ $json.parcels }}',
	description:
		'An expression that gives your packages as a list (a cart’s parcels, for example): each entry becomes one package',
	hint: 'An expression that gives a list: each entry becomes one package',
};

const show = (field: INodeProperties, values: Record<string, string[]>): INodeProperties => ({
	...field,
	displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, ...values } },
});

/** Items From: rows or a list, then the fields of the choice. `rows` is the Items rows field. */
export function itemsSourceFields(rows: INodeProperties): INodeProperties[] {
	return [
		{
			displayName: 'Items From',
			name: 'itemsInput',
			type: 'options',
			noDataExpression: true,
			default: 'rows',
			options: [
				{
					name: 'A List in the Input',
					value: 'list',
					description:
						'Each entry of a list in your data becomes one line, e.g. a WooCommerce or Shopify order’s line_items',
				},
				{
					name: 'Rows Entered Here',
					value: 'rows',
					description: 'One row per line, added below: the same lines for every order',
				},
				{
					name: 'No Lines',
					value: 'none',
					description:
						'An order without item lines (packages only); an existing order keeps its lines',
				},
			],
			description:
				'Where the order’s lines come from. A shop order has a list of lines: choose A List in the Input.',
		},
		show(
			linesList(
				'Lines',
				'An expression that gives the order’s lines as a list, e.g. {{ $json.line_items }}. International orders need a description and a value on each line (customs).',
			),
			{ itemsInput: ['list'] },
		),
		show(itemKeysField, { itemsInput: ['list'] }),
		show(rows, { itemsInput: ['rows'] }),
	];
}

export type PackagesMode = 'rows' | 'list' | 'lines';

/** Packages From: rows, a list, or (where there are lines) one package weighing all of them. */
export function packagesSourceFields(
	rows: INodeProperties,
	modes: PackagesMode[],
	linesFromCart = false,
): INodeProperties[] {
	const options = [
		{
			name: 'A List in the Input',
			value: 'list',
			description: 'Each entry of a list in your data becomes one package, e.g. a cart’s parcels',
		},
		{
			name: 'One Package Weighing All the Lines',
			value: 'lines',
			description: 'One package whose weight is each line’s weight × quantity, added up',
		},
		{ name: 'Rows Entered Here', value: 'rows', description: 'One row per package, added below' },
	].filter((option) => modes.includes(option.value as PackagesMode));
	const cartLines = linesFromCart
		? [
				show(
					linesList(
						'Cart Lines',
						'An expression that gives the cart’s lines as a list, e.g. {{ $json.line_items }}: their weights × quantities make the package',
					),
					{ packagesInput: ['lines'] },
				),
				show(itemKeysField, { packagesInput: ['lines'] }),
			]
		: [];
	return [
		{
			displayName: 'Packages From',
			name: 'packagesInput',
			type: 'options',
			noDataExpression: true,
			default: 'rows',
			options,
			description: 'Where the packages come from',
		},
		show(packagesList, { packagesInput: ['list'] }),
		show(packageKeysField, { packagesInput: ['list'] }),
		...cartLines,
		show(rows, { packagesInput: ['rows'] }),
	];
}

/** The options of a collection of changes (Order > Update, Update Order First) that take lists. */
export const listChangeOptions: INodeProperties[] = [
	linesList(
		'Items From a List (Replace All)',
		'The order’s new lines, from a list in your data, e.g. {{ $json.line_items }}: every current line is removed and these are added',
	),
	{ ...itemKeysField, displayName: 'Keys in Each Line (for Items From a List)' },
	{
		...packagesList,
		displayName: 'Packages From a List (Replace All)',
		description:
			'The order’s new packages, from a list in your data: every current package is removed and these are added',
	},
	{ ...packageKeysField, displayName: 'Keys in Each Package (for Packages From a List)' },
];

/** Metadata from a list, an option of Additional Fields. */
export const metadataListOption: INodeProperties = {
	displayName: 'Metadata From a List',
	name: 'metadataList',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.meta_data }}',
	description:
		'Metadata from your data: a list of { key, value } entries (WooCommerce meta_data, Shopify note_attributes) or an object of key: value. Keys that start with "_" (WooCommerce’s hidden ones) are left out. Added to any Metadata rows.',
};

/**
 * Rows chosen but none given: an order of no lines is almost always a mapping that went missing (n8n
 * drops an expression placed on the Items rows when it loads a workflow), so it is refused, not sent.
 */
export const NO_ROWS_PROBLEM =
	'Items: no line was given. Add one row per line, or choose Items From: A List in the Input to take the lines from your data (an expression typed over the Items rows themselves is dropped by n8n), or choose No Lines for an order without item lines';

/** Rows and lists as read for one item: the rows, and the problems to list with the order's others. */
export interface RowsRead {
	rows: IDataObject[];
	/** Row index → line number, when the rows came from a list. */
	lines?: number[];
	problems: string[];
	/** How a list was read, said beside any problem. */
	notes: string[];
}

const keysOf = (setting: unknown, defaults: KeyMap): { keys: KeyMap; options: IDataObject } => {
	const options = ((setting as IDataObject | undefined)?.keys ?? {}) as IDataObject;
	const keys = Object.fromEntries(
		Object.entries(defaults).map(([field, fallback]) => [field, keyList(options[field], fallback)]),
	);
	return { keys, options };
};

/** The expression as the user wrote it, for messages ("{{ $json.line_items }}"); undefined when typed as a value. */
export function writtenExpression(this: IExecuteFunctions, path: string[]): string | undefined {
	const written = path.reduce<unknown>(
		(value, part) => (value as IDataObject | undefined)?.[part],
		readerOf(this).node.parameters,
	);
	return typeof written === 'string' && written.startsWith('=')
		? written.slice(1).trim()
		: undefined;
}

const asRowsRead = (read: ListRead, label: string): RowsRead => ({
	rows: read.rows,
	lines: read.lines,
	problems: read.problems,
	notes: read.problems.length
		? [describeUse(label, read.used, (field) => fieldLabel([field]))].filter(
				(note): note is string => Boolean(note),
			)
		: [],
});

/** An order's lines from a list, with the keys and units the user chose (or the defaults). */
export function itemsFromList(list: unknown, keySetting: unknown, expression?: string): RowsRead {
	const { keys, options } = keysOf(keySetting, ITEM_KEYS);
	const leaveOut = options.leaveOutUnshipped !== false;
	const read = readList(list, {
		label: 'Items',
		entry: 'Line',
		keys,
		required: ['quantity'],
		weightUnit: (options.weightUnit as WeightUnit | undefined) ?? 'auto',
		zeroIsBlank: ['value', 'weight'],
		leaveOut: leaveOut ? (entry) => entry.requires_shipping === false : undefined,
		expression,
	});
	return asRowsRead(read, 'Items');
}

export function packagesFromList(
	list: unknown,
	keySetting: unknown,
	expression?: string,
): RowsRead {
	const { keys, options } = keysOf(keySetting, PACKAGE_KEYS);
	const read = readList(list, {
		label: 'Packages',
		entry: 'Package',
		keys,
		required: ['weight'],
		weightUnit: (options.weightUnit as WeightUnit | undefined) ?? 'kg',
		lengthUnit: (options.lengthUnit as LengthUnit | undefined) ?? 'm',
		zeroIsBlank: ['height', 'width', 'length'],
		expression,
	});
	return asRowsRead(read, 'Packages');
}

export function metadataFromList(list: unknown, expression?: string): RowsRead {
	if (list === '' || list === undefined || list === null)
		return { rows: [], problems: [], notes: [] };
	const read = readList(list, {
		label: 'Metadata From a List',
		entry: 'Entry',
		keys: METADATA_KEYS,
		required: ['metafield_key', 'value'],
		allowEmpty: true,
		objectAsEntries: ['metafield_key', 'value'],
		leaveOutKey: (name) => typeof name === 'string' && name.startsWith('_'),
		expression,
	});
	// Checked here, where each entry's number is known: Starshipit takes both as text (numbers as digits).
	const problems = [...read.problems];
	const rows = read.rows.flatMap((row, index) => {
		const where = `Metadata From a List › Entry ${read.lines[index]}`;
		const key = checkText(row.metafield_key, { required: true });
		const value = checkText(row.value, { required: true });
		if (!key.ok) problems.push(`${where} › Key: ${key.problem}`);
		if (!value.ok) problems.push(`${where} › Value: ${value.problem}`);
		return key.ok && value.ok
			? [{ metafield_key: key.value as string, value: value.value as string }]
			: [];
	});
	return { rows, problems, notes: [] };
}

/**
 * The lines a package can weigh: the order's own Items (their problems are the order's to report) or
 * a cart's lines read only for the package (Rate > Get Rates: reported with the package's).
 */
export interface LinesToWeigh {
	read: () => RowsRead;
	label: 'Items' | 'Cart Lines';
	reportLines: boolean;
}

/** Packages From for one input item: the rows, a list, or one package weighing `lines`. */
export function packagesOfItem(
	this: IExecuteFunctions,
	itemIndex: number,
	lines?: LinesToWeigh,
): RowsRead {
	const mode = readerOf(this).get('packagesInput', itemIndex, 'rows');
	if (mode === 'list') {
		const list = readerOf(this).get('packagesList', itemIndex, undefined);
		return packagesFromList(
			list,
			readerOf(this).get('packageKeys', itemIndex, {}),
			writtenExpression.call(this, ['packagesList']),
		);
	}
	if (mode === 'lines' && lines) return packageOfLines(lines);
	return {
		rows: packageRows(readerOf(this).get('packages', itemIndex, {})),
		problems: [],
		notes: [],
	};
}

/** A cart's lines, read only to weigh its package (Rate > Get Rates). */
export function cartLines(this: IExecuteFunctions, itemIndex: number): LinesToWeigh {
	const read = () => {
		const lines = itemsFromList(
			readerOf(this).get('itemsList', itemIndex, undefined),
			readerOf(this).get('itemKeys', itemIndex, {}),
			writtenExpression.call(this, ['itemsList']),
		);
		return {
			...lines,
			problems: lines.problems.map((problem) => problem.replace(/^Items/, 'Cart Lines')),
		};
	};
	return { read, label: 'Cart Lines', reportLines: true };
}

/** One package weighing all the lines (see packageFromLines). */
function packageOfLines({ read, label, reportLines }: LinesToWeigh): RowsRead {
	const lines = read();
	if (lines.problems.length)
		return {
			rows: [],
			problems: reportLines ? lines.problems : [],
			notes: reportLines ? lines.notes : [],
		};
	const { packages, problems } = packageFromLines(
		lines.rows,
		lines.lines ?? lines.rows.map((_row, index) => index + 1),
		label,
	);
	return { rows: packages, problems, notes: [] };
}

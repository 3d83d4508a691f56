import type { IDataObject } from 'n8n-workflow';

import { checkQuantity, describeValue } from './checks';

/**
 * Lists mapped from the user's own data (a shop order's `line_items`, a cart's parcels, an order's
 * meta data) read into the rows Starshipit takes. Each Starshipit field is fed by the first of its
 * keys that an entry holds, so one default works for Starshipit's own shape, WooCommerce and Shopify.
 * Nothing here decides whether a value is good: the rows go through the same zod rules as rows typed
 * in the editor, and this module only reports what those rules cannot see (not a list, not an
 * object, a key missing), each naming the line as the user counts it, from 1.
 */

/** A Starshipit field → the keys of an entry that may feed it, the first one found wins. */
export type KeyMap = Record<string, string[]>;

/** Starshipit's item, WooCommerce's `line_items` (name, price) and Shopify's (title or name, price as text, grams). */
export const ITEM_KEYS: KeyMap = {
	description: ['description', 'name', 'title'],
	sku: ['sku'],
	quantity: ['quantity'],
	value: ['value', 'price'],
	weight: ['weight', 'grams'],
	tariff_code: ['tariff_code', 'hs_code'],
	country_of_origin: ['country_of_origin'],
};

export const PACKAGE_KEYS: KeyMap = {
	weight: ['weight'],
	height: ['height'],
	width: ['width'],
	length: ['length'],
};

/** Starshipit's metadata rows, WooCommerce's `meta_data` ({ key, value }) and Shopify's `note_attributes` ({ name, value }). */
export const METADATA_KEYS: KeyMap = {
	metafield_key: ['metafield_key', 'key', 'name'],
	value: ['value'],
};

export type WeightUnit = 'auto' | 'kg' | 'g' | 'lb' | 'oz';
export type LengthUnit = 'm' | 'cm' | 'mm' | 'in';
const KG_PER: Record<Exclude<WeightUnit, 'auto'>, number> = {
	kg: 1,
	g: 0.001,
	lb: 0.45359237,
	oz: 0.028349523125,
};
const METRES_PER: Record<LengthUnit, number> = { m: 1, cm: 0.01, mm: 0.001, in: 0.0254 };
const WEIGHT_FIELDS = ['weight'];
const LENGTH_FIELDS = ['height', 'width', 'length'];

/** How one list is read: its name in messages, its keys, what each entry must give, and its units. */
export interface ListSpec {
	/** As the editor labels the field, e.g. "Items". */
	label: string;
	/** How one entry is called in messages, e.g. "Line" (Items › Line 2). */
	entry: string;
	keys: KeyMap;
	/** Fields every entry must give (a line's quantity, a package's weight). */
	required: string[];
	/** Whether an empty list is allowed (metadata may be empty; an order's lines may not). */
	allowEmpty?: boolean;
	/** Accept an object of key → value as a list of { key, value } entries (metadata). */
	objectAsEntries?: [string, string];
	weightUnit?: WeightUnit;
	lengthUnit?: LengthUnit;
	/** Fields where 0 means "not given" (an item's value and weight, a package's dimensions). */
	zeroIsBlank?: string[];
	/** Entries left out on purpose (Shopify lines that need no shipping), still counted in line numbers. */
	leaveOut?: (entry: IDataObject) => boolean;
	/** Keys of entries left out (WooCommerce's hidden meta data starts with "_"). */
	leaveOutKey?: (key: unknown) => boolean;
	/** The expression as the user wrote it, quoted in messages ("{{ $json.line_items }}"). */
	expression?: string;
}

export interface ListRead {
	rows: IDataObject[];
	/** Row index → line number as the user counts it (entries left out keep their numbers). */
	lines: number[];
	problems: string[];
	/** Which key fed which field, said beside any problem so the user sees how their data was read. */
	used: Record<string, string>;
}

/** "a b, c" or "a,b" → ["a", "b", "c"]: the keys the user listed, in order. */
export function keyList(setting: unknown, fallback: string[]): string[] {
	if (typeof setting !== 'string' || setting.trim() === '') return fallback;
	return setting
		.split(/[,\s]+/)
		.map((key) => key.trim())
		.filter(Boolean);
}

/** An entry's value under a key, or under a dotted path ("product.weight") when no such key exists. */
function valueAt(entry: IDataObject, key: string): { found: boolean; value?: unknown } {
	if (Object.prototype.hasOwnProperty.call(entry, key)) return { found: true, value: entry[key] };
	if (!key.includes('.')) return { found: false };
	let value: unknown = entry;
	for (const part of key.split('.')) {
		if (!value || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part))
			return { found: false };
		value = (value as IDataObject)[part];
	}
	return { found: true, value };
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Multiplies a number (or numeric text) into kg or metres; anything else is left for the rules to refuse. */
function converted(value: unknown, factor: number): unknown {
	if (factor === 1) return value;
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && NUMERIC.test(value)
				? Number(value)
				: undefined;
	// Rounded to a millionth: 250 g is 0.25 kg, not 0.25000000000000006.
	return number === undefined || !Number.isFinite(number)
		? value
		: Math.round(number * factor * 1e6) / 1e6;
}

function unitFactor(field: string, key: string, spec: ListSpec): number {
	if (WEIGHT_FIELDS.includes(field)) {
		const unit = spec.weightUnit ?? 'auto';
		// Shopify gives a line's weight as `grams`: read in grams unless the user chose a unit.
		return KG_PER[unit === 'auto' ? (key === 'grams' ? 'g' : 'kg') : unit];
	}
	return LENGTH_FIELDS.includes(field) ? METRES_PER[spec.lengthUnit ?? 'm'] : 1;
}

/** What the user's expression produced, when it is not a list of entries. */
function notAList(value: unknown, spec: ListSpec): string | undefined {
	const expression = spec.expression ? ` (${spec.expression})` : '';
	if (value === undefined || value === null || value === '') {
		return `${spec.label}: the list expression${expression} gave ${describeValue(value)}. Map the list that holds them, e.g. {{ $json.line_items }}, and check the input item has it`;
	}
	if (!Array.isArray(value))
		return `${spec.label}: the list expression${expression} gave ${describeValue(value)}, not a list. Map the list itself, e.g. {{ $json.line_items }}`;
	if (value.length === 0 && !spec.allowEmpty)
		return `${spec.label}: the list expression${expression} gave an empty list: there is nothing to send`;
	return undefined;
}

/** Text that holds a JSON list (a table column, a stored replay) is read as the list. */
function parsedList(value: unknown, spec: ListSpec): unknown {
	if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
		try {
			value = JSON.parse(value);
		} catch {
			return value;
		}
	}
	if (spec.objectAsEntries && isObject(value)) {
		const [keyName, valueName] = spec.objectAsEntries;
		return Object.entries(value).map(([key, entry]) => ({ [keyName]: key, [valueName]: entry }));
	}
	return value;
}

/**
 * Reads one entry into a row; problems name the line and the missing key. An entry missing a required
 * key gives no row (its problem is said once, not again as "is required").
 */
function readEntry(
	entry: IDataObject,
	line: number,
	spec: ListSpec,
	mapped: Set<string>,
	used: Record<string, string>,
	problems: string[],
): IDataObject | undefined {
	const row: IDataObject = {};
	let complete = true;
	for (const [field, keys] of Object.entries(spec.keys)) {
		const key = keys.find((candidate) => valueAt(entry, candidate).found);
		if (key === undefined) {
			if (spec.required.includes(field) || mapped.has(field)) {
				const has = Object.keys(entry).slice(0, 8).join(', ') || 'no keys at all';
				const others = spec.required.includes(field)
					? ''
					: ', which other entries of the list have';
				problems.push(
					`${spec.label} › ${spec.entry} ${line}: has no ${keys.map((name) => `"${name}"`).join(' or ')}${others} (it has: ${has})`,
				);
				complete = false;
			}
			continue;
		}
		used[field] ??= key;
		const value = valueAt(entry, key).value;
		if (isBlank(value) || (spec.zeroIsBlank?.includes(field) && (value === 0 || value === '0')))
			continue;
		row[field] = converted(value, unitFactor(field, key, spec)) as IDataObject[string];
	}
	return complete ? row : undefined;
}

/** The fields some entry of the list gives: an entry without one of them is missing a key. */
function mappedFields(entries: IDataObject[], spec: ListSpec): Set<string> {
	const fields = new Set<string>();
	for (const [field, keys] of Object.entries(spec.keys)) {
		if (entries.some((entry) => keys.some((key) => valueAt(entry, key).found))) fields.add(field);
	}
	return fields;
}

/**
 * Reads a mapped list into Starshipit rows. Problems are returned, not thrown, so that they are
 * listed with every other problem of the same order and nothing is sent.
 */
export function readList(value: unknown, spec: ListSpec): ListRead {
	const result: ListRead = { rows: [], lines: [], problems: [], used: {} };
	const list = parsedList(value, spec);
	const wrong = notAList(list, spec);
	if (wrong) return { ...result, problems: [wrong] };
	const entries = list as unknown[];
	const objects = entries.filter(isObject);
	const mapped = mappedFields(objects, spec);
	entries.forEach((entry, index) => {
		const line = index + 1;
		if (!isObject(entry)) {
			result.problems.push(
				`${spec.label} › ${spec.entry} ${line}: is ${describeValue(entry)}, not an entry with keys such as ${Object.values(
					spec.keys,
				)
					.map((keys) => `"${keys[0]}"`)
					.slice(0, 3)
					.join(', ')}`,
			);
			return;
		}
		if (spec.leaveOut?.(entry)) return;
		const row = readEntry(entry, line, spec, mapped, result.used, result.problems);
		if (!row || (spec.leaveOutKey && spec.leaveOutKey(row[Object.keys(spec.keys)[0]]))) return;
		result.rows.push(row);
		result.lines.push(line);
	});
	if (result.rows.length === 0 && result.problems.length === 0 && !spec.allowEmpty) {
		result.problems.push(
			`${spec.label}: every entry of the list was left out (none needs shipping), so there is nothing to send`,
		);
	}
	return result;
}

/** "Description ← "name", Quantity ← "quantity"": how the list was read, for the error's description. */
export function describeUse(
	label: string,
	used: Record<string, string>,
	title: (field: string) => string,
): string | undefined {
	const pairs = Object.entries(used).filter(([field, key]) => field !== key);
	if (pairs.length === 0) return undefined;
	return `${label} were read from the list with: ${pairs.map(([field, key]) => `${title(field)} ← "${key}"`).join(', ')}.`;
}

const numberIn = (value: unknown) =>
	typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;

/**
 * One package weighing all the lines (weight × quantity), for the usual checkout or order without a
 * parcel list. A line without a weight would make the parcel silently light: it is a problem instead,
 * and so is a quantity that is not a whole number of at least 1 (`label` names the lines' field).
 */
export function packageFromLines(
	rows: IDataObject[],
	lines: number[],
	label: string,
): { packages: IDataObject[]; problems: string[] } {
	const problems: string[] = [];
	const weightless: number[] = [];
	let total = 0;
	rows.forEach((row, index) => {
		const line = lines[index] ?? index + 1;
		const weight = numberIn(row.weight);
		const quantity = checkQuantity(row.quantity);
		if (!quantity.ok) problems.push(`${label} › Line ${line} › Quantity: ${quantity.problem}`);
		if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0)
			weightless.push(line);
		else if (quantity.ok) total += weight * (quantity.value as number);
	});
	if (weightless.length) {
		const which =
			weightless.length === 1
				? `${label} › Line ${weightless[0]} has none`
				: `${label} › Lines ${weightless.join(', ')} have none`;
		problems.push(
			`Packages: one package weighing all the lines needs each line's weight (above 0), and ${which}. Map the weight (Keys in Each Line), or choose another way to give packages`,
		);
	}
	if (rows.length === 0 && problems.length === 0)
		problems.push(
			`Packages: one package weighing all the lines needs at least one line in ${label}`,
		);
	return { packages: problems.length ? [] : [{ weight: Math.round(total * 1e6) / 1e6 }], problems };
}

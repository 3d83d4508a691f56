import { COUNTRIES } from './countries';

/**
 * The one set of rules for what a field may hold, whatever mapped it: an expression that found
 * nothing, a list, an object, true/false or NaN is never turned into text or a number. Each check
 * answers a value or a problem in plain words ("must be a whole number, e.g. 2").
 */
export type Check<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const refuse = <T>(problem: string): Check<T> => ({ ok: false, problem });

/** What a value is, in words a user recognises from the expression editor. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 40)})`;
	if (typeof value === 'boolean') return `${String(value)} (a yes/no value)`;
	if (typeof value === 'number') return Number.isNaN(value) ? 'NaN (not a number)' : String(value);
	if (typeof value === 'object') return 'an object';
	const text = String(value);
	return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** Texts that only an expression which found nothing (or found an object) produces. */
const PLACEHOLDER = /^(undefined|null|nan|\[object [a-z]+\])$/i;
const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Control characters text may not hold: C0 (U+0000-U+001F) but tab, line feed and carriage return,
 * DEL (U+007F) and C1 (U+0080-U+009F). Tab and line breaks are typed (delivery instructions over two
 * lines, an address pasted from a form), so they are sent as given; the rest are never typed: a NUL
 * ends the text early in the systems that print labels, and C1 is what a Windows-1252 text read as
 * Latin-1 leaves behind. Identities refuse line breaks and tabs too (checkIdentity).
 */
const isControlInText = (code: number) =>
	(code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
	(code >= 0x7f && code <= 0x9f);
/** The first control character text may not hold, as U+XXXX, or undefined. */
function controlInText(text: string): string | undefined {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (isControlInText(code)) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	}
	return undefined;
}

export interface TextRule {
	required?: boolean;
	max?: number;
}

/** Text: trimmed; a finite number reads as its digits; empty is "not given" unless required. */
export function checkText(value: unknown, rule: TextRule = {}): Check<string | undefined> {
	if (isBlank(value))
		return rule.required
			? refuse(value === null ? 'is required (the mapped value is null)' : 'is required')
			: ok(undefined);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return refuse(`must be text, not ${describeValue(value)}`);
		value = String(value);
	}
	if (typeof value !== 'string') return refuse(`must be text, not ${describeValue(value)}`);
	const text = value.trim();
	if (PLACEHOLDER.test(text))
		return refuse(`is ${describeValue(text)}: the expression that maps it found no usable value`);
	const control = controlInText(text);
	if (control)
		return refuse(
			`holds a control character (${control}), which no text should: remove it (it usually comes from binary data or from text read in the wrong encoding)`,
		);
	if (rule.max !== undefined && text.length > rule.max)
		return refuse(
			`must be at most ${rule.max} characters (this one has ${text.length}): shorten it`,
		);
	return ok(text);
}

/**
 * An identity (order number, SKU, tracking number, service code): text or a whole number, one
 * value on one line. Always required: an identity that is not there must never become one.
 */
export function checkIdentity(value: unknown, max = 100): Check<string> {
	if (typeof value === 'number' && Number.isFinite(value) && !Number.isSafeInteger(value))
		return refuse(`must be text or a whole number, not ${describeValue(value)}`);
	if (typeof value !== 'number' && typeof value !== 'string' && !isBlank(value))
		return refuse(`must be text or a whole number, not ${describeValue(value)}`);
	const text = checkText(value, { required: true, max });
	if (!text.ok) return text as Check<string>;
	// A line break or tab (checkText refuses the other control characters): one value on one line.
	if (/[\t\n\r]/.test(text.value as string))
		return refuse('must be one value on one line (it holds a line break or a tab)');
	return ok(text.value as string);
}

export interface NumberRule {
	required?: boolean;
	integer?: boolean;
	min?: number;
	/** Must be strictly above this (e.g. a weight above 0). */
	above?: number;
	max?: number;
	/** Said with the limits: "must be in kg (at most 1000)". */
	unit?: string;
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number, or text that reads as one ("2", " 19.5 "): accepted the same way in every field. */
export function checkNumber(value: unknown, rule: NumberRule = {}): Check<number | undefined> {
	if (isBlank(value)) return rule.required ? refuse('is required') : ok(undefined);
	let number: number;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim()))
		number = Number(value.trim());
	else return refuse(`must be a number, e.g. 2 or 19.5, not ${describeValue(value)}`);
	if (!Number.isFinite(number))
		return refuse(`must be a number, e.g. 2 or 19.5, not ${describeValue(value)}`);
	if (rule.integer && !Number.isInteger(number))
		return refuse(`must be a whole number, not ${describeValue(value)}`);
	if (rule.min === 0 && number < 0) return refuse('cannot be negative');
	if (rule.min !== undefined && number < rule.min) return refuse(`must be at least ${rule.min}`);
	if (rule.above !== undefined && number <= rule.above)
		return refuse(`must be above ${rule.above}${rule.unit ? ` ${rule.unit}` : ''}`);
	if (rule.max !== undefined && number > rule.max)
		return refuse(
			rule.unit ? `must be in ${rule.unit} (at most ${rule.max})` : `must be at most ${rule.max}`,
		);
	return ok(number);
}

/** A count of things: a whole number from 1 to 100,000 (1e15 is a typo, not an order). */
export const checkQuantity = (value: unknown, required = true): Check<number | undefined> =>
	checkNumber(value, { required, integer: true, min: 1, max: 100_000 });

/**
 * The largest Starshipit record ID taken (the reference gives no limit): 12 digits leave room for any
 * ID a count of orders reaches, while 0, a timestamp in milliseconds (13 digits) or 1e15 are a mapping
 * gone wrong, and Starshipit would refuse the whole request they are in (a manifest for every item).
 */
export const RECORD_ID_MAX = 999_999_999_999;

/** A Starshipit record ID: a whole number from 1 to RECORD_ID_MAX, as a number or as digits. */
export const checkRecordId = (value: unknown): Check<number> =>
	checkNumber(value, {
		required: true,
		integer: true,
		min: 1,
		max: RECORD_ID_MAX,
	}) as Check<number>;

/** A list limit: a whole number of at least 1 (-5, 0 or "ten" would end the list silently). */
export const checkLimit = (value: unknown): Check<number> =>
	checkNumber(value, { required: true, integer: true, min: 1 }) as Check<number>;

const ISO_DATE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Whether the day exists: 2026-02-30 does not (Date would quietly make it 2 March). */
function isRealDay(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** A date: ISO text that names a real day and time (2026-11-25 or 2026-11-25T08:00:00Z), or a Date/Luxon value from an expression. */
export function checkDate(value: unknown): Check<Date | undefined> {
	if (isBlank(value)) return ok(undefined);
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? refuse('is not a valid date') : ok(value);
	const luxon = value as { isLuxonDateTime?: boolean; isValid?: boolean; toJSDate?: () => Date };
	if (
		luxon &&
		typeof luxon === 'object' &&
		luxon.isLuxonDateTime &&
		typeof luxon.toJSDate === 'function'
	) {
		return luxon.isValid === false ? refuse('is not a valid date') : ok(luxon.toJSDate());
	}
	const hint = 'must be a date such as 2026-11-25 or 2026-11-25T08:00:00Z';
	if (typeof value !== 'string') return refuse(`${hint}, not ${describeValue(value)}`);
	const match = ISO_DATE.exec(value.trim());
	if (!match) return refuse(`${hint}, not ${describeValue(value)}`);
	const [year, month, day, hour = 0, minute = 0, second = 0] = match
		.slice(1, 7)
		.map((part) => (part === undefined ? undefined : Number(part))) as number[];
	if (!isRealDay(year, month, day))
		return refuse(`is not a day on the calendar: ${describeValue(value)}`);
	if (hour > 23 || minute > 59 || second > 59)
		return refuse(`is not a time of day: ${describeValue(value)}`);
	const time = Date.parse(value.trim());
	return Number.isNaN(time) ? refuse(`${hint}, not ${describeValue(value)}`) : ok(new Date(time));
}

export interface Country {
	/** ISO 3166-1 alpha-2, e.g. NZ. */
	code: string;
	/** English name, e.g. New Zealand. */
	name: string;
}

/** Lower case, no accents, dots or doubled spaces, "&" as "and": how two spellings of a name are compared. */
const normaliseName = (name: string) =>
	name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[’']/g, "'")
		.replace(/[.]/g, '')
		.replace(/\s+/g, ' ')
		.trim();

const BY_NAME = new Map<string, string>(
	Object.entries(COUNTRIES).flatMap(([code, names]) =>
		names.map((name) => [normaliseName(name), code] as [string, string]),
	),
);

/** The country a code or English name stands for, or undefined. */
export function findCountry(text: string): Country | undefined {
	const trimmed = text.trim();
	const code =
		/^[A-Za-z]{2}$/.test(trimmed) && COUNTRIES[trimmed.toUpperCase()]
			? trimmed.toUpperCase()
			: BY_NAME.get(normaliseName(trimmed));
	return code ? { code, name: COUNTRIES[code][0] } : undefined;
}

/** A country: its ISO 3166 code (AU) or English name (Australia), both accepted everywhere. */
export function checkCountry(value: unknown, required = false): Check<Country | undefined> {
	const text = checkText(value, { required });
	if (!text.ok) return text as Check<Country | undefined>;
	if (text.value === undefined) return ok(undefined);
	const country = findCountry(text.value);
	return country
		? ok(country)
		: refuse(
				`is not a country Starshipit knows: ${describeValue(text.value)}. Use its 2-letter code (e.g. AU, NZ) or English name (e.g. Australia)`,
			);
}

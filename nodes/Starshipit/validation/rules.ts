import { z } from 'zod/v4';

import {
	checkCountry,
	checkDate,
	checkIdentity,
	checkNumber,
	checkText,
	type Check,
	type NumberRule,
} from './checks';

/*
 * Note: zod runs a later transform or refine even after a check failed (with the check's failure
 * value), so each one below tests the type it expects.
 */

/**
 * Field rules used by more than one operation (orders, rates, products, tracking-only orders), built
 * on the same checks as the input reader (checks.ts), so the same value passes or fails everywhere
 * with the same words.
 */
function fromCheck<T>(check: (value: unknown) => Check<T>) {
	return z.unknown().transform((value, context): T => {
		const result = check(value);
		if (result.ok) return result.value;
		context.addIssue({ code: 'custom', message: result.problem, input: value });
		return z.NEVER;
	});
}

/** Optional text (absent, empty or null: not given). */
export const text = (max?: number) => fromCheck((value) => checkText(value, { max }));
export const required = (max?: number) =>
	fromCheck((value) => checkText(value, { required: true, max }) as Check<string>);
/** An order number, SKU, tracking number or code: text or a whole number, never "undefined" or a list. */
export const identity = (max: number) => fromCheck((value) => checkIdentity(value, max));
/** Numbers and numeric text ("2", "19.5") alike. */
export const number = (rule: NumberRule = {}) => fromCheck((value) => checkNumber(value, rule));
export const requiredNumber = (rule: NumberRule = {}) =>
	fromCheck((value) => checkNumber(value, { ...rule, required: true }) as Check<number>);
/** A date, sent in UTC as Starshipit expects. */
export const isoDate = fromCheck(checkDate).transform((date) =>
	date instanceof Date ? date.toISOString() : undefined,
);

/** A country as a code or an English name, sent as what the endpoint takes: orders a name, rates a code. */
export const country = (send: 'code' | 'name', isRequired = false) =>
	fromCheck((value) => checkCountry(value, isRequired)).transform((found) =>
		found && typeof found === 'object' ? found[send] : undefined,
	);

const matching = (base: ReturnType<typeof text>, regex: RegExp, message: string) =>
	base.refine((value) => typeof value !== 'string' || regex.test(value), { message });

export const postCode = matching(
	text(10),
	/^[A-Za-z0-9 -]{3,10}$/,
	'must be 3 to 10 letters or digits, e.g. 2000',
);
export const requiredPostCode = matching(
	required(10) as unknown as ReturnType<typeof text>,
	/^[A-Za-z0-9 -]{3,10}$/,
	'must be 3 to 10 letters or digits, e.g. 2000',
);
// The notes' Item: tariff_code (HS code) ≤18.
export const tariffCode = matching(
	text(18),
	/^[0-9][0-9.]{3,17}$/,
	'must be a tariff (HS) code of 4 to 18 digits (dots allowed), e.g. 610910',
);
export const currency = matching(
	text(20),
	/^[A-Za-z]{3}$/,
	'must be a 3-letter currency code, e.g. AUD',
).transform((code) => (typeof code === 'string' ? code.toUpperCase() : undefined));

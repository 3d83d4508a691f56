import { z } from 'zod/v4';

/**
 * Field rules used by more than one operation (orders, rates, products, tracking-only orders), so
 * the same value passes or fails everywhere with the same words.
 */

/** Missing: "is required"; a number or list where text belongs: "must be text". */
const string = () => z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'is required' : 'must be text') });

export const text = (max: number) => string().trim().max(max, `must be at most ${max} characters`);
export const required = (max: number) => text(max).min(1, 'is required');
export const countryCode = string().trim().regex(/^[A-Za-z]{2}$/, 'must be a 2-letter country code, e.g. AU or NZ');
export const postCode = string().trim().regex(/^[A-Za-z0-9 -]{3,10}$/, 'must be 3 to 10 letters or digits, e.g. 2000');
export const tariffCode = string().trim().regex(/^[0-9][0-9.]{3,13}$/, 'must be a tariff (HS) code of 4 to 14 digits, e.g. 610910');
export const currency = string().trim().regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code, e.g. AUD').optional();

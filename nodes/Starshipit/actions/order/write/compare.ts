import type { IDataObject } from 'n8n-workflow';

import { fieldLabel } from '../../../validation/validate';
import { isInternational } from '../schema';

/**
 * Whether Starshipit holds an order with the values sent: the fields sent that it holds otherwise,
 * as the editor labels them ([] when it holds them all). Fields Starshipit adds (IDs, status, dates
 * it sets) are not compared; item and package rows are compared line by line, without their IDs.
 * Text is compared trimmed and without regard to case, numbers as numbers, dates as instants, a
 * country by name or code. These rules are where to loosen a comparison if a live account shows
 * Starshipit rewriting a value it was sent.
 */
export function differences(
	stored: IDataObject,
	sent: IDataObject,
	path: Array<string | number> = [],
): string[] {
	const found: string[] = [];
	for (const [key, wanted] of Object.entries(sent)) {
		if (key === 'order_id' || key === 'item_id' || key === 'package_id') continue;
		const held = stored[key];
		if (Array.isArray(wanted)) {
			// No rows sent leaves the order's rows as they are (an empty Packages field: Starshipit's rules choose).
			if (wanted.length === 0) continue;
			const rows = Array.isArray(held) ? (held as IDataObject[]) : [];
			if (rows.length !== wanted.length) found.push(fieldLabel([...path, key]));
			else
				wanted.forEach((row, index) =>
					found.push(...differences(rows[index] ?? {}, row as IDataObject, [...path, key, index])),
				);
		} else if (wanted && typeof wanted === 'object') {
			found.push(
				...differences((held as IDataObject) ?? {}, wanted as IDataObject, [...path, key]),
			);
		} else if (key === 'country' && typeof wanted === 'string') {
			// "AU" and "Australia" name the same country: Starshipit may keep either.
			if (isInternational(String(held ?? ''), wanted)) found.push(fieldLabel([...path, key]));
		} else if (!sameValue(held, wanted)) {
			found.push(fieldLabel([...path, key]));
		}
	}
	return found;
}

function sameValue(held: unknown, wanted: unknown): boolean {
	if (typeof wanted === 'number') return Number(held) === wanted;
	if (typeof wanted === 'boolean')
		return held === wanted || String(held).toLowerCase() === String(wanted);
	const text = String(wanted ?? '').trim();
	if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)))
		return Date.parse(String(held)) === Date.parse(text);
	return (
		String(held ?? '')
			.trim()
			.toLowerCase() === text.toLowerCase()
	);
}

/** Whether Starshipit's record has what an order comparison needs (some lists leave rows out). */
export function isWholeOrder(order: IDataObject): boolean {
	return (
		Array.isArray(order.items) &&
		Array.isArray(order.packages) &&
		Boolean(order.destination) &&
		typeof order.destination === 'object'
	);
}

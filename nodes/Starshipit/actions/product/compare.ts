import type { IDataObject } from 'n8n-workflow';

import { findCountry } from '../../validation/checks';

/**
 * The fields of `wanted` that Starshipit holds otherwise ([] when it holds them all). Compared as text,
 * so 0.5 and "0.5" (or a missing and an empty field) count as the same; a stored NZ is New Zealand.
 */
export function productDifferences(existing: IDataObject, wanted: IDataObject): string[] {
	return Object.entries(wanted)
		.filter(([key, value]) => {
			const stored = String(existing[key] ?? '');
			if (key === 'country' && findCountry(stored)?.name === value) return false;
			return stored !== String(value ?? '');
		})
		.map(([key]) => key);
}

import type { IExecuteFunctions } from 'n8n-workflow';

import { checkDate } from './checks';
import { checked } from './read';

/**
 * A date field's value as a date, undefined when empty. Anything that is not a real calendar date
 * (2026-02-30, "0", "Order 7", a bare number) is refused with the field's name before anything is
 * sent, instead of becoming some day in 2000 or 2 March.
 */
export function dateValue(
	this: IExecuteFunctions,
	value: unknown,
	fieldName: string,
	itemIndex: number,
): Date | undefined {
	return checked(
		this.getNode(),
		itemIndex,
		fieldName,
		checkDate(value),
		`Pick a date for ${fieldName} in item ${itemIndex + 1}, or map one such as 2026-11-25T08:00:00Z.`,
	);
}

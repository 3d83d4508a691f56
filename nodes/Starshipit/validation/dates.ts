import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A date field's value as a date, undefined when empty. A mapped value that is not a date is refused
 * with the field's name before anything is sent (rather than a bare "Invalid time value").
 */
export function dateValue(this: IExecuteFunctions, value: unknown, fieldName: string, itemIndex: number): Date | undefined {
	const text = String(value ?? '').trim();
	if (!text) return undefined;
	const time = Date.parse(text);
	if (Number.isNaN(time)) {
		throw new NodeOperationError(this.getNode(), `${fieldName} of item ${itemIndex + 1} is not a date: "${text}"`, {
			itemIndex,
			description: 'Pick a date, or map one such as 2026-11-25T08:00:00Z. Nothing was sent to Starshipit.',
		});
	}
	return new Date(time);
}

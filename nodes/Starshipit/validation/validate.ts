import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod/v4';

/** Names the editor spells its own way. */
const LABELS: Record<string, string> = { sku: 'SKU', hs_code: 'HS Code', mid: 'MID' };

/** "destination.post_code" reads better to a user as "Destination › Post Code". */
export function fieldLabel(path: PropertyKey[]): string {
	return path
		.map((part) =>
			typeof part === 'number'
				? `#${part + 1}`
				: LABELS[String(part)] ?? String(part)
						.split('_')
						.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
						.join(' '),
		)
		.join(' › ');
}

/**
 * Checks one item's input before anything is sent. Every problem is listed, each named by field
 * (and by line, for items and packages), so the user can fix them all in one go.
 */
export function validateInput<Schema extends z.ZodType>(
	node: INode,
	schema: Schema,
	value: unknown,
	itemIndex: number,
	what: string,
): z.output<Schema> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		const label = fieldLabel(issue.path);
		return label ? `${label}: ${issue.message}` : issue.message;
	});
	const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
	throw new NodeOperationError(node, `The ${what} of item ${itemIndex + 1} has ${count}: nothing was sent to Starshipit`, {
		itemIndex,
		description: problems.map((problem) => `• ${problem}`).join('\n'),
	});
}

import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod/v4';

/** Names the editor spells its own way (a rate's country_code is its Country field, as on an order). */
const LABELS: Record<string, string> = {
	sku: 'SKU',
	hs_code: 'HS Code',
	mid: 'MID',
	metadatas: 'Metadata',
	metafield_key: 'Key',
	country_code: 'Country',
};

/**
 * The description of an error that stops the node, one line each. n8n's error panel shows it as HTML (NodeErrorView
 * renders it with v-n8n-html and no white-space rule), where a newline alone is a space and the problems ran into
 * one another: `<br>` keeps one per line there, the newline in logs. Item data is text (a Slack message, a shop
 * note), so what goes into an item passes through plainText first.
 */
export function asLines(lines: Array<string | undefined>): string {
	return lines.filter((line) => line !== undefined && line !== '').join('<br>\n');
}

/** An error's description as item data takes it: the editor's `<br>` line breaks become plain newlines. */
export function plainText(description: string): string {
	return description.replace(/<br\s*\/?>\n?/gi, '\n');
}

/** The cause, for the error's message itself (what an alert on `{{ $json.error }}` reads): the first problem in full, and how many more. */
function firstProblem(problems: string[]): string {
	return problems.length > 1 ? `${problems[0]} (and ${problems.length - 1} more)` : problems[0];
}

/** Objects without their undefined fields: a field the rules left out must not read as "sent undefined". */
function withoutUndefined<T>(value: T): T {
	if (Array.isArray(value)) return value.map(withoutUndefined) as T;
	if (!value || typeof value !== 'object' || value instanceof Date) return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([, field]) => field !== undefined)
			.map(([key, field]) => [key, withoutUndefined(field)]),
	) as T;
}

/** What one row of each list is called, as the user counts it: "Items › Line 2". */
const ROW_WORDS: Record<string, string> = {
	items: 'Line',
	packages: 'Package',
	metadatas: 'Entry',
};

/** Row index → line number as the user counts it, per list (rows read from a list may leave entries out). */
export type LineNumbers = Record<string, number[] | undefined>;

function rowLabel(list: string, index: number, lines: LineNumbers): string {
	const number = lines[list]?.[index] ?? index + 1;
	return ROW_WORDS[list] ? `${ROW_WORDS[list]} ${number}` : `#${number}`;
}

/** "destination.post_code" reads better to a user as "Destination › Post Code"; "items.1.quantity" as "Items › Line 2 › Quantity". */
export function fieldLabel(path: PropertyKey[], lines: LineNumbers = {}): string {
	return (
		path
			// The editor calls the destination's name "Recipient Name".
			.map((part, index) =>
				part === 'name' && path[index - 1] === 'destination' ? 'recipient_name' : part,
			)
			.map((part, index) =>
				typeof part === 'number'
					? rowLabel(String(path[index - 1]), part, lines)
					: (LABELS[String(part)] ??
						String(part)
							.split('_')
							.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
							.join(' ')),
			)
			.join(' › ')
	);
}

/**
 * "order SO-1003" for an item that carries an order number (text or a number, as mapped), else undefined:
 * with 200 orders, the item number alone is hard to find.
 */
export function orderNamed(orderNumber: unknown): string | undefined {
	if (typeof orderNumber !== 'string' && typeof orderNumber !== 'number') return undefined;
	const number = String(orderNumber).trim();
	return number && number.length <= 50 ? `order ${number}` : undefined;
}

/**
 * Checks one item's input before anything is sent. Every problem is listed, each named by field
 * (and by line, for items and packages), so the user can fix them all in one go. `subject` says what
 * the user knows the item by (see orderNamed), beside its number.
 */
/** What a list read from the input adds to an item's check: its problems, how it was read, its line numbers. */
export interface ListContext {
	problems?: string[];
	notes?: string[];
	lines?: LineNumbers;
	/** The problems alone say what is wrong (an order that is not an object): the field rules would only repeat them. */
	alone?: boolean;
}

export function validateInput<Schema extends z.ZodType>(
	node: INode,
	schema: Schema,
	value: unknown,
	itemIndex: number,
	what: string,
	subject?: string,
	lists: ListContext = {},
): z.output<Schema> {
	const result = schema.safeParse(value);
	const listed = lists.problems ?? [];
	if (result.success && listed.length === 0) return withoutUndefined(result.data);
	const problems = [
		...listed,
		...(result.success || (lists.alone && listed.length) ? [] : result.error.issues).map(
			(issue) => {
				const label = fieldLabel(issue.path, lists.lines);
				return label ? `${label}: ${issue.message}` : issue.message;
			},
		),
	];
	const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
	throw new NodeOperationError(
		node,
		`The ${what} of item ${itemIndex + 1}${subject ? ` (${subject})` : ''} has ${count}: ${firstProblem(problems)}`,
		{
			itemIndex,
			description: asLines([
				...problems.map((problem) => `• ${problem}`),
				...(lists.notes ?? []),
				'Nothing was sent to Starshipit for this item. Fix these fields (or the expressions that map them) and run the node again.',
			]),
		},
	);
}

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { plainText } from '../../validation/validate';

/**
 * The one mark of a failed item, whether it is an error item (Continue On Fail) or a batch outcome
 * `outcome: "failed"` (Import, Create or Update, Sync), so the router completes both the same way.
 * A symbol key: JSON (n8n's run data, the user's items) never shows it, and a copy of the json
 * (`{ ...json, more }`) keeps it. The router takes it off before the items leave the node.
 */
const FAILED = Symbol('starshipit.failed');

type Marked = IDataObject & { [FAILED]?: Error | null };

/** Marks a failed item's json, with the error behind it when there is one; returns the same json. */
export function markFailed<T extends object>(json: T, error?: Error): T {
	(json as Marked)[FAILED] = error ?? null;
	return json;
}

/** Whether an item is marked failed. */
export function isFailed(item: INodeExecutionData): boolean {
	return FAILED in item.json;
}

/** The error a failed item was marked with (undefined for an outcome without one, or a successful item). */
export function failureOf(item: INodeExecutionData): Error | undefined {
	return (item.json as Marked)[FAILED] ?? undefined;
}

/** The json without its mark: what the user sees, exactly as it was before the mark. */
export function unmarked(json: IDataObject): IDataObject {
	const copy: Marked = { ...json };
	delete copy[FAILED];
	return copy;
}

/** The item n8n shows in place of a failed one when "Continue On Fail" is on. */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const { description, context } = error as Error & { description?: string; context?: IDataObject };
	// Item data is text: the editor's <br> line breaks become newlines.
	if (description) json.description = plainText(description);
	if (context?.supportContext) json.supportContext = context.supportContext;
	return { json: markFailed(json, error), pairedItem: { item: itemIndex } };
}

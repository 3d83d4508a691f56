import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { plainText } from '../validation/validate';

/** The error behind each failed item, so the router can complete its support fields once, for every operation. */
// Keyed by the item's json, which survives `{ ...errorItem(...), pairedItem }` copies.
const failures = new WeakMap<IDataObject, Error>();

/** The error a failed item stands for, or undefined for a successful item. */
export function failureOf(item: INodeExecutionData): Error | undefined {
	return failures.get(item.json);
}

/** The item n8n shows in place of a failed one when "Continue On Fail" is on. */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const { description, context } = error as Error & { description?: string; context?: IDataObject };
	// Item data is text: the editor's <br> line breaks become newlines.
	if (description) json.description = plainText(description);
	if (context?.supportContext) json.supportContext = context.supportContext;
	const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	failures.set(json, error);
	return item;
}

/** Wraps whatever was thrown so n8n can show it against the right item. */
export function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/**
 * Starshipit's refusal in its own words names neither the item nor, often, the order: add both (the order
 * only when its words do not already name it), so the failed one is found among many. Our own errors say
 * their item already and are left as they are.
 */
export function withItemNamed(error: unknown, itemIndex: number, orderNumber?: string): unknown {
	if (!(error instanceof NodeApiError) || /\bitem \d+\b/i.test(error.message)) return error;
	const order = orderNumber && !error.message.includes(orderNumber) ? `order ${orderNumber}, ` : '';
	error.message = `${error.message} (${order}item ${itemIndex + 1})`;
	return error;
}

/** Pairs each output with the input item that produced it. */
export function outputFor(itemIndex: number, results: IDataObject | IDataObject[]): INodeExecutionData[] {
	const list = Array.isArray(results) ? results : [results];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/**
 * Runs one operation item by item: a failed item becomes an error item when "Continue On Fail"
 * is on, and stops the node otherwise. Every output stays paired to its input.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	handleItem: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...(await handleItem(itemIndex)));
		} catch (error) {
			const nodeError = asNodeError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			output.push(errorItem(nodeError, itemIndex));
		}
	}
	return output;
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

// The error item carries the failed-item mark the router completes (actions/failures/).
import { errorItem } from '../actions/failures/mark';

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
export function outputFor(
	itemIndex: number,
	results: IDataObject | IDataObject[],
): INodeExecutionData[] {
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

import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { orderNumberOf } from './orderInput';

/**
 * One order number on several items of one run. Starshipit keeps one order per number, so the later
 * items would overwrite the first (Create or Update kept only the last of three split lines) or be
 * refused as existing. The usual cause is a Split Out of one order's lines: the advice says how to
 * send all the lines from one item instead.
 */
export function repeatedOrderError(
	orderNumber: string,
	firstIndex: number,
	itemIndex: number,
): { message: string; description: string } {
	return {
		message: `Order number ${orderNumber} is in item ${firstIndex + 1} and again in item ${itemIndex + 1} of this run: only item ${firstIndex + 1} was sent`,
		description:
			'If these items are lines of one order (after a Split Out node, for example), send the whole order from one item: set Items From to "A List in the Input" and map its list of lines, e.g. {{ $json.line_items }} (an Aggregate node puts split lines back into one list). If they are different orders, give each its own number.',
	};
}

/** Remembers the first item of each order number in a run, and refuses the later ones before anything is sent. */
export class RepeatedOrders {
	private readonly first = new Map<string, number>();

	constructor(private readonly node: INode) {}

	refuseRepeat(order: IDataObject, itemIndex: number): void {
		const number = String(order.order_number);
		const earlier = this.first.get(number);
		if (earlier === undefined) {
			this.first.set(number, itemIndex);
			return;
		}
		const { message, description } = repeatedOrderError(number, earlier, itemIndex);
		throw new NodeOperationError(this.node, message, {
			itemIndex,
			description: `${description} Nothing was sent for item ${itemIndex + 1}.`,
		});
	}
}

/**
 * Without Continue On Fail the node stops at the first repeat: look for one before anything is sent,
 * so that a split order is not left in Starshipit with its first line only.
 */
export function refuseRepeatsBeforeSending(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): void {
	if (this.continueOnFail()) return;
	const repeats = new RepeatedOrders(this.getNode());
	items.forEach((_item, itemIndex) => {
		const number = orderNumberOf.call(this, itemIndex);
		if (number) repeats.refuseRepeat({ order_number: number }, itemIndex);
	});
}

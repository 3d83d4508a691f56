import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isInternational } from '../order/schema';

/** Checks customs data on an international order before a label is booked, naming each item that lacks it. */
export function assertCustomsReady(this: IExecuteFunctions, order: IDataObject, homeCountry: string, itemIndex: number): void {
	const destination = (order.destination as IDataObject | undefined) ?? {};
	if (!isInternational(String(destination.country ?? ''), homeCountry)) return;
	const items = (order.items as IDataObject[] | undefined) ?? [];
	const problems = items.flatMap((item, index) => [
		...(item.description ? [] : [`Item ${index + 1}: Description is required for customs`]),
		...(Number(item.value) > 0 ? [] : [`Item ${index + 1}: Value is required for customs`]),
	]);
	if (items.length === 0) problems.push('The order has no items: customs needs at least one');
	if (problems.length === 0) return;
	throw new NodeOperationError(this.getNode(), `Order ${String(order.order_number)} goes abroad but lacks customs data: no label was requested (item ${itemIndex + 1})`, {
		itemIndex,
		description: `${problems.join('\n')}\nAdd them with Order > Update (or in Starshipit), then print again.`,
	});
}

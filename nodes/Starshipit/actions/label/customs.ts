import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isInternational } from '../order/schema';

/** What customs still needs on an international order, one line per item and field ("Item 2: Value is required for customs"). */
export function customsProblems(order: IDataObject, homeCountry: string): string[] {
	const destination = (order.destination as IDataObject | undefined) ?? {};
	if (!isInternational(String(destination.country ?? ''), homeCountry)) return [];
	const items = (order.items as IDataObject[] | undefined) ?? [];
	if (items.length === 0) return ['The order has no items: customs needs at least one'];
	return items.flatMap((item, index) => [
		...(String(item.description ?? '').trim() ? [] : [`Item ${index + 1}: Description is required for customs`]),
		...(Number(item.value) > 0 ? [] : [`Item ${index + 1}: Value is required for customs`]),
	]);
}

/** Stops before booking when an order goes abroad without customs data, naming each item that lacks it. */
export function assertCustomsReady(this: IExecuteFunctions, order: IDataObject, homeCountry: string, itemIndex: number): void {
	const problems = customsProblems(order, homeCountry);
	if (problems.length === 0) return;
	throw new NodeOperationError(
		this.getNode(),
		`Order ${String(order.order_number)} goes abroad without customs data, so no label was requested: ${problems.join('; ')} (item ${itemIndex + 1})`,
		{
			itemIndex,
			description: `${problems.map((problem) => `• ${problem}`).join('\n')}\nAdd them with Order > Update (or in Starshipit), then create the label again.`,
		},
	);
}

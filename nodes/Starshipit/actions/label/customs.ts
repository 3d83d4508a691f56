import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { customsIssues } from '../order/schema';
import { fieldLabel } from '../../validation/validate';

/** What customs still needs on an international order, one line per item and field ("Items › #2 › Value: is required …"). */
export function customsProblems(order: IDataObject, homeCountry: string): string[] {
	const destination = (order.destination as IDataObject | undefined) ?? {};
	const items = (order.items as IDataObject[] | undefined) ?? [];
	return customsIssues(String(destination.country ?? ''), items, homeCountry).map((issue) => `${fieldLabel(issue.path)}: ${issue.message}`);
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

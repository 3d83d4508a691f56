import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v4';

import { addressSchema, customsIssues } from '../order/schema';
import { requiredPostCode } from '../../validation/rules';
import { asLines, fieldLabel } from '../../validation/validate';

/** What customs still needs on an international order, one line per item and field ("Items › #2 › Value: is required …"). */
export function customsProblems(order: IDataObject, homeCountry: string): string[] {
	const destination = (order.destination as IDataObject | undefined) ?? {};
	const items = (order.items as IDataObject[] | undefined) ?? [];
	return customsIssues(String(destination.country ?? ''), items, homeCountry).map(
		(issue) => `${fieldLabel(issue.path)}: ${issue.message}`,
	);
}

/** Stops before booking when an order goes abroad without customs data, naming each item that lacks it. */
export function assertCustomsReady(
	this: IExecuteFunctions,
	order: IDataObject,
	homeCountry: string,
	itemIndex: number,
): void {
	const problems = customsProblems(order, homeCountry);
	if (problems.length === 0) return;
	throw new NodeOperationError(
		this.getNode(),
		`Order ${String(order.order_number)} goes abroad without customs data, so no label was requested: ${problems.join('; ')} (item ${itemIndex + 1})`,
		{
			itemIndex,
			description: asLines([
				...problems.map((problem) => `• ${problem}`),
				`Add them with Order > Update (or in Starshipit), then create the label again. If the order does not go abroad, set Your Country (now ${homeCountry}) on this node or in the credential.`,
			]),
		},
	);
}

/** What a carrier needs of the address before it books: the same rules as Order > Create, with the post code required. */
const labelAddressSchema = z.object({
	name: addressSchema.shape.name,
	street: addressSchema.shape.street,
	suburb: addressSchema.shape.suburb,
	post_code: requiredPostCode,
	country: addressSchema.shape.country,
});

/** Stops before booking when the order's address would be refused after a round trip, naming each field. */
export function assertAddressReady(
	this: IExecuteFunctions,
	order: IDataObject,
	itemIndex: number,
): void {
	const result = labelAddressSchema.safeParse((order.destination as IDataObject | undefined) ?? {});
	if (result.success) return;
	const problems = result.error.issues.map(
		(issue) => `${fieldLabel(['destination', ...issue.path])}: ${issue.message}`,
	);
	throw new NodeOperationError(
		this.getNode(),
		`Order ${String(order.order_number)} has an incomplete address, so no label was requested: ${problems.join('; ')} (item ${itemIndex + 1})`,
		{
			itemIndex,
			description: asLines([
				...problems.map((problem) => `• ${problem}`),
				'Correct the address with Update Order First on this node, with Order > Update, or in Starshipit, then create the label again.',
			]),
		},
	);
}

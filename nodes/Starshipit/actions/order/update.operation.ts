import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { orderLocator } from '../../descriptions/orderLocator';
import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { asLines } from '../../validation/validate';
import { orderFieldNamed, resolveOrder } from '../orderReads';
import type { OperationModule } from '../types';
import { orderChangeOptions, readOrderChanges } from './changes';
import { putOrderUpdate, withRowsReplaced } from './write/update';

const description: INodeProperties[] = [
	orderLocator,
	{
		displayName:
			'Only unshipped orders can be changed. Once printed, Starshipit accepts only a status change.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: orderChangeOptions,
	},
	{
		displayName: 'Verify After Update',
		name: 'verify',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the order back and check that Starshipit stored every change (one more request)',
	},
];

/** The Update Fields as Starshipit nests them; an update without any is refused before anything is sent. */
function changesOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const changes = readOrderChanges.call(
		this,
		'updateFields',
		itemIndex,
		'update',
		orderFieldNamed.call(this, itemIndex),
	);
	if (changes) return changes;
	throw new NodeOperationError(this.getNode(), `No field to update in item ${itemIndex + 1}`, {
		itemIndex,
		description: 'Add at least one field under Update Fields.',
	});
}

/** Every field sent must read back the same; lists each one that does not. */
function mismatches(sent: IDataObject, stored: IDataObject, prefix = ''): string[] {
	return Object.entries(sent).flatMap(([key, value]) => {
		// Metadata rows are added to the order's others: each one sent must be there.
		if (key === 'metadatas')
			return metadataMismatches(value as IDataObject[], (stored[key] ?? []) as IDataObject[]);
		if (Array.isArray(value))
			return rowMismatches(
				value as IDataObject[],
				(stored[key] ?? []) as IDataObject[],
				`${prefix}${key}`,
			);
		if (value && typeof value === 'object')
			return mismatches(value as IDataObject, (stored[key] as IDataObject) ?? {}, `${key}.`);
		return String(stored[key]) === String(value)
			? []
			: [`${prefix}${key}: sent "${String(value)}", Starshipit has "${String(stored[key])}"`];
	});
}

function metadataMismatches(sent: IDataObject[], stored: IDataObject[]): string[] {
	return sent
		.filter(
			(row) =>
				!stored.some(
					(kept) =>
						kept.metafield_key === row.metafield_key && String(kept.value) === String(row.value),
				),
		)
		.map(
			(row) =>
				`metadata ${String(row.metafield_key)}: sent "${String(row.value)}", Starshipit does not have it`,
		);
}

/** Replaced rows: the order must now hold exactly these, in this order. */
function rowMismatches(sent: IDataObject[], stored: IDataObject[], name: string): string[] {
	if (sent.length !== stored.length)
		return [`${name}: sent ${sent.length} rows, Starshipit has ${stored.length}`];
	return sent.flatMap((row, index) =>
		mismatches(row, stored[index] ?? {}, `${name} #${index + 1}.`),
	);
}

export const updateOrderOperation: OperationModule = {
	description,
	writes: true,
	action: 'update',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const changes = changesOf.call(this, itemIndex);
			const existing = await resolveOrder.call(this, itemIndex);
			const context = {
				sourceOrderId: String(existing.order_number),
				starshipitOrderId: existing.order_id as number,
				itemIndex,
			};
			const updated = await putOrderUpdate.call(
				this,
				existing,
				withRowsReplaced(existing, changes),
				itemIndex,
			);
			if (!this.getNodeParameter('verify', itemIndex, true)) return outputFor(itemIndex, updated);
			const stored = await starshipitRequest.call(this, {
				endpoint: 'ordersGet',
				query: { order_id: existing.order_id as number, status: existing.status as string },
				...context,
			});
			const problems = mismatches(changes, stored.order as IDataObject);
			if (problems.length) {
				throw new NodeOperationError(
					this.getNode(),
					`Starshipit did not store every change of item ${itemIndex + 1}`,
					{ itemIndex, description: asLines(problems) },
				);
			}
			return outputFor(itemIndex, { ...(stored.order as IDataObject), verified: true });
		});
	},
};

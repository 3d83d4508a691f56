import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem } from '../../helpers/items';
import { starshipitRequest, UNCONFIRMED } from '../../transport';
import { checkRecordId } from '../../validation/checks';
import { itemInput } from '../../validation/read';
import { fetchOrder } from '../orderReads';
import type { OperationModule } from '../types';

const description: INodeProperties[] = [
	{
		displayName:
			'Merging cannot be undone: the other orders’ items and packages move into the parent order, and those orders are gone from your unshipped orders. Only unshipped orders can be merged.',
		name: 'mergeNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Parent Order ID',
		name: 'parentOrderId',
		type: 'string',
		default: '={{ $json.parent_order_id }}',
		required: true,
		description:
			'The Starshipit order ID of the order that stays and receives the others (Order > Get Suggested Merges gives it as parent_order_id)',
	},
	{
		displayName: 'Order IDs to Merge Into It',
		name: 'childOrderIds',
		type: 'string',
		default: '={{ $json.child_order_ids }}',
		required: true,
		placeholder: 'e.g. 123457, 123458',
		description:
			'The Starshipit order IDs of the orders to merge into the parent, separated by commas, or a list (Order > Get Suggested Merges gives it as child_order_ids). The parent’s own ID is left out if it is there.',
	},
];

interface MergePlan {
	parentId: number;
	childIds: number[];
}

/** The IDs as a list, whether the field holds a list (an expression) or text separated by commas. */
function idList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'number') return [value];
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/** Checks the IDs before anything is asked: numbers, at least one child, no repeats; the parent's own ID is dropped. */
function readPlan(this: IExecuteFunctions, itemIndex: number): MergePlan {
	const input = itemInput.call(this, itemIndex);
	const advice = 'Use Starshipit order IDs (numbers), e.g. from Order > Get Suggested Merges.';
	const parent = checkRecordId(input.identity('parentOrderId', 'Parent Order ID', 20));
	if (!parent.ok)
		throw input.error(
			'Parent Order ID',
			`is not a Starshipit order ID: it ${parent.problem}`,
			advice,
		);
	const childIds: number[] = [];
	for (const raw of idList(input.raw('childOrderIds'))) {
		const child = checkRecordId(raw);
		if (!child.ok)
			throw input.error(
				'Order IDs to Merge Into It',
				`holds "${String(raw)}", which is not a Starshipit order ID: it ${child.problem}`,
				advice,
			);
		if (child.value !== parent.value && !childIds.includes(child.value)) childIds.push(child.value);
	}
	if (childIds.length === 0)
		throw input.error(
			'Order IDs to Merge Into It',
			'holds no order other than the parent',
			'Give at least one other order ID to merge into the parent.',
		);
	return { parentId: parent.value, childIds };
}

/** Every order must be an unshipped order in Starshipit: checked first, since a merge cannot be undone. */
async function unshippedOrders(
	this: IExecuteFunctions,
	ids: number[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const orders: IDataObject[] = [];
	for (const id of ids) {
		const order = await fetchOrder.call(this, { order_id: id }, 'Unshipped', itemIndex);
		if (!order) {
			throw new NodeOperationError(
				this.getNode(),
				`Order ID ${id} (item ${itemIndex + 1}) is not an unshipped order in Starshipit: nothing was merged`,
				{
					itemIndex,
					description:
						'Only unshipped orders can be merged. Check the ID; a printed, shipped, archived or already merged order cannot be merged.',
				},
			);
		}
		orders.push(order);
	}
	return orders;
}

/** After the merge: the parent as it is now, and each child no longer among the unshipped orders. */
async function readBack(
	this: IExecuteFunctions,
	plan: MergePlan,
	itemIndex: number,
): Promise<IDataObject> {
	const parent = await fetchOrder.call(this, { order_id: plan.parentId }, 'Unshipped', itemIndex);
	const stillThere: number[] = [];
	for (const id of plan.childIds)
		if (await fetchOrder.call(this, { order_id: id }, 'Unshipped', itemIndex)) stillThere.push(id);
	if (!parent || stillThere.length) {
		throw new NodeOperationError(
			this.getNode(),
			`Starshipit answered that the merge succeeded, but ${parent ? `order ID ${stillThere.join(', ')} is still a separate unshipped order` : `parent order ID ${plan.parentId} is no longer unshipped`} (item ${itemIndex + 1})`,
			{
				itemIndex,
				description:
					'Look at these orders in Starshipit before running the node again: a merge cannot be undone.',
			},
		);
	}
	return parent;
}

/** `POST /api/orders/merge`: one merge per input item, checked before and read back after. */
export const mergeOrdersOperation: OperationModule = {
	description,
	writes: true,
	action: 'update',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const plan = readPlan.call(this, itemIndex);
			const [parent, ...children] = await unshippedOrders.call(
				this,
				[plan.parentId, ...plan.childIds],
				itemIndex,
			);
			const { parent: parentKey, children: childrenKey } = UNCONFIRMED.mergeFields;
			await starshipitRequest.call(this, {
				endpoint: 'ordersMerge',
				body: { [parentKey]: plan.parentId, [childrenKey]: plan.childIds },
				action: 'updated',
				sourceOrderId: String(parent.order_number),
				starshipitOrderId: plan.parentId,
				itemIndex,
			});
			const merged = await readBack.call(this, plan, itemIndex);
			const json: IDataObject = {
				parent_order_id: plan.parentId,
				parent_order_number: parent.order_number,
				merged_order_ids: plan.childIds,
				merged_order_numbers: children.map((child) => child.order_number),
				order: merged,
			};
			return [{ json, pairedItem: { item: itemIndex } }];
		});
	},
};

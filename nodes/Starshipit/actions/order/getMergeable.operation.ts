import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/items';
import { returnAllAndLimit } from '../../helpers/paging';
import { LIMITS, starshipitRequestAllItems, UNCONFIRMED } from '../../transport';
import { listLimit } from '../../validation/read';
import type { OperationModule } from '../types';

/** One suggestion as Starshipit gives it, plus the IDs Order > Merge takes, ready to map. */
function suggestion(group: IDataObject): IDataObject {
	const { primary, orders } = UNCONFIRMED.mergeableFields;
	const rows = (Array.isArray(group[orders]) ? group[orders] : []) as IDataObject[];
	const parentId = group[primary];
	return {
		...group,
		parent_order_id: parentId,
		child_order_ids: rows.map((row) => row.order_id).filter((id) => id !== parentId),
		order_numbers: rows.map((row) => row.order_number),
	};
}

/** `GET /api/orders/mergeable`: unshipped orders Starshipit suggests merging (same customer and address), one item a group. */
export const getMergeableOrdersOperation: OperationModule = {
	description: [...returnAllAndLimit],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const groups = await starshipitRequestAllItems.call(this, {
				endpoint: 'ordersMergeable',
				style: 'page-limit',
				itemsKey: 'orders',
				pageSize: LIMITS.legacyListMaxLimit,
				itemIndex,
				limit: listLimit.call(this, itemIndex),
			});
			return groups.map((group) => ({ json: suggestion(group), pairedItem: { item: itemIndex } }));
		});
	},
};

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { returnAllAndLimit } from '../../helpers/paging';
import { LIMITS, starshipitRequestAllItems, UNCONFIRMED } from '../../transport';
import { dateValue } from '../../validation/dates';
import { listLimit } from '../../validation/read';
import type { OperationModule } from '../types';

const description: INodeProperties[] = [
	{
		displayName: 'Orders',
		name: 'printedStatus',
		type: 'options',
		default: 'readyToManifest',
		options: [
			{
				name: 'Ready to Manifest',
				value: 'readyToManifest',
				description:
					'Printed orders not yet on a manifest: feed their order_id to Manifest > Create',
			},
			{
				name: 'Recently Printed',
				value: 'recentlyPrinted',
				description: 'Orders whose label was printed recently, manifested or not',
			},
		],
	},
	{
		displayName: 'Printed Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		description:
			'Only orders whose label was printed from this date and time on. Empty: Starshipit’s default period.',
	},
	...returnAllAndLimit,
];

/** The printed list's date filter, or nothing; a date n8n cannot read is refused before sending. */
function sinceQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const since = dateValue.call(
		this,
		this.getNodeParameter('since', itemIndex, ''),
		'Printed Since',
		itemIndex,
	);
	return since ? { [UNCONFIRMED.printedList.sinceParam]: since.toISOString() } : {};
}

/**
 * One row per printed order (order ID and number, recipient, carrier, tracking numbers): Starshipit's
 * own short rows, so there is nothing to simplify.
 */
export const getPrintedOrdersOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			// Stored workflows keep our own value; Starshipit's name for it lives with the unconfirmed names.
			const list = this.getNodeParameter('printedStatus', itemIndex) as
				| 'readyToManifest'
				| 'recentlyPrinted';
			const query = { status: UNCONFIRMED.printedList[list], ...sinceQuery.call(this, itemIndex) };
			const orders = await starshipitRequestAllItems.call(this, {
				endpoint: 'ordersShipments',
				query,
				style: 'page-limit',
				itemsKey: 'orders',
				pageSize: LIMITS.legacyListMaxLimit,
				limit: listLimit.call(this, itemIndex),
				itemIndex,
			});
			return outputFor(itemIndex, orders);
		});
	},
};

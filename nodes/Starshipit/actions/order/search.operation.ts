import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../helpers/items';
import { LIMITS } from '../../transport';
import { itemInput } from '../../validation/read';
import type { OperationModule } from '../types';
import { listOptions, listOrders } from './listing';

const description: INodeProperties[] = [
	{
		displayName: 'Search For',
		name: 'phrase',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1001',
		description: 'Text to find in order numbers or references (parts match too)',
	},
	{
		displayName: 'Search In',
		name: 'fields',
		type: 'options',
		default: 'All',
		options: [
			{ name: 'Order Number and Reference', value: 'All' },
			{ name: 'Order Number Only', value: 'Order_Number' },
			{ name: 'Reference Only', value: 'TheirRef' },
		],
	},
	{
		displayName: 'Orders',
		name: 'searchStatus',
		type: 'options',
		default: 'All',
		options: [
			{ name: 'All', value: 'All' },
			{ name: 'Shipped', value: 'Shipped' },
			{ name: 'Unshipped', value: 'Unshipped' },
		],
	},
	...listOptions,
];

export const searchOrdersOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const phrase = itemInput.call(this, itemIndex).requiredText('phrase', 'Search For', 100);
			const query = {
				phrase,
				fields: this.getNodeParameter('fields', itemIndex),
				status: this.getNodeParameter('searchStatus', itemIndex),
			};
			return await listOrders.call(this, itemIndex, [
				{
					endpoint: 'ordersSearch',
					query,
					style: 'page-limit',
					itemsKey: 'orders',
					pageSize: LIMITS.legacyListMaxLimit,
					itemIndex,
				},
			]);
		});
	},
};

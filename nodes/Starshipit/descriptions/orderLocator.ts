import type { INodeProperties } from 'n8n-workflow';

/** Pick an order by Starshipit ID, by your order number, or from a searchable list. */
export const orderLocator: INodeProperties = {
	displayName: 'Order',
	name: 'order',
	type: 'resourceLocator',
	default: { mode: 'orderNumber', value: '' },
	required: true,
	description: 'The order in Starshipit',
	modes: [
		{
			displayName: 'By Number',
			name: 'orderNumber',
			type: 'string',
			placeholder: 'e.g. 1001',
			hint: 'Your shop or system’s order number',
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 123456',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[0-9]+$', errorMessage: 'A Starshipit order ID is a number' },
				},
			],
		},
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchOrders', searchable: true },
		},
	],
};

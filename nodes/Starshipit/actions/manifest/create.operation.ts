import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { binaryOptions } from '../../descriptions/files';
import { documentsItem } from '../../helpers/documents';
import { asNodeError } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { itemInput } from '../../validation/read';
import { readOrderIds } from '../batch';
import { errorItem } from '../failures/mark';
import type { OperationModule } from '../types';
import { manifestByNumbers, manifestByNumbersFields } from './byNumbers';

const description: INodeProperties[] = [
	{
		displayName: 'Manifest',
		name: 'manifestBy',
		type: 'options',
		default: 'orders',
		options: [
			{
				name: 'Everything Ready for a Carrier',
				value: 'carrier',
				description: 'Every printed, unmanifested order of one carrier',
			},
			{
				name: 'These Orders',
				value: 'orders',
				description:
					'The printed orders given by ID: one manifest for all input items, returned as a PDF',
			},
			{
				name: 'These Tracking or Order Numbers',
				value: 'numbers',
				description:
					'The printed shipments given by tracking number (or order number): one manifest for all input items, returned as a PDF',
			},
		],
	},
	...manifestByNumbersFields,
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '={{ $json.order_id }}',
		required: true,
		displayOptions: { show: { manifestBy: ['orders'] } },
		description:
			'The Starshipit order ID of each input item (for example from Label > Create). All input items go on one manifest.',
	},
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. AusPost',
		description: 'One manifest a run: the carrier is taken from the first input item',
		displayOptions: { show: { manifestBy: ['carrier'] } },
	},
	...binaryOptions('manifest').map((option) => ({
		...option,
		displayOptions: { show: { manifestBy: ['orders', 'numbers'] } },
	})),
];

/** One manifest for the orders of every good item, paired to each; bad items (Continue On Fail) fail on their own. */
async function manifestOrders(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { valid, refused } = readOrderIds.call(this, items);
	if (valid.length === 0) return refused;
	const orderIds = valid.map((entry) => entry.id);
	const pairedItem = valid.map((entry) => ({ item: entry.itemIndex }));
	try {
		const body = await starshipitRequest.call(this, {
			endpoint: 'manifestOrders',
			body: { order_ids: orderIds },
			action: 'manifested',
			itemIndex: valid[0].itemIndex,
		});
		const json: IDataObject = { order_ids: orderIds, manifested: orderIds.length };
		// Some carriers answer without a PDF (documented): then there is no file to return.
		const documents = body.pdf ? [{ base64: String(body.pdf), type: body.label_type }] : [];
		const item = await documentsItem.call(
			this,
			valid[0].itemIndex,
			json,
			documents,
			`manifest-${new Date().toISOString().slice(0, 10)}`,
			'manifest_base64',
		);
		return [{ ...item, pairedItem }, ...refused];
	} catch (error) {
		const nodeError = asNodeError.call(this, error, valid[0].itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		// The manifest stood for every good item, and so does its failure.
		return [{ ...errorItem(nodeError, valid[0].itemIndex), pairedItem }, ...refused];
	}
}

export const createManifestOperation: OperationModule = {
	description,
	writes: true,
	action: 'manifest',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		if (this.getNodeParameter('manifestBy', 0) === 'orders')
			return await manifestOrders.call(this, items);
		if (this.getNodeParameter('manifestBy', 0) === 'numbers')
			return await manifestByNumbers.call(this, items);
		try {
			const carrier = itemInput.call(this, 0).identity('carrier', 'Carrier', 50);
			const body = await starshipitRequest.call(this, {
				endpoint: 'manifestCarrier',
				body: { carrier },
				action: 'manifested',
				itemIndex: 0,
			});
			return [
				{
					json: { carrier, records_manifested: body.records_manifested },
					pairedItem: items.map((_item, index) => ({ item: index })),
				},
			];
		} catch (error) {
			const nodeError = asNodeError.call(this, error, 0);
			if (!this.continueOnFail()) throw nodeError;
			// The manifest stands for every input item, and so does its failure.
			return [
				{ ...errorItem(nodeError, 0), pairedItem: items.map((_item, index) => ({ item: index })) },
			];
		}
	},
};

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { documentsItem } from '../../helpers/documents';
import { starshipitRequest } from '../../transport';
import { batchOrderIdField, runBatch } from '../batch';
import type { OperationModule } from '../types';

const description: INodeProperties[] = [
	batchOrderIdField(
		'The Starshipit order ID of each input item (for example from Order > Get Many). All input orders go in one PDF.',
	),
	{
		displayName: 'Put Packing Slips in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'Name of the binary field that holds the PDF',
	},
	{
		displayName: 'Summary',
		name: 'summary',
		type: 'boolean',
		default: false,
		description:
			'Whether to ask for Starshipit’s summary version (one pick list for all the orders) instead of a slip per order',
	},
];

/** `POST /api/orders/packingslips`: one PDF for all input orders, paired to each. Reads only: nothing is booked. */
export const getPackingSlipsOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runBatch.call(this, items, async (entries, pairedItem) => {
			const orderIds = entries.map((entry) => entry.id);
			const summary = this.getNodeParameter('summary', entries[0].itemIndex, false) === true;
			const body = await starshipitRequest.call(this, {
				endpoint: 'packingSlips',
				body: { order_ids: orderIds, summary },
				action: 'read',
				itemIndex: entries[0].itemIndex,
				write: { safeToRepeat: true },
			});
			if (typeof body.pdf !== 'string' || body.pdf === '') {
				throw new NodeOperationError(
					this.getNode(),
					'Starshipit answered without the packing slips PDF',
					{
						itemIndex: entries[0].itemIndex,
						description:
							'Nothing was changed in Starshipit. Run the node again; if it keeps happening, print the slips in Starshipit.',
					},
				);
			}
			const json = { order_ids: orderIds, summary, label_type: body.label_type };
			const item = await documentsItem.call(
				this,
				entries[0].itemIndex,
				json,
				[{ base64: body.pdf, type: body.label_type }],
				`packing-slips-${new Date().toISOString().slice(0, 10)}`,
			);
			return [{ ...item, pairedItem }];
		});
	},
};

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem, outputFor } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { itemInput } from '../../validation/read';
import type { OperationModule } from '../types';

const description: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'lookupBy',
		type: 'options',
		default: 'trackingNumber',
		options: [
			{ name: 'Tracking Number', value: 'trackingNumber' },
			{ name: 'Order Number', value: 'orderNumber' },
		],
		description: 'How to find the shipment',
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. SSIT000123456',
		displayOptions: { show: { lookupBy: ['trackingNumber'] } },
		description: 'The tracking number on the label',
	},
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1001',
		displayOptions: { show: { lookupBy: ['orderNumber'] } },
		description: 'The order number from your shop or system, as sent to Starshipit',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'shipment',
		options: [
			{
				name: 'One Item per Shipment',
				value: 'shipment',
				description: 'Status, delivered flag and the events timeline as a list',
			},
			{
				name: 'One Item per Tracking Event',
				value: 'events',
				description: 'The timeline, oldest event first, one item each',
			},
		],
	},
];

/** Starshipit's `delivered` is a status, not a flag: make it one a user can branch on. */
function normalise(result: IDataObject): IDataObject {
	const status = String(result.tracking_status ?? result.order_status ?? '');
	return {
		...result,
		delivered: status.toLowerCase() === 'delivered',
		tracking_events: Array.isArray(result.tracking_events) ? result.tracking_events : [],
	};
}

function eventsOf(shipment: IDataObject): IDataObject[] {
	const events = [...(shipment.tracking_events as IDataObject[])].sort((a, b) =>
		String(a.event_datetime ?? '').localeCompare(String(b.event_datetime ?? '')),
	);
	return events.map((event) => ({
		order_number: shipment.order_number,
		tracking_number: shipment.tracking_number,
		carrier_name: shipment.carrier_name,
		...event,
	}));
}

async function getTracking(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const lookupBy = this.getNodeParameter('lookupBy', itemIndex) as string;
	const label = lookupBy === 'orderNumber' ? 'Order Number' : 'Tracking Number';
	const value = itemInput.call(this, itemIndex).identity(lookupBy, label, 100);
	const query = lookupBy === 'orderNumber' ? { order_number: value } : { tracking_number: value };
	const body = await starshipitRequest.call(this, {
		endpoint: 'track',
		query,
		itemIndex,
		sourceOrderId: lookupBy === 'orderNumber' ? value : undefined,
	});
	// `results` is an object in the reference; one client also sees a list: both are read.
	const results = Array.isArray(body.results)
		? (body.results as IDataObject[])
		: body.results
			? [body.results as IDataObject]
			: [];
	if (results.length === 0) {
		// An empty answer would end the workflow silently: say so, like Order > Get does for an unknown order.
		const field = lookupBy === 'orderNumber' ? 'order' : 'tracking number';
		throw new NodeOperationError(
			this.getNode(),
			`Starshipit has no shipment for ${field} ${value} (item ${itemIndex + 1})`,
			{
				itemIndex,
				description:
					'Check the number, and that the order has a label: tracking starts when the label is printed.',
			},
		);
	}
	const shipments = results.map(normalise);
	const output = this.getNodeParameter('output', itemIndex) as string;
	return outputFor(itemIndex, output === 'events' ? shipments.flatMap(eventsOf) : shipments);
}

export const getTrackingOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(
			this,
			items,
			async (itemIndex) => await getTracking.call(this, itemIndex),
		);
	},
};

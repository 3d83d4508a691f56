import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { documentsItem } from '../../helpers/documents';
import { asNodeError } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { itemInput } from '../../validation/read';
import { errorItem } from '../failures/mark';

/** Manifest > Create, "These Tracking or Order Numbers": `POST /api/manifests/shipments`. */
export const manifestByNumbersFields: INodeProperties[] = [
	{
		displayName: 'Numbers Are',
		name: 'numbersAre',
		type: 'options',
		default: 'tracking',
		displayOptions: { show: { manifestBy: ['numbers'] } },
		options: [
			{
				name: 'Tracking Numbers',
				value: 'tracking',
				description: 'The tracking number of each shipment, as Label > Create returns it',
			},
			{
				name: 'Order Numbers',
				value: 'order',
				description: 'Your order numbers, as sent to Starshipit',
			},
		],
	},
	{
		displayName: 'Tracking Number',
		name: 'shipmentNumber',
		type: 'string',
		default: '={{ $json.tracking_number }}',
		required: true,
		displayOptions: { show: { manifestBy: ['numbers'], numbersAre: ['tracking'] } },
		description: 'The tracking number of each input item. All input items go on one manifest.',
	},
	{
		displayName: 'Order Number',
		name: 'shipmentNumber',
		type: 'string',
		default: '={{ $json.order_number }}',
		required: true,
		displayOptions: { show: { manifestBy: ['numbers'], numbersAre: ['order'] } },
		description: 'The order number of each input item. All input items go on one manifest.',
	},
];

interface NumberEntry {
	number: string;
	itemIndex: number;
}

/** Each item's number; an empty or repeated one fails before anything is sent (its own item under Continue On Fail). */
function readNumbers(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	label: string,
): { valid: NumberEntry[]; refused: INodeExecutionData[] } {
	const valid: NumberEntry[] = [];
	const refused: INodeExecutionData[] = [];
	items.forEach((_item, itemIndex) => {
		try {
			const input = itemInput.call(this, itemIndex);
			const number = input.identity('shipmentNumber', label, 50);
			const first = valid.find((entry) => entry.number === number);
			if (first)
				throw input.error(
					label,
					`repeats item ${first.itemIndex + 1} (${number})`,
					'Each shipment may appear once on a manifest: remove the repeated item.',
				);
			valid.push({ number, itemIndex });
		} catch (error) {
			const nodeError = asNodeError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			refused.push(errorItem(nodeError, itemIndex));
		}
	});
	return { valid, refused };
}

/** One manifest for the shipments of every good item, paired to each. */
export async function manifestByNumbers(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const useOrderNumbers = this.getNodeParameter('numbersAre', 0, 'tracking') === 'order';
	const { valid, refused } = readNumbers.call(
		this,
		items,
		useOrderNumbers ? 'Order Number' : 'Tracking Number',
	);
	if (valid.length === 0) return refused;
	const numbers = valid.map((entry) => entry.number);
	const pairedItem = valid.map((entry) => ({ item: entry.itemIndex }));
	const first = valid[0].itemIndex;
	try {
		const body = await starshipitRequest.call(this, {
			endpoint: 'manifestShipments',
			body: { tracking_numbers: numbers, use_order_numbers: useOrderNumbers },
			action: 'manifested',
			itemIndex: first,
		});
		const json = {
			[useOrderNumbers ? 'order_numbers' : 'tracking_numbers']: numbers,
			manifested: numbers.length,
			file_name: body.file_name,
		};
		// As with the other manifest endpoint, a carrier may answer without a PDF: then there is no file.
		const documents = body.pdf ? [{ base64: String(body.pdf), type: 'Manifest' }] : [];
		const baseName =
			typeof body.file_name === 'string' && body.file_name
				? body.file_name.replace(/\.pdf$/i, '')
				: `manifest-${new Date().toISOString().slice(0, 10)}`;
		const item = await documentsItem.call(
			this,
			first,
			json,
			documents,
			baseName,
			'manifest_base64',
		);
		return [{ ...item, pairedItem }, ...refused];
	} catch (error) {
		const nodeError = asNodeError.call(this, error, first);
		if (!this.continueOnFail()) throw nodeError;
		return [{ ...errorItem(nodeError, first), pairedItem }, ...refused];
	}
}

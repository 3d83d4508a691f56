import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../helpers/items';
import { starshipitRequest, UNCONFIRMED } from '../../transport';
import { itemInput } from '../../validation/read';
import { errorItem } from '../failures/mark';
import type { OperationModule } from '../types';

const description: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '={{ $json.order_id }}',
		required: true,
		description:
			'The Starshipit order ID of each input item (for example from Order > Get Many). Only unshipped orders can change carrier.',
	},
	{
		displayName: 'Carrier ID',
		name: 'carrierId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 9',
		description:
			'Starshipit’s number for the carrier, not its name (an order already using that carrier shows it as carrier_id)',
	},
	{
		displayName: 'Service Code',
		name: 'serviceCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. EXP',
		description: 'The carrier’s service (product) code, as Rate > Get Delivery Services lists it',
	},
];

interface CarrierChange {
	carrierId: string;
	serviceCode: string;
	/** The input items of this change, with their order IDs. */
	entries: Array<{ itemIndex: number; orderId: number }>;
}

/** Reads one item; throws (before anything is sent) when its order ID, carrier or service is unusable. */
function readItem(
	this: IExecuteFunctions,
	itemIndex: number,
): { orderId: number; carrierId: string; serviceCode: string } {
	const refuse = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), message, {
			itemIndex,
			description: `${description} Nothing was sent to Starshipit.`,
		});
	const input = itemInput.call(this, itemIndex);
	const orderId = input.identity('orderId', 'Order ID', 20);
	if (!/^[0-9]+$/.test(orderId)) {
		throw refuse(
			`Order ID of item ${itemIndex + 1} is not a Starshipit order ID: "${orderId}"`,
			'Map the order_id field from Order > Get or Order > Get Many.',
		);
	}
	const carrierId = input.identity('carrierId', 'Carrier ID', 20);
	if (!/^[0-9]+$/.test(carrierId)) {
		throw refuse(
			`Carrier ID of item ${itemIndex + 1} is not a number: "${carrierId}"`,
			'Enter Starshipit’s number for the carrier (an order already using it shows it as carrier_id), not the carrier’s name.',
		);
	}
	const serviceCode = input.identity('serviceCode', 'Service Code', 50);
	return { orderId: Number(orderId), carrierId, serviceCode };
}

/**
 * All input items in one request (one per distinct carrier and service, when those differ between
 * items); one output item per input item, paired to it. A refused request fails each of its items.
 */
export const setCarrierOperation: OperationModule = {
	description,
	writes: true,
	action: 'update',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const results: INodeExecutionData[] = [];
		const changes = new Map<string, CarrierChange>();
		const fail = (error: unknown, itemIndex: number) => {
			const nodeError = asNodeError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			results[itemIndex] = errorItem(nodeError, itemIndex);
		};
		// Every item is checked before the first request, so one bad item stops the node with nothing sent.
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const { orderId, carrierId, serviceCode } = readItem.call(this, itemIndex);
				const key = JSON.stringify([carrierId, serviceCode]);
				const change = changes.get(key) ?? { carrierId, serviceCode, entries: [] };
				change.entries.push({ itemIndex, orderId });
				changes.set(key, change);
			} catch (error) {
				fail(error, itemIndex);
			}
		}
		const fields = UNCONFIRMED.batchCarrierFields;
		for (const { carrierId, serviceCode, entries } of changes.values()) {
			const orderIds = [...new Set(entries.map((entry) => entry.orderId))];
			try {
				await starshipitRequest.call(this, {
					endpoint: 'ordersBatchCarrier',
					body: {
						[fields.orderIds]: orderIds,
						[fields.serviceCode]: serviceCode,
						[fields.carrierId]: carrierId,
					},
					action: 'updated',
					starshipitOrderId: orderIds.join(','),
					itemIndex: entries[0].itemIndex,
					// Setting the same carrier twice leaves the same orders.
					write: { safeToRepeat: true },
				});
				for (const { itemIndex, orderId } of entries) {
					results[itemIndex] = {
						json: {
							success: true,
							outcome: 'updated',
							order_id: orderId,
							carrier_id: carrierId,
							product_code: serviceCode,
						},
						pairedItem: { item: itemIndex },
					};
				}
			} catch (error) {
				for (const { itemIndex } of entries) fail(error, itemIndex);
			}
		}
		return results.filter(Boolean);
	},
};

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { starshipitRequest } from '../../transport';
import { documentsItem } from './document';

/** How the user named the order: Starshipit's label endpoint takes either `order_id` or `order_number`. */
export interface OrderReference {
	order_id?: number;
	order_number?: string;
}

/** Reads the Order field (by number, by ID, or from the list) without asking Starshipit anything. */
export function orderReference(this: IExecuteFunctions, itemIndex: number): OrderReference {
	const locator = this.getNodeParameter('order', itemIndex) as { mode: string; value: unknown };
	const value = String(locator.value ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `Order is empty in item ${itemIndex + 1}`, {
			itemIndex,
			description: 'Enter an order number or Starshipit order ID, or map one from the previous node.',
		});
	}
	if (locator.mode !== 'id' && locator.mode !== 'list') return { order_number: value };
	if (!/^[0-9]+$/.test(value)) {
		throw new NodeOperationError(this.getNode(), `Order ID "${value}" in item ${itemIndex + 1} is not a Starshipit order ID`, {
			itemIndex,
			description: 'A Starshipit order ID is a number, e.g. the order_id from Order > Create. To use your own order number, pick "By Order Number".',
		});
	}
	return { order_id: Number(value) };
}

/** `status` defaults to Unshipped in GET /api/orders; `Shipped` also finds printed orders. Not found: undefined. */
export async function fetchOrder(this: IExecuteFunctions, reference: OrderReference, status: 'Unshipped' | 'Shipped', itemIndex: number): Promise<IDataObject | undefined> {
	const body = await starshipitRequest.call(this, {
		endpoint: 'ordersGet',
		query: { ...reference, status },
		sourceOrderId: reference.order_number,
		starshipitOrderId: reference.order_id,
		itemIndex,
		notFoundAsEmpty: true,
	});
	return (body.order as IDataObject | undefined) ?? undefined;
}

/** The label answer, flattened: the first tracking number on its own for easy mapping. */
export function shipmentFacts(body: IDataObject): IDataObject {
	const trackingNumbers = (body.tracking_numbers as string[] | undefined) ?? [];
	return {
		order_id: body.order_id,
		order_number: body.order_number,
		carrier_name: body.carrier_name,
		carrier_service_code: body.carrier_service_code,
		tracking_number: trackingNumbers[0],
		tracking_numbers: trackingNumbers,
		label_types: body.label_types,
	};
}

/** One output item: the facts as JSON, each label (`labels` pair with `label_types` by index) as a file. */
export async function labelItem(this: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<INodeExecutionData[]> {
	const labels = (body.labels as string[] | undefined) ?? [];
	const types = (body.label_types as unknown[] | undefined) ?? [];
	const documents = labels.map((base64, index) => ({ base64, type: types[index] }));
	return [await documentsItem.call(this, itemIndex, shipmentFacts(body), documents, `label-${String(body.order_number ?? body.order_id)}`)];
}

/** Asks for the labels Starshipit already made for a printed order; books nothing. */
export async function reprintLabel(this: IExecuteFunctions, reference: OrderReference, itemIndex: number): Promise<IDataObject> {
	return await starshipitRequest.call(this, {
		endpoint: 'labelCreate',
		body: { ...reference, reprint: true },
		action: 'read',
		sourceOrderId: reference.order_number,
		starshipitOrderId: reference.order_id,
		itemIndex,
		safeToRepeat: true,
	});
}

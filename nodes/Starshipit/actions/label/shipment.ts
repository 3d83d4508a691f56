import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { documentsItem } from '../../helpers/documents';
import { starshipitRequest } from '../../transport';
import { withoutBlanks } from '../order/rows';
import { fetchOrder, type OrderReference } from '../orderReads';

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

/** The first bytes of a label Starshipit documents: a PDF, or ZPL for label printers. */
function isLabelFile(base64: unknown): boolean {
	if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/\s]+=*\s*$/.test(base64)) return false;
	const head = Buffer.from(base64.trim().slice(0, 16), 'base64').toString('latin1').trimStart();
	return head.startsWith('%PDF') || head.startsWith('^XA');
}

/**
 * The label files of an answer, or an item error: an answer without a label, or with one that is
 * not a PDF or ZPL file, must not become an item without a file or a garbage .pdf.
 */
function labelFiles(this: IExecuteFunctions, itemIndex: number, body: IDataObject): string[] {
	const labels = Array.isArray(body.labels) ? (body.labels as unknown[]) : [];
	const order = String(body.order_number ?? body.order_id ?? '');
	const advice = `Starshipit may have booked the shipment: run Label > Reprint for order ${order} to fetch its label, or look at the order in Starshipit.`;
	if (labels.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Starshipit answered without a label for order ${order} (item ${itemIndex + 1})`,
			{ itemIndex, description: advice },
		);
	}
	const bad = labels.findIndex((label) => !isLabelFile(label));
	if (bad >= 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Label ${bad + 1} of order ${order} (item ${itemIndex + 1}) is not a PDF or ZPL file`,
			{
				itemIndex,
				description: `Starshipit’s answer held something else where the label belongs. ${advice}`,
			},
		);
	}
	return labels as string[];
}

/** One output item: the facts as JSON, each label (`labels` pair with `label_types` by index) as a file. */
export async function labelItem(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<INodeExecutionData[]> {
	const labels = labelFiles.call(this, itemIndex, body);
	const types = (body.label_types as unknown[] | undefined) ?? [];
	const documents = labels.map((base64, index) => ({ base64, type: types[index] }));
	return [
		await documentsItem.call(
			this,
			itemIndex,
			shipmentFacts(body),
			documents,
			`label-${String(body.order_number ?? body.order_id)}`,
		),
	];
}

/** Asks for the labels Starshipit already made for a printed order; books nothing. */
export async function reprintLabel(
	this: IExecuteFunctions,
	reference: OrderReference,
	itemIndex: number,
): Promise<IDataObject> {
	return await starshipitRequest.call(this, {
		endpoint: 'labelCreate',
		body: { ...reference, reprint: true },
		action: 'read',
		sourceOrderId: reference.order_number,
		starshipitOrderId: reference.order_id,
		itemIndex,
		write: { safeToRepeat: true },
	});
}

/**
 * Books the label of an order (with any carrier, service or package overrides). A dropped connection
 * may hide a booked shipment: if the order now has a label, that label is fetched instead of booking again.
 */
export async function bookLabel(
	this: IExecuteFunctions,
	target: OrderReference,
	overrides: IDataObject,
	sourceOrderId: string | undefined,
	itemIndex: number,
): Promise<IDataObject> {
	return await starshipitRequest.call(this, {
		endpoint: 'labelCreate',
		body: withoutBlanks({ ...target, ...overrides }),
		action: 'labelled',
		sourceOrderId,
		starshipitOrderId: target.order_id,
		itemIndex,
		write: {
			readBack: async () => {
				const printed = await fetchOrder.call(this, target, 'Shipped', itemIndex);
				return printed?.tracking_number
					? { done: await reprintLabel.call(this, target, itemIndex) }
					: { resend: 'same body' };
			},
		},
	});
}

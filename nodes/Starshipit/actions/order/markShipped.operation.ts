import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod/v4';

import { outputFor, runPerItem } from '../../helpers/items';
import {
	starshipitRequest,
	UNCONFIRMED,
	type AttemptFailure,
	type LandedCheck,
} from '../../transport';
import { cancelSignalOf, pause } from '../../transport/cancel';
import { country, identity, required, requiredPostCode } from '../../validation/rules';
import { orderNamed, validateInput } from '../../validation/validate';
import { searchByOrderNumber } from '../orderReads';
import type { OperationModule } from '../types';

const description: INodeProperties[] = [
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1001',
		description: 'Your shop or system’s own order number, as the customer knows it',
	},
	{
		displayName: 'Recipient Name',
		name: 'recipientName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Jane Citizen',
	},
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. AusPost',
		description:
			'Starshipit’s code for the carrier that took the parcel (AusPost, CouriersPlease, DHL, StarTrack, NZPost, ...), not its full name',
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 33ABC1234567',
	},
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Australia or AU',
		description: 'Where the parcel is going',
	},
	{
		displayName: 'Post Code',
		name: 'postCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2000',
	},
];

/** What Starshipit needs to track a parcel it did not book, checked before anything is sent. */
const trackingOnlySchema = z.object({
	order_number: identity(50),
	recipient_name: required(100),
	carrier: identity(50).refine(
		(code) => typeof code !== 'string' || /^[A-Za-z0-9]+$/.test(code),
		'must be Starshipit’s carrier code, one word such as AusPost or CouriersPlease',
	),
	tracking_number: identity(100),
	// A code or a name is accepted; sent as a name, as orders take it (what this endpoint takes is not said).
	country: country('name', true),
	post_code: requiredPostCode,
});
type TrackingOnlyInput = z.output<typeof trackingOnlySchema>;

function readInput(this: IExecuteFunctions, itemIndex: number): TrackingOnlyInput {
	// Values as mapped: the schema refuses null, objects, lists and true/false by field, never "[object Object]".
	const parameter = (name: string) => this.getNodeParameter(name, itemIndex, '') as unknown;
	const input = {
		order_number: parameter('orderNumber'),
		recipient_name: parameter('recipientName'),
		carrier: parameter('carrier'),
		tracking_number: parameter('trackingNumber'),
		country: parameter('country'),
		post_code: parameter('postCode'),
	};
	return validateInput(
		this.getNode(),
		trackingOnlySchema,
		input,
		itemIndex,
		'shipment',
		orderNamed(input.order_number),
	);
}

/** The order Starshipit made from this request, if it has one: order number and tracking number both match. */
async function findTrackingOnlyOrder(
	this: IExecuteFunctions,
	input: TrackingOnlyInput,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const { matches } = await searchByOrderNumber.call(this, input.order_number, itemIndex);
	return matches.find((order) => String(order.tracking_number ?? '') === input.tracking_number);
}

/** A write that got no answer is given as long again as the Timeout, and at least this long, to land before it is sent again. */
const LATE_WRITE_GRACE_MS = 10_000;

/**
 * The read back before a shipment is sent again. Nothing in the reference says Starshipit refuses a
 * second shipment with the same order and tracking number, and a request the client gave up on (the
 * credential's Timeout) may still be processed seconds later: read back at once it is not there yet,
 * and sent again it would be recorded, and the customer told, twice. So when the attempt ran into the
 * Timeout, the shipment is given time to land and read back once more before anything is sent again.
 * A failure answered quickly (a 5xx) was not still in flight and is read back at once.
 */
function lateWriteReadBack(this: IExecuteFunctions, input: TrackingOnlyInput, itemIndex: number) {
	const answered = (order: IDataObject) => ({
		orders: { [String(order.order_id)]: input.tracking_number },
		success: true,
	});
	return async ({ ranIntoTimeout, timeoutMs }: AttemptFailure): Promise<LandedCheck> => {
		const existing = await findTrackingOnlyOrder.call(this, input, itemIndex);
		if (existing) return { done: answered(existing) };
		if (!ranIntoTimeout) return { resend: 'same body' };
		await pause(Math.max(LATE_WRITE_GRACE_MS, timeoutMs), cancelSignalOf(this));
		const landed = await findTrackingOnlyOrder.call(this, input, itemIndex);
		return landed ? { done: answered(landed) } : { resend: 'same body' };
	};
}

/** The answer maps each new order ID to its tracking number; a list of orders is read too. */
function newOrderId(body: IDataObject, trackingNumber: string): number | string | undefined {
	const orders = body.orders;
	if (Array.isArray(orders))
		return ((orders as IDataObject[])[0]?.order_id as number | undefined) ?? undefined;
	if (!orders || typeof orders !== 'object') return undefined;
	const entries = Object.entries(orders as IDataObject);
	const [id] = entries.find(([, value]) => String(value) === trackingNumber) ?? entries[0] ?? [];
	if (id === undefined) return undefined;
	return /^[0-9]+$/.test(id) ? Number(id) : id;
}

/**
 * One order per input item, never twice: Starshipit is searched for this order number with this
 * tracking number before sending (a workflow run again must not notify the customer again), and
 * again after a failure that may have landed (5xx, dropped connection, no answer in time: lateWriteReadBack).
 */
export const markShippedOperation: OperationModule = {
	description,
	writes: true,
	action: 'create',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const input = readInput.call(this, itemIndex);
			const recorded = await findTrackingOnlyOrder.call(this, input, itemIndex);
			if (recorded)
				return outputFor(itemIndex, {
					success: true,
					outcome: 'already recorded',
					order_id: recorded.order_id,
					order_number: input.order_number,
					carrier: input.carrier,
					tracking_number: input.tracking_number,
				});
			const fields = UNCONFIRMED.trackingOnlyFields;
			const order = {
				[fields.orderNumber]: input.order_number,
				[fields.recipientName]: input.recipient_name,
				[fields.carrier]: input.carrier,
				[fields.trackingNumber]: input.tracking_number,
				[fields.country]: input.country,
				[fields.postCode]: input.post_code,
			};
			const body = await starshipitRequest.call(this, {
				endpoint: 'ordersTrackingOnly',
				body: { orders: [order] },
				action: 'created',
				sourceOrderId: input.order_number,
				itemIndex,
				write: { readBack: lateWriteReadBack.call(this, input, itemIndex) },
			});
			return outputFor(itemIndex, {
				success: true,
				outcome: 'shipped',
				order_id: newOrderId(body, input.tracking_number),
				order_number: input.order_number,
				carrier: input.carrier,
				tracking_number: input.tracking_number,
			});
		});
	},
};

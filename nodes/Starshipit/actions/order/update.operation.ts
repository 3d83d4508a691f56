import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v4';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { validateInput } from '../../validation/validate';
import type { OperationModule } from '../types';
import { withoutBlanks } from './fields';
import { orderLocator, resolveOrder } from './lookup';
import { addressSchema } from './schema';

const DESTINATION_FIELDS = ['name', 'company', 'building', 'street', 'suburb', 'city', 'state', 'post_code', 'country', 'email', 'phone', 'delivery_instructions'];
const text = (displayName: string, name: string, description?: string): INodeProperties => ({ displayName, name, type: 'string', default: '', description });

const description: INodeProperties[] = [
	orderLocator,
	{
		displayName: 'Only unshipped orders can be changed. Once printed, Starshipit accepts only a status change.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Authority to Leave', name: 'authority_to_leave', type: 'boolean', default: false, description: 'Whether the carrier may leave the parcel without a signature' },
			text('Building', 'building'),
			text('Carrier', 'carrier', 'Carrier code, e.g. AusPost'),
			text('Carrier Service Code', 'carrier_service_code', 'e.g. EXP'),
			text('City', 'city'),
			text('Company', 'company'),
			text('Country', 'country'),
			text('Currency', 'currency'),
			text('Delivery Instructions', 'delivery_instructions'),
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			text('Phone', 'phone'),
			text('Post Code', 'post_code'),
			text('Recipient Name', 'name'),
			text('Reference', 'reference'),
			text('Shipping Description', 'shipping_description'),
			text('Shipping Method', 'shipping_method'),
			{ displayName: 'Signature Required', name: 'signature_required', type: 'boolean', default: false, description: 'Whether the recipient must sign on delivery' },
			text('State', 'state'),
			text('Street', 'street'),
			text('Suburb', 'suburb'),
		],
	},
	{
		displayName: 'Verify After Update',
		name: 'verify',
		type: 'boolean',
		default: true,
		description: 'Whether to read the order back and check that Starshipit stored every change (one more request)',
	},
];

const updateSchema = addressSchema.partial().extend({ currency: z.string().regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code, e.g. AUD').optional() }).passthrough();

/** Splits the flat Update Fields into the order and its destination, as Starshipit nests them. */
function changesOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = withoutBlanks(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), `No field to update in item ${itemIndex + 1}`, { itemIndex, description: 'Add at least one field under Update Fields.' });
	}
	validateInput(this.getNode(), updateSchema, fields, itemIndex, 'update');
	const destination = Object.fromEntries(Object.entries(fields).filter(([key]) => DESTINATION_FIELDS.includes(key)));
	const order = Object.fromEntries(Object.entries(fields).filter(([key]) => !DESTINATION_FIELDS.includes(key)));
	return Object.keys(destination).length ? { ...order, destination } : order;
}

/** Every field sent must read back the same; lists each one that does not. */
function mismatches(sent: IDataObject, stored: IDataObject, prefix = ''): string[] {
	return Object.entries(sent).flatMap(([key, value]) => {
		if (value && typeof value === 'object') return mismatches(value as IDataObject, (stored[key] as IDataObject) ?? {}, `${key}.`);
		return String(stored[key]) === String(value) ? [] : [`${prefix}${key}: sent "${String(value)}", Starshipit has "${String(stored[key])}"`];
	});
}

export const updateOrderOperation: OperationModule = {
	description,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const changes = changesOf.call(this, itemIndex);
			const existing = await resolveOrder.call(this, itemIndex);
			const context = { sourceOrderId: String(existing.order_number), starshipitOrderId: existing.order_id as number, itemIndex };
			const body = await starshipitRequest.call(this, { endpoint: 'ordersUpdate', body: { order: { order_id: existing.order_id, ...changes } }, action: 'updated', ...context });
			if (!this.getNodeParameter('verify', itemIndex, true)) return outputFor(itemIndex, body.order as IDataObject);
			const stored = await starshipitRequest.call(this, { endpoint: 'ordersGet', query: { order_id: existing.order_id as number, status: existing.status as string }, ...context });
			const problems = mismatches(changes, stored.order as IDataObject);
			if (problems.length) {
				throw new NodeOperationError(this.getNode(), `Starshipit did not store every change of item ${itemIndex + 1}`, { itemIndex, description: problems.join('\n') });
			}
			return outputFor(itemIndex, { ...(stored.order as IDataObject), verified: true });
		});
	},
};

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v4';

import { starshipitRequest } from '../../transport';
import { validateInput } from '../../validation/validate';
import { itemRows, orderRowFields, packageRows, withoutBlanks } from './fields';
import { addressSchema, itemSchema, orderSchema, packageSchema } from './schema';

/**
 * The changes an unshipped order accepts, shared by Order > Update and Label > Create's
 * "Update Order First": one field list, one set of rules, one way of nesting them for Starshipit.
 */
const text = (displayName: string, name: string, description?: string): INodeProperties => ({ displayName, name, type: 'string', default: '', description });

export const orderChangeOptions: INodeProperties[] = [
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
	{ displayName: 'Order Date', name: 'order_date', type: 'dateTime', default: '' },
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
	{ ...orderRowFields('items'), displayName: 'Items (Replace All)', description: 'The order’s new item lines: every current line is removed and these are added' },
	{ ...orderRowFields('packages'), displayName: 'Packages (Replace All)', description: 'The order’s new packages, in kilograms and metres: every current package is removed and these are added' },
];

// Any address field may change on its own; the order's own fields keep their rules on create.
const DESTINATION_FIELDS = Object.keys(addressSchema.shape);
const orderRules = orderSchema('AU').shape;
const changesSchema = addressSchema
	.partial()
	.extend({ currency: orderRules.currency, order_date: orderRules.order_date, items: z.array(itemSchema).optional(), packages: z.array(packageSchema).optional() })
	.passthrough();
const ROW_ID: Record<string, string> = { items: 'item_id', packages: 'package_id' };

const pick = (fields: IDataObject, keep: (key: string) => boolean): IDataObject => Object.fromEntries(Object.entries(fields).filter(([key]) => keep(key)));

/**
 * Reads a collection of changes, checks it before anything is sent and nests the address fields
 * under destination, as Starshipit expects. None given: undefined.
 */
export function readOrderChanges(this: IExecuteFunctions, parameterName: string, itemIndex: number, what: string): IDataObject | undefined {
	const { items, packages, ...values } = this.getNodeParameter(parameterName, itemIndex, {}) as IDataObject;
	// Rows added in the editor but left empty mean "no change", not "remove every line".
	const fields = withoutBlanks({ ...values, items: itemRows(items), packages: packageRows(packages) });
	for (const key of Object.keys(ROW_ID)) if ((fields[key] as IDataObject[]).length === 0) delete fields[key];
	if (Object.keys(fields).length === 0) return undefined;
	validateInput(this.getNode(), changesSchema, fields, itemIndex, what);
	const destination = pick(fields, (key) => DESTINATION_FIELDS.includes(key));
	const order = pick(fields, (key) => !DESTINATION_FIELDS.includes(key));
	return Object.keys(destination).length ? { ...order, destination } : order;
}

/**
 * The changes as sent to Starshipit: replaced item and package rows also remove every current row
 * (a row with its id and `delete: true`), as a partial update only adds rows that carry no id.
 */
export function withRowsReplaced(existing: IDataObject, changes: IDataObject): IDataObject {
	const sent = { ...changes };
	for (const [key, idKey] of Object.entries(ROW_ID)) {
		if (!Array.isArray(changes[key])) continue;
		const current = (Array.isArray(existing[key]) ? existing[key] : []) as IDataObject[];
		sent[key] = [...current.map((row) => ({ [idKey]: row[idKey], delete: true })), ...(changes[key] as IDataObject[])];
	}
	return sent;
}

/** An order update can be sent again harmlessly unless it adds rows (rows without an id would be added twice). */
export function isRepeatableUpdate(order: IDataObject): boolean {
	return Object.keys(ROW_ID).every((key) => !Array.isArray(order[key]) || (order[key] as IDataObject[]).every((row) => row[ROW_ID[key]] !== undefined));
}

/** PUT /api/orders for one order with a partial body; sent again after a failure only when that cannot add rows twice. */
export async function putOrderUpdate(this: IExecuteFunctions, existing: IDataObject, update: IDataObject, itemIndex: number): Promise<IDataObject> {
	const order = { ...update, order_id: existing.order_id };
	const body = await starshipitRequest.call(this, {
		endpoint: 'ordersUpdate',
		body: { order },
		action: 'updated',
		sourceOrderId: String(existing.order_number),
		starshipitOrderId: existing.order_id as number,
		itemIndex,
		safeToRepeat: isRepeatableUpdate(order),
	});
	return (body.order as IDataObject | undefined) ?? order;
}

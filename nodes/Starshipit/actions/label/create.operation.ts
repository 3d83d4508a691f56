import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod/v4';

import { binaryOptions } from '../../descriptions/files';
import { orderLocator } from '../../descriptions/orderLocator';
import { packagesField } from '../../descriptions/packages';
import { runPerItem } from '../../helpers/items';
import { credentialHomeCountry, nodeHomeCountry } from '../../transport';
import { itemInput } from '../../validation/read';
import { validateInput } from '../../validation/validate';
import { readOrderChanges } from '../order/changes';
import { packagesOfItem, packagesSourceFields } from '../order/lists';
import { packageSchema } from '../order/schema';
import { fetchOrder, orderReference, type OrderReference } from '../orderReads';
import type { OperationModule } from '../types';
import { assertAddressReady, assertCustomsReady } from './customs';
import {
	labelFailedAfter,
	refuseIfPrinted,
	refuseUpdate,
	updateOrder,
	updateOrderFirstField,
	withChanges,
} from './orderUpdate';
import { bookLabel, labelItem } from './shipment';

const description: INodeProperties[] = [
	orderLocator,
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'string',
		default: '',
		placeholder: 'e.g. AusPost',
		description: 'Carrier code. Empty: the carrier Starshipit’s rules chose for the order.',
	},
	{
		displayName: 'Service Code',
		name: 'carrierServiceCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. EXP',
		description: 'Carrier service code, e.g. from Rate > Get Rates. Empty: the order’s service.',
	},
	...packagesSourceFields(
		packagesField(
			'Override the order’s packages (kilograms and metres). Empty: use the order’s.',
			0.5,
		),
		['rows', 'list'],
	),
	updateOrderFirstField,
	{
		displayName: 'Your Country',
		name: 'homeCountry',
		type: 'string',
		default: '',
		placeholder: 'e.g. AU or Australia',
		description:
			'The country you ship from (code or name). Orders to other countries are checked for customs data before a label is booked. Empty: Your Country in the credential, or AU.',
	},
	...binaryOptions('label'),
];

const packageOverridesSchema = z.object({ packages: z.array(packageSchema) });

/** Package overrides are checked before anything is sent; numbers mapped as text count as numbers. */
function packagesOf(this: IExecuteFunctions, itemIndex: number): IDataObject[] | undefined {
	const read = packagesOfItem.call(this, itemIndex);
	const lists = { problems: read.problems, notes: read.notes, lines: { packages: read.lines } };
	const { packages } = validateInput(
		this.getNode(),
		packageOverridesSchema,
		{ packages: read.rows },
		itemIndex,
		'label request',
		undefined,
		lists,
	);
	return packages.length ? (packages as IDataObject[]) : undefined;
}

/** Books the label for the order (by Starshipit ID once the lookup found it, else as the user named it). */
async function bookOrderLabel(
	this: IExecuteFunctions,
	order: IDataObject | undefined,
	reference: OrderReference,
	packages: IDataObject[] | undefined,
	itemIndex: number,
): Promise<IDataObject> {
	// Not found unshipped (unknown, or already printed): the label endpoint answers in Starshipit's own words.
	const target: OrderReference =
		order?.order_id !== undefined ? { order_id: Number(order.order_id) } : reference;
	const sourceOrderId = String(order?.order_number ?? reference.order_number ?? '') || undefined;
	const input = itemInput.call(this, itemIndex);
	const overrides = {
		carrier: input.text('carrier', 'Carrier', { max: 50 }),
		carrier_service_code: input.text('carrierServiceCode', 'Service Code', { max: 50 }),
		packages,
	};
	return await bookLabel.call(this, target, overrides, sourceOrderId, itemIndex);
}

/** Update Order First: write the changes to the unshipped order, then book; the label error then says the order was changed. */
async function updateThenBook(
	this: IExecuteFunctions,
	order: IDataObject,
	changes: IDataObject,
	packages: IDataObject[] | undefined,
	itemIndex: number,
): Promise<IDataObject> {
	await updateOrder.call(this, order, changes, itemIndex);
	try {
		return await bookOrderLabel.call(
			this,
			order,
			{ order_id: Number(order.order_id) },
			packages,
			itemIndex,
		);
	} catch (error) {
		throw labelFailedAfter.call(
			this,
			error,
			`Order ${String(order.order_number)} was updated`,
			'The changes are saved in Starshipit. Fix the problem and run the node again: sending the same changes again does no harm.',
			itemIndex,
		);
	}
}

async function createLabel(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	// Pre-flight: every field is checked before the one lookup, and nothing is written until the address and customs pass.
	const reference = orderReference.call(this, itemIndex);
	const input = itemInput.call(this, itemIndex);
	input.text('carrier', 'Carrier', { max: 50 });
	input.text('carrierServiceCode', 'Service Code', { max: 50 });
	const homeCountry =
		nodeHomeCountry.call(this, input.raw('homeCountry'), itemIndex) ??
		(await credentialHomeCountry.call(this));
	const packages = packagesOf.call(this, itemIndex);
	const changes = readOrderChanges.call(
		this,
		'orderChanges',
		itemIndex,
		'Update Order First section',
	);
	const found = await fetchOrder.call(this, reference, 'Unshipped', itemIndex);
	if (changes && !found) return await refuseUpdate.call(this, reference, itemIndex);
	if (!found) await refuseIfPrinted.call(this, reference, itemIndex);
	// An order that goes abroad (after the changes) must carry customs data, or the carrier refuses it later.
	const order = found && changes ? withChanges(found, changes) : found;
	if (order) {
		assertAddressReady.call(this, order, itemIndex);
		assertCustomsReady.call(this, order, homeCountry, itemIndex);
	}
	if (!found || !changes)
		return await labelItem.call(
			this,
			itemIndex,
			await bookOrderLabel.call(this, found, reference, packages, itemIndex),
		);
	const [item] = await labelItem.call(
		this,
		itemIndex,
		await updateThenBook.call(this, found, changes, packages, itemIndex),
	);
	item.json = { ...item.json, order_updated: true };
	return [item];
}

export const createLabelOperation: OperationModule = {
	description,
	writes: true,
	action: 'label',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(
			this,
			items,
			async (itemIndex) => await createLabel.call(this, itemIndex),
		);
	},
};

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v4';

import { runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { validateInput } from '../../validation/validate';
import { withoutBlanks } from '../order/fields';
import { orderLocator, resolveOrder } from '../order/lookup';
import { packageSchema } from '../order/schema';
import type { OperationModule } from '../types';
import { assertCustomsReady } from './customs';
import { binaryOptions } from './document';
import { labelItem, reprintLabel } from './shipment';

const description: INodeProperties[] = [
	orderLocator,
	{ displayName: 'Carrier', name: 'carrier', type: 'string', default: '', placeholder: 'e.g. AusPost', description: 'Carrier code. Empty: the carrier Starshipit’s rules chose for the order.' },
	{ displayName: 'Service Code', name: 'carrierServiceCode', type: 'string', default: '', placeholder: 'e.g. EXP', description: 'Carrier service code, e.g. from Rate > Get Rates. Empty: the order’s service.' },
	{
		displayName: 'Packages',
		name: 'packages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Package',
		description: 'Override the order’s packages (kilograms and metres). Empty: use the order’s.',
		options: [
			{
				displayName: 'Package',
				name: 'package',
				values: [
					{ displayName: 'Height (M)', name: 'height', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 3 } },
					{ displayName: 'Length (M)', name: 'length', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 3 } },
					{ displayName: 'Weight (Kg)', name: 'weight', type: 'number', default: 0.5, typeOptions: { minValue: 0, numberPrecision: 3 } },
					{ displayName: 'Width (M)', name: 'width', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 3 } },
				],
			},
		],
	},
	{ displayName: 'Your Country', name: 'homeCountry', type: 'string', default: 'AU', description: 'The country you ship from. Labels for other countries are checked for customs data first.' },
	...binaryOptions,
];

function labelRequest(this: IExecuteFunctions, order: IDataObject, itemIndex: number): IDataObject {
	const rows = ((this.getNodeParameter('packages', itemIndex, {}) as IDataObject).package as IDataObject[] | undefined) ?? [];
	const packages = rows.map((row) => withoutBlanks(row, ['height', 'width', 'length']));
	validateInput(this.getNode(), z.object({ packages: z.array(packageSchema) }), { packages }, itemIndex, 'label request');
	return withoutBlanks({
		order_id: order.order_id,
		carrier: this.getNodeParameter('carrier', itemIndex, ''),
		carrier_service_code: this.getNodeParameter('carrierServiceCode', itemIndex, ''),
		packages: packages.length ? packages : undefined,
	});
}

export const createLabelOperation: OperationModule = {
	description,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const order = await resolveOrder.call(this, itemIndex);
			const request = labelRequest.call(this, order, itemIndex);
			assertCustomsReady.call(this, order, String(this.getNodeParameter('homeCountry', itemIndex, 'AU')), itemIndex);
			const body = await starshipitRequest.call(this, {
				endpoint: 'labelCreate',
				body: request,
				action: 'labelled',
				sourceOrderId: String(order.order_number),
				starshipitOrderId: order.order_id as number,
				itemIndex,
				// A dropped connection may hide a booked shipment: if the order now has a label, fetch it instead of booking again.
				findExisting: async () => {
					const printed = await starshipitRequest.call(this, { endpoint: 'ordersGet', query: { order_id: order.order_id as number, status: 'Shipped' }, itemIndex, notFoundAsEmpty: true });
					return (printed.order as IDataObject | undefined)?.tracking_number ? await reprintLabel.call(this, order, itemIndex) : undefined;
				},
			});
			return await labelItem.call(this, itemIndex, body);
		});
	},
};

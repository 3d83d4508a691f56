import { defineResource } from '../resource';
import { createLabelOperation } from './create.operation';
import { createManyLabelsOperation } from './createMany.operation';
import { createReturnLabelOperation } from './createReturn.operation';
import { getPackingSlipsOperation } from './getPackingSlips.operation';
import { redoLabelOperation } from './redo.operation';
import { reprintLabelOperation } from './reprint.operation';

export const labelResource = defineResource('label', 'create', [
	{
		name: 'Create',
		value: 'create',
		description: 'Book the shipment for an order and get its label file and tracking number',
		action: 'Create a label',
		module: createLabelOperation,
	},
	{
		name: 'Create Many',
		value: 'createMany',
		description:
			'Book the shipments of all input orders in one request; each order comes back with its tracking number and label file',
		action: 'Create many labels',
		module: createManyLabelsOperation,
	},
	{
		name: 'Create Return',
		value: 'createReturn',
		description:
			'Make a return shipment (or an additional shipment) from an order and get its label',
		action: 'Create a return label',
		module: createReturnLabelOperation,
	},
	{
		name: 'Get Packing Slips',
		value: 'getPackingSlips',
		description: 'Get one PDF of packing slips for all input orders, to pick and pack them',
		action: 'Get packing slips',
		module: getPackingSlipsOperation,
	},
	{
		name: 'Redo',
		value: 'redo',
		description:
			'Replace a printed label that is wrong: the old one is cancelled and a new one booked, with a new tracking number',
		action: 'Redo a label',
		module: redoLabelOperation,
	},
	{
		name: 'Reprint',
		value: 'reprint',
		description: 'Get the label of an already printed order again, without booking anything',
		action: 'Reprint a label',
		module: reprintLabelOperation,
	},
]);

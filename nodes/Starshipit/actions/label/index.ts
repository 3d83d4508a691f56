import { defineResource } from '../resource';
import { createLabelOperation } from './create.operation';
import { createReturnLabelOperation } from './createReturn.operation';
import { reprintLabelOperation } from './reprint.operation';

export const labelResource = defineResource('label', 'create', [
	{ name: 'Create', value: 'create', description: 'Book the shipment for an order and get its label file and tracking number', action: 'Create a label', module: createLabelOperation },
	{ name: 'Create Return', value: 'createReturn', description: 'Make a return shipment from an order and get its label', action: 'Create a return label', module: createReturnLabelOperation },
	{ name: 'Reprint', value: 'reprint', description: 'Get the label of an already printed order again, without booking anything', action: 'Reprint a label', module: reprintLabelOperation },
]);

import { defineResource } from '../resource';
import { getTrackingOperation } from './get.operation';

export const trackingResource = defineResource('tracking', 'get', [
	{
		name: 'Get',
		value: 'get',
		description:
			'Get the current status and the events of a shipment by tracking number or order number',
		action: 'Get tracking for a shipment',
		module: getTrackingOperation,
	},
]);

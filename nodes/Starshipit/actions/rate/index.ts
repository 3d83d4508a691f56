import { defineResource } from '../resource';
import { getDeliveryServicesOperation } from './getDeliveryServices.operation';
import { getRatesOperation } from './getRates.operation';
import { getRatesForOrderOperation } from './getRatesForOrder.operation';

export const rateResource = defineResource('rate', 'getRates', [
	{
		name: 'Get Delivery Services',
		value: 'getDeliveryServices',
		description: 'List the carriers and services enabled on the Starshipit account',
		action: 'Get delivery services',
		module: getDeliveryServicesOperation,
	},
	{
		name: 'Get Rates',
		value: 'getRates',
		description:
			'Get live prices for a destination and packages, one item per service, cheapest first',
		action: 'Get shipping rates',
		module: getRatesOperation,
	},
	{
		name: 'Get Rates for Order',
		value: 'getRatesForOrder',
		description:
			'Get live prices for an order already in Starshipit, from its destination and packages',
		action: 'Get shipping rates for an order',
		module: getRatesForOrderOperation,
	},
]);

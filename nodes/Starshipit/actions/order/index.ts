import { defineResource } from '../resource';
import { archiveOrderOperation } from './archive.operation';
import { assignOrdersOperation } from './assign.operation';
import { createOrderOperation } from './create.operation';
import { createOrUpdateOrderOperation } from './createOrUpdate.operation';
import { deleteOrderOperation } from './delete.operation';
import { getOrderOperation } from './get.operation';
import { getDeliveredOrdersOperation } from './getDelivered.operation';
import { getManyOrdersOperation } from './getMany.operation';
import { getMergeableOrdersOperation } from './getMergeable.operation';
import { getPrintedOrdersOperation } from './getPrinted.operation';
import { importOrdersOperation } from './import.operation';
import { markShippedOperation } from './markShipped.operation';
import { mergeOrdersOperation } from './merge.operation';
import { restoreOrderOperation } from './restore.operation';
import { searchOrdersOperation } from './search.operation';
import { setCarrierOperation } from './setCarrier.operation';
import { updateOrderOperation } from './update.operation';

export const orderResource = defineResource('order', 'createOrUpdate', [
	{
		name: 'Archive',
		value: 'archive',
		description: 'Archive a printed or shipped order',
		action: 'Archive an order',
		module: archiveOrderOperation,
	},
	{
		name: 'Assign to Another Account',
		value: 'assign',
		description:
			'Move orders to another Starshipit account (another warehouse’s, or a child account): they leave this one',
		action: 'Assign orders to another account',
		module: assignOrdersOperation,
	},
	{
		name: 'Create',
		value: 'create',
		description: 'Create a new order; fails if the order number already exists',
		action: 'Create an order',
		module: createOrderOperation,
	},
	{
		name: 'Create or Update',
		value: 'createOrUpdate',
		description:
			'Create the order, or update it if its order number already exists (never a duplicate)',
		action: 'Create or update an order',
		module: createOrUpdateOrderOperation,
	},
	{
		name: 'Delete',
		value: 'delete',
		description: 'Delete an unshipped order',
		action: 'Delete an order',
		module: deleteOrderOperation,
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get one order by order number or Starshipit ID',
		action: 'Get an order',
		module: getOrderOperation,
	},
	{
		name: 'Get Delivered',
		value: 'getDelivered',
		description: 'Get the delivered orders that match an order number or reference',
		action: 'Get delivered orders',
		module: getDeliveredOrdersOperation,
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description: 'List unshipped, shipped, archived or all orders',
		action: 'Get many orders',
		module: getManyOrdersOperation,
	},
	{
		name: 'Get Suggested Merges',
		value: 'getMergeable',
		description:
			'List unshipped orders Starshipit suggests merging because they go to the same customer and address',
		action: 'Get suggested order merges',
		module: getMergeableOrdersOperation,
	},
	{
		name: 'Get Printed',
		value: 'getPrinted',
		description:
			'List printed orders that are ready to manifest (not yet handed to the carrier), or recently printed ones',
		action: 'Get printed orders',
		module: getPrintedOrdersOperation,
	},
	{
		name: 'Import',
		value: 'import',
		description: 'Create many orders at once, in batches of 50, with one result per input item',
		action: 'Import orders in batches',
		module: importOrdersOperation,
	},
	{
		name: 'Mark as Shipped (Tracking Only)',
		value: 'markShipped',
		description:
			'Record an order you shipped without Starshipit, with its tracking number, so Starshipit tracks it and notifies the customer',
		action: 'Mark an order as shipped with tracking only',
		module: markShippedOperation,
	},
	{
		name: 'Merge',
		value: 'merge',
		description:
			'Merge unshipped orders into one parent order, to ship them together. This cannot be undone.',
		action: 'Merge orders',
		module: mergeOrdersOperation,
	},
	{
		name: 'Restore',
		value: 'restore',
		description: 'Bring an archived order back',
		action: 'Restore an archived order',
		module: restoreOrderOperation,
	},
	{
		name: 'Search',
		value: 'search',
		description: 'Find orders whose number or reference contains a text',
		action: 'Search orders',
		module: searchOrdersOperation,
	},
	{
		name: 'Set Carrier for Many',
		value: 'setCarrier',
		description:
			'Give unshipped orders the same carrier and service, all input items in one request',
		action: 'Set the carrier of many orders',
		module: setCarrierOperation,
	},
	{
		name: 'Update',
		value: 'update',
		description: 'Change fields of an unshipped order, and optionally check they were stored',
		action: 'Update an order',
		module: updateOrderOperation,
	},
]);

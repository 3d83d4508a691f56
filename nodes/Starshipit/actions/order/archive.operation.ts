import { orderLifecycleOperation } from './lifecycle';

/** Only printed or shipped orders can be archived (unshipped ones are deleted instead). */
export const archiveOrderOperation = orderLifecycleOperation(
	'ordersArchive',
	'archived',
	'Shipped',
	'archive',
);

import { orderLifecycleOperation } from './lifecycle';

export const restoreOrderOperation = orderLifecycleOperation(
	'ordersRestore',
	'restored',
	'Archived',
	'restore',
);

import { orderLifecycleOperation } from './lifecycle';

/** Only unshipped orders can be deleted; Starshipit's refusal for others is shown as it is. */
export const deleteOrderOperation = orderLifecycleOperation(
	'ordersDelete',
	'deleted',
	'Unshipped',
	'delete',
);

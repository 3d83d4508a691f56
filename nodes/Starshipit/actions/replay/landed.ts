import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findOrderByNumber } from '../order/lookup';
import { findProductBySku } from '../product/lookup';
import type { ReplayPayload } from './support-fields';

/** What a replay reports instead of writing, when the first attempt's record is in Starshipit after all. */
export interface Landed extends IDataObject {
	replayed: false;
	outcome: 'alreadyInStarshipit';
	reason: string;
}

/**
 * Creates are the writes that must never happen twice: a failed create may have landed later (a
 * dropped connection, a retry by someone else), so the record is looked for before anything is sent.
 * Other writes run again through their own checks (Create or Update, Mark as Shipped and Sync find
 * what exists themselves; updates and deletes are harmless to repeat or say why they cannot).
 */
export async function findLanded(this: IExecuteFunctions, payload: ReplayPayload, itemIndex: number): Promise<Landed | undefined> {
	const { resource, operation, parameters } = payload;
	if (resource === 'order' && (operation === 'create' || operation === 'import')) {
		const orderNumber = String(parameters.orderNumber ?? '').trim();
		const order = orderNumber ? await findOrderByNumber.call(this, orderNumber, itemIndex) : undefined;
		if (!order) return undefined;
		const reason = `Order ${orderNumber} is already in Starshipit (status ${String(order.status ?? 'unknown')}), so it was not created again`;
		return { replayed: false, outcome: 'alreadyInStarshipit', reason, order_number: orderNumber, order_id: order.order_id as number, order };
	}
	if (resource === 'product' && operation === 'create') {
		const sku = String(parameters.sku ?? '').trim();
		const product = sku ? await findProductBySku.call(this, sku, itemIndex) : undefined;
		if (!product) return undefined;
		return { replayed: false, outcome: 'alreadyInStarshipit', reason: `Product ${sku} is already in the Product Catalogue, so it was not created again`, sku, product };
	}
	return undefined;
}

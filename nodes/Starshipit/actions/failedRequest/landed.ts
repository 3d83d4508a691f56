import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { credentialHomeCountry } from '../../transport';
import type { ReplayPayload } from '../failures/support-fields';
import { differences } from '../order/write/compare';
import { validOrder } from '../order/write/orderInput';
import { outcomeBeforeUpdate } from '../order/write/outcome';
import { findOrderByNumber } from '../orderReads';
import { productDifferences } from '../product/compare';
import { productToCreate } from '../product/fields';
import { findProductBySku } from '../product/lookup';

/** What a replay reports instead of writing, when Starshipit already holds what the failed request meant to write. */
export interface Settled extends IDataObject {
	replayed: false;
	outcome: 'unchanged' | 'skipped';
	reason: string;
}

/**
 * Before a create or an import runs again, what Starshipit holds is compared with what the failed
 * request meant to write (read from the stored input through the operation's own checks):
 * - nothing held: undefined, and the operation runs (it creates);
 * - held with those values: `unchanged` (the write landed after all), nothing sent;
 * - held otherwise: an Import (Update Existing Orders on) runs again and updates it, verified; a Create
 *   fails naming the fields, since the order it finds may be another with the same number.
 * Other writes run again through their own checks (Create or Update, Update, Mark as Shipped and Sync
 * read what exists themselves). `this` is the replay's context, where the stored input is item 0.
 */
export async function settleLanded(
	this: IExecuteFunctions,
	payload: ReplayPayload,
): Promise<Settled | undefined> {
	const { resource, operation } = payload;
	if (resource === 'order' && (operation === 'create' || operation === 'import'))
		return await settleOrder.call(this, payload);
	if (resource === 'product' && operation === 'create') return await settleProduct.call(this);
	return undefined;
}

/** The stored input, checked as the operation checks it; undefined when it fails (the operation then says why). */
function intended<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch {
		return undefined;
	}
}

async function settleOrder(
	this: IExecuteFunctions,
	payload: ReplayPayload,
): Promise<Settled | undefined> {
	const homeCountry = await credentialHomeCountry.call(this);
	const wanted = intended(() => validOrder.call(this, 0, homeCountry));
	if (!wanted) return undefined;
	const number = String(wanted.order_number);
	const stored = await findOrderByNumber.call(this, number, 0);
	if (!stored) return undefined;
	const held = { order_number: number, order_id: stored.order_id, order: stored };
	const otherwise = differences(stored, wanted);
	if (otherwise.length === 0) {
		const reason = `Starshipit already holds order ${number} with the values the failed request meant to write, so nothing was sent again`;
		return { replayed: false, outcome: 'unchanged', reason, ...held };
	}
	// Printed or archived meanwhile: skipped for the reason Import and Create or Update give.
	const frozen = outcomeBeforeUpdate(stored, wanted);
	if (frozen?.outcome === 'skipped')
		return { replayed: false, outcome: 'skipped', reason: String(frozen.reason), ...held };
	const updates = payload.operation === 'import' && payload.parameters.updateExisting !== false;
	if (updates) return undefined;
	throw new NodeOperationError(
		this.getNode(),
		`Starshipit holds order ${number} with other values than the failed request meant to write (${otherwise.join(', ')}), so it was not replayed`,
		{
			itemIndex: 0,
			description:
				'It may be another order with the same number. To change it to these values, use Order > Create or Update.',
		},
	);
}

async function settleProduct(this: IExecuteFunctions): Promise<Settled | undefined> {
	const wanted = intended(() => productToCreate.call(this, 0));
	if (!wanted) return undefined;
	const sku = String(wanted.sku);
	const product = await findProductBySku.call(this, sku, 0);
	if (!product) return undefined;
	const otherwise = productDifferences(product, wanted);
	if (otherwise.length === 0) {
		const reason = `The Product Catalogue already holds ${sku} with the values the failed request meant to write, so nothing was sent again`;
		return { replayed: false, outcome: 'unchanged', reason, sku, product };
	}
	throw new NodeOperationError(
		this.getNode(),
		`The Product Catalogue holds ${sku} with other values than the failed request meant to write (${otherwise.join(', ')}), so it was not replayed`,
		{
			itemIndex: 0,
			description: 'To change it to these values, use Product > Sync or Product > Update.',
		},
	);
}

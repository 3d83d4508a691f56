import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { starshipitRequest, type SupportAction } from '../../transport';
import { findProductBySku } from './lookup';

/** Adds a product. `action` labels the request in the support context (Sync says 'synced'). */
export async function createProduct(
	this: IExecuteFunctions,
	product: IDataObject,
	itemIndex: number,
	action: SupportAction = 'created',
): Promise<IDataObject> {
	const body = await starshipitRequest.call(this, {
		endpoint: 'productsCreate',
		body: { product },
		action,
		itemIndex,
		// After a dropped connection, a product with this SKU means the first attempt landed: never create it twice.
		write: {
			readBack: async () => {
				const existing = await findProductBySku.call(this, String(product.sku), itemIndex);
				return existing ? { done: { product: existing, success: true } } : { resend: 'same body' };
			},
		},
	});
	return (body.product as IDataObject) ?? product;
}

/** Starshipit's update replaces the whole product: always send the stored product merged with the changes. */
export async function replaceProduct(
	this: IExecuteFunctions,
	existing: IDataObject,
	changes: IDataObject,
	itemIndex: number,
	action: SupportAction = 'updated',
): Promise<IDataObject> {
	const product = { ...existing, ...changes, id: existing.id, sku: existing.sku };
	const body = await starshipitRequest.call(this, {
		endpoint: 'productsUpdate',
		body: { id: existing.id as number, product },
		action,
		itemIndex,
		// The whole product is sent: writing it twice leaves the same product.
		write: { safeToRepeat: true },
	});
	return (body.product as IDataObject) ?? product;
}

import type { IDataObject } from 'n8n-workflow';

/**
 * The fields a workflow usually needs from a product: what matches it to order items (SKU), what a shop
 * sync compares (title, price, weight) and what international labels need (HS code, country of origin).
 */
export function simplifyProduct(product: IDataObject): IDataObject {
	return {
		id: product.id,
		sku: product.sku,
		title: product.title,
		price: product.price,
		weight: product.weight,
		barcode: product.barcode,
		hs_code: product.hs_code,
		country: product.country,
	};
}

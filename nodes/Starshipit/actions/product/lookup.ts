import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LIMITS, starshipitRequestAllItems } from '../../transport';

/** No get-by-SKU endpoint exists: search for the SKU and keep the exact match. */
export async function findProductBySku(this: IExecuteFunctions, sku: string, itemIndex: number): Promise<IDataObject | undefined> {
	const matches = await starshipitRequestAllItems.call(this, {
		endpoint: 'productsList',
		query: { search_term: sku },
		style: 'page-number-size',
		itemsKey: 'products',
		pageSize: 100,
		minPageSize: LIMITS.productsMinPageSize,
		itemIndex,
	});
	return matches.find((product) => String(product.sku) === sku);
}

export function skuOf(this: IExecuteFunctions, itemIndex: number): string {
	const sku = String(this.getNodeParameter('sku', itemIndex, '')).trim();
	if (!sku) throw new NodeOperationError(this.getNode(), `SKU is empty in item ${itemIndex + 1}`, { itemIndex, description: 'Enter the product’s SKU or map it from the previous node.' });
	return sku;
}

export async function requireProduct(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sku = skuOf.call(this, itemIndex);
	const product = await findProductBySku.call(this, sku, itemIndex);
	if (!product) throw new NodeOperationError(this.getNode(), `No product with SKU ${sku} in the Product Catalogue (item ${itemIndex + 1})`, { itemIndex, description: 'SKUs must match exactly, including case.' });
	return product;
}

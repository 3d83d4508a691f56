import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LIMITS, starshipitRequestAllItems } from '../../transport';

/** No get-by-SKU endpoint exists: search for the SKU (a contains-match) and keep the exact match. */
export async function findProductBySku(
	this: IExecuteFunctions,
	sku: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const matches = await starshipitRequestAllItems.call(this, {
		endpoint: 'productsList',
		query: { search_term: sku },
		style: 'page-number-size',
		itemsKey: 'products',
		// The search matches parts of SKUs: the largest page keeps a short SKU to one request or few.
		pageSize: LIMITS.productsMaxPageSize,
		minPageSize: LIMITS.productsMinPageSize,
		itemIndex,
	});
	return matches.find((product) => String(product.sku) === sku);
}

export function requireSku(this: IExecuteFunctions, sku: string, itemIndex: number): string {
	if (!sku) {
		throw new NodeOperationError(
			this.getNode(),
			`SKU is empty in item ${itemIndex + 1}: nothing was sent to Starshipit`,
			{
				itemIndex,
				description: 'Enter the product’s SKU or map it from the previous node.',
			},
		);
	}
	return sku;
}

/** The stored product with exactly this SKU, or an item error saying there is none. */
export async function requireProduct(
	this: IExecuteFunctions,
	sku: string,
	itemIndex: number,
): Promise<IDataObject> {
	const product = await findProductBySku.call(
		this,
		requireSku.call(this, sku, itemIndex),
		itemIndex,
	);
	if (!product) {
		throw new NodeOperationError(
			this.getNode(),
			`No product with SKU ${sku} in the Product Catalogue (item ${itemIndex + 1})`,
			{
				itemIndex,
				description:
					'SKUs must match exactly, including case. Use Get Many with a search term to see similar SKUs.',
			},
		);
	}
	return product;
}

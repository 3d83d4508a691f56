import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { returnAllAndLimit } from '../../helpers/paging';
import { simplifyField, wantsSimplified } from '../../helpers/simplify';
import { LIMITS, starshipitRequestAllItems } from '../../transport';
import { itemInput, listLimit } from '../../validation/read';
import type { OperationModule } from '../types';
import { simplifyProduct } from './simplify';

const description: INodeProperties[] = [
	{
		displayName: 'Search Term',
		name: 'searchTerm',
		type: 'string',
		default: '',
		description: 'Only products whose SKU or title contains this text. Empty: every product.',
	},
	...returnAllAndLimit,
	simplifyField,
];

export const getManyProductsOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const searchTerm =
				itemInput.call(this, itemIndex).text('searchTerm', 'Search Term', { max: 100 }) ?? '';
			const products = await starshipitRequestAllItems.call(this, {
				endpoint: 'productsList',
				// Required by the list; empty means every product.
				query: { search_term: searchTerm },
				style: 'page-number-size',
				itemsKey: 'products',
				pageSize: LIMITS.productsMaxPageSize,
				minPageSize: LIMITS.productsMinPageSize,
				limit: listLimit.call(this, itemIndex),
				itemIndex,
			});
			return outputFor(
				itemIndex,
				wantsSimplified.call(this, itemIndex) ? products.map(simplifyProduct) : products,
			);
		});
	},
};

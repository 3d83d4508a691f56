import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { returnAllAndLimit } from '../../helpers/paging';
import { LIMITS, starshipitRequestAllItems } from '../../transport';
import type { OperationModule } from '../types';

const description: INodeProperties[] = [
	{ displayName: 'Search Term', name: 'searchTerm', type: 'string', default: '', description: 'Only products whose SKU or title contains this text. Empty: every product.' },
	...returnAllAndLimit,
];

export const getManyProductsOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const searchTerm = String(this.getNodeParameter('searchTerm', itemIndex, '')).trim();
			const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
			const products = await starshipitRequestAllItems.call(this, {
				endpoint: 'productsList',
				// Required by the list; empty means every product.
				query: { search_term: searchTerm },
				style: 'page-number-size',
				itemsKey: 'products',
				pageSize: LIMITS.productsMaxPageSize,
				minPageSize: LIMITS.productsMinPageSize,
				limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number),
				itemIndex,
			});
			return outputFor(itemIndex, products);
		});
	},
};

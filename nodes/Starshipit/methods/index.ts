import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { searchAddresses } from './searchAddresses';
import { searchOrders } from './searchOrders';
import { searchProducts } from './searchProducts';

// Dynamic option lists (loadOptions) and resource-locator searches (listSearch), one file each.
export const loadOptions: Record<
	string,
	(this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>
> = {};

export const listSearch: Record<
	string,
	(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	) => Promise<INodeListSearchResult>
> = { searchAddresses, searchOrders, searchProducts };

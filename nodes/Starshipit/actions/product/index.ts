import { defineResource } from '../resource';
import { createProductOperation } from './create.operation';
import { deleteProductOperation } from './delete.operation';
import { getProductOperation } from './get.operation';
import { getManyProductsOperation } from './getMany.operation';
import { syncProductsOperation } from './sync.operation';
import { updateProductOperation } from './update.operation';

export const productResource = defineResource('product', 'sync', [
	{
		name: 'Create',
		value: 'create',
		description: 'Add a product to the Product Catalogue',
		action: 'Create a product',
		module: createProductOperation,
	},
	{
		name: 'Delete',
		value: 'delete',
		description: 'Remove a product from the Product Catalogue by SKU',
		action: 'Delete a product',
		module: deleteProductOperation,
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get one product by its SKU',
		action: 'Get a product',
		module: getProductOperation,
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description: 'List products, optionally those whose SKU or title contains a text',
		action: 'Get many products',
		module: getManyProductsOperation,
	},
	{
		name: 'Sync',
		value: 'sync',
		description: 'Create or update products by SKU (upsert); unchanged products are not written',
		action: 'Sync products by SKU',
		module: syncProductsOperation,
	},
	{
		name: 'Update',
		value: 'update',
		description: 'Change fields of a product by SKU; the other fields are kept',
		action: 'Update a product',
		module: updateProductOperation,
	},
]);

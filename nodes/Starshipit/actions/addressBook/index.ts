import { defineResource } from '../resource';
import { createContactOperation } from './create.operation';
import { deleteContactOperation } from './delete.operation';
import { getManyContactsOperation } from './getMany.operation';
import { updateContactOperation } from './update.operation';

export const addressBookResource = defineResource('addressBook', 'getMany', [
	{
		name: 'Create',
		value: 'create',
		description: 'Add a contact to the address book',
		action: 'Create a contact',
		module: createContactOperation,
	},
	{
		name: 'Delete',
		value: 'delete',
		description: 'Remove a contact from the address book',
		action: 'Delete a contact',
		module: deleteContactOperation,
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description: 'List the contacts of the address book',
		action: 'Get many contacts',
		module: getManyContactsOperation,
	},
	{
		name: 'Update',
		value: 'update',
		description: 'Change fields of a contact; the others are kept',
		action: 'Update a contact',
		module: updateContactOperation,
	},
]);

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import type { OperationModule } from '../types';
import { contactForWrite, readContact, updateContactFields } from './fields';
import { contactId, contactLocator, findContact } from './lookup';

/**
 * `POST /api/addressbook/update`. Whether fields left out are kept is not documented (the products
 * update erases them), so the contact is read, the changes merged in, and the whole contact sent.
 */
export const updateContactOperation: OperationModule = {
	description: [contactLocator, updateContactFields],
	writes: true,
	action: 'update',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const id = contactId.call(this, itemIndex);
			const changes = readContact.call(
				this,
				itemIndex,
				this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
				'Update Fields › ',
			);
			const current = await findContact.call(this, id, itemIndex);
			const address = { ...contactForWrite(current), ...changes };
			const body = await starshipitRequest.call(this, {
				endpoint: 'addressBookUpdate',
				body: { id, address },
				action: 'updated',
				itemIndex,
				write: { safeToRepeat: true },
			});
			const stored = (body.address as IDataObject | undefined) ?? address;
			return [{ json: { ...stored, id }, pairedItem: { item: itemIndex } }];
		});
	},
};

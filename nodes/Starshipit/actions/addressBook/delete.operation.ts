import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import type { OperationModule } from '../types';
import { contactId, contactLocator } from './lookup';

/** `POST /api/addressbook/delete` with one ID per input item. */
export const deleteContactOperation: OperationModule = {
	description: [contactLocator],
	writes: true,
	action: 'delete',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const id = contactId.call(this, itemIndex);
			await starshipitRequest.call(this, {
				endpoint: 'addressBookDelete',
				body: { address_ids: [id] },
				action: 'deleted',
				itemIndex,
			});
			return [{ json: { id, deleted: true }, pairedItem: { item: itemIndex } }];
		});
	},
};

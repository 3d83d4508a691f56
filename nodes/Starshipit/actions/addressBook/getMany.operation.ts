import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/items';
import { returnAllAndLimit } from '../../helpers/paging';
import { listLimit } from '../../validation/read';
import type { OperationModule } from '../types';
import { allContacts } from './lookup';

/** `GET /api/addressbook/filtered`: the contacts, page by page (each row has `telephone`, as Starshipit answers). */
export const getManyContactsOperation: OperationModule = {
	description: [...returnAllAndLimit],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const contacts = await allContacts.call(this, itemIndex, listLimit.call(this, itemIndex));
			return contacts.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		});
	},
};

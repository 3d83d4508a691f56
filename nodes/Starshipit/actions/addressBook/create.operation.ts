import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import { itemInput } from '../../validation/read';
import type { OperationModule } from '../types';
import { createContactFields, readContact } from './fields';

/** `POST /api/addressbook/`: the answer holds the new contact and its ID. */
export const createContactOperation: OperationModule = {
	description: createContactFields,
	writes: true,
	action: 'create',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const input = itemInput.call(this, itemIndex);
			const name = input.requiredText('name', 'Name', 100);
			const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const address: IDataObject = {
				name,
				...readContact.call(this, itemIndex, additional, 'Additional Fields › '),
			};
			const body = await starshipitRequest.call(this, {
				endpoint: 'addressBookCreate',
				body: { address },
				action: 'created',
				itemIndex,
			});
			const stored = (body.address as IDataObject | undefined) ?? address;
			return [{ json: { ...stored, id: body.id ?? stored.id }, pairedItem: { item: itemIndex } }];
		});
	},
};

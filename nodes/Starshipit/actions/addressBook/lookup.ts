import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { starshipitRequestAllItems } from '../../transport';
import { checkRecordId } from '../../validation/checks';
import { checked } from '../../validation/read';

/** Starshipit's page for the address book: no maximum is documented, so a moderate one. */
export const ADDRESS_BOOK_PAGE_SIZE = 100;

/** Pick a contact from the address book, or give its ID. */
export const contactLocator: INodeProperties = {
	displayName: 'Contact',
	name: 'contact',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The address-book contact',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAddresses', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 12',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[0-9]+$', errorMessage: 'A contact ID is a number' },
				},
			],
		},
	],
};

/** The contact's ID from the locator, checked before anything is sent. */
export function contactId(this: IExecuteFunctions, itemIndex: number): number {
	const locator = (this.getNodeParameter('contact', itemIndex) ?? {}) as { value?: unknown };
	return checked(
		this.getNode(),
		itemIndex,
		'Contact',
		checkRecordId(locator.value),
		'Pick the contact from the list, or give its ID (a number, as Address Book > Get Many returns it).',
	);
}

/** The whole address book, page by page (the list has no search and no get-by-ID). */
export async function allContacts(
	this: IExecuteFunctions,
	itemIndex?: number,
	limit?: number,
): Promise<IDataObject[]> {
	return await starshipitRequestAllItems.call(this, {
		endpoint: 'addressBookList',
		style: 'page-size',
		itemsKey: 'addresses',
		pageSize: ADDRESS_BOOK_PAGE_SIZE,
		itemIndex,
		limit,
	});
}

/** One contact by ID, or the error that says there is none. */
export async function findContact(
	this: IExecuteFunctions,
	id: number,
	itemIndex: number,
): Promise<IDataObject> {
	const contact = (await allContacts.call(this, itemIndex)).find((row) => Number(row.id) === id);
	if (!contact) {
		throw new NodeOperationError(
			this.getNode(),
			`The address book has no contact with ID ${id} (item ${itemIndex + 1}): nothing was sent to Starshipit`,
			{
				itemIndex,
				description:
					'Pick the contact from the list, or check its ID with Address Book > Get Many.',
			},
		);
	}
	return contact;
}

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { starshipitRequest } from '../transport';

/** One page of the picker. */
const PAGE_SIZE = 100;

/**
 * The Contact picker: the address book a page at a time. The list has no search parameter, so the
 * filter narrows each page here (by name, company, code or suburb).
 */
export async function searchAddresses(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const body = await starshipitRequest.call(this, {
		endpoint: 'addressBookList',
		query: { page, page_size: PAGE_SIZE },
	});
	const contacts = (Array.isArray(body.addresses) ? body.addresses : []) as IDataObject[];
	const wanted = (filter ?? '').trim().toLowerCase();
	const matches = contacts.filter(
		(contact) =>
			!wanted ||
			['name', 'company', 'code', 'suburb'].some((field) =>
				String(contact[field] ?? '')
					.toLowerCase()
					.includes(wanted),
			),
	);
	return {
		results: matches.map((contact) => ({
			name: [contact.name, contact.company, contact.suburb]
				.filter((part) => part !== undefined && part !== '')
				.map(String)
				.join(' · '),
			value: String(contact.id),
		})),
		paginationToken: contacts.length === PAGE_SIZE ? String(page + 1) : undefined,
	};
}

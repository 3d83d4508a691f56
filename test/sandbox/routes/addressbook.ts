import type { Json, SandboxContact, SandboxStore } from '../types';
import { ok, pageOf, toInt, type Route, type RouteAnswer } from './envelope';

/**
 * The address book (details §9). Its failures carry `errors` as plain strings, as the notes see on the
 * product and address-book endpoints. The update replaces the whole contact (GUESSES.addressBookUpdate).
 */
const refuse = (status: number, message: string): RouteAnswer => ({
	status,
	body: { success: false, errors: [message] },
});
const contactsOf = (store: SandboxStore) => (store.addresses ??= []);

/** A list row: `telephone` where add and update take `phone` (documented). */
const listRow = ({ phone, ...contact }: SandboxContact) => ({ ...contact, telephone: phone ?? '' });

const SORT_FIELDS: Record<string, string> = {
	Name: 'name',
	Company: 'company',
	Street: 'street',
	Suburb: 'suburb',
	PostCode: 'post_code',
	City: 'city',
	State: 'state',
	Country: 'country',
	Code: 'code',
	Phone: 'phone',
	Email: 'email',
};

const list: Route = ({ query, store }) => {
	const size = toInt(query.page_size, 50);
	if (size < 1) return refuse(400, 'page_size must be at least 1');
	const field = SORT_FIELDS[query.sort ?? ''];
	const sign = query.sort_direction === 'Descending' ? -1 : 1;
	const rows = field
		? [...contactsOf(store)].sort(
				(a, b) => sign * String(a[field] ?? '').localeCompare(String(b[field] ?? '')),
			)
		: contactsOf(store);
	return ok({
		addresses: pageOf(rows, toInt(query.page, 1), size).rows.map(listRow),
		total_count: rows.length,
	});
};

function problems(address: Json | undefined): string | undefined {
	if (!address || typeof address !== 'object') return 'The request needs an "address" object';
	if (!address.name) return 'Name is required';
	return undefined;
}

const create: Route = ({ body, store }) => {
	const address = body.address as Json | undefined;
	const problem = problems(address);
	if (problem) return refuse(400, problem);
	const contact = {
		...(address as Json),
		id: (store.nextAddressId = (store.nextAddressId ?? 100) + 1),
	} as SandboxContact;
	contactsOf(store).push(contact);
	return ok({ id: contact.id, address: contact });
};

const update: Route = ({ body, store }) => {
	const index = contactsOf(store).findIndex((contact) => contact.id === body.id);
	if (index < 0) return refuse(404, `Address ${String(body.id ?? '')} not found`);
	const problem = problems(body.address as Json | undefined);
	if (problem) return refuse(400, problem);
	const contact = { ...(body.address as Json), id: body.id } as SandboxContact;
	contactsOf(store)[index] = contact;
	return ok({ address: contact });
};

const remove: Route = ({ body, store }) => {
	const ids = Array.isArray(body.address_ids) ? body.address_ids : [];
	if (!ids.length) return refuse(400, 'address_ids is required');
	const missing = ids.find((id) => !contactsOf(store).some((contact) => contact.id === id));
	if (missing !== undefined) return refuse(404, `Address ${String(missing)} not found`);
	store.addresses = contactsOf(store).filter((contact) => !ids.includes(contact.id));
	return ok();
};

export const addressBookRoutes: Record<string, Route> = {
	'GET /api/addressbook/filtered': list,
	'POST /api/addressbook/': create,
	'POST /api/addressbook/update': update,
	'POST /api/addressbook/delete': remove,
};

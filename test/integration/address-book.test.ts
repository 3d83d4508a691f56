/** Issue 23: the Address Book resource (Get Many, Create, Update, Delete, and its picker) against the strict sandbox. */
import type { IDataObject } from 'n8n-workflow';

import { runListSearch } from '../harness/list-search';
import { useSandbox } from '../harness/use-sandbox';
import { sandboxCredentials } from '../harness/sandbox-credentials';

const { sandbox, runOperation } = useSandbox();

const run = (
	operation: string,
	parameters: IDataObject,
	input?: IDataObject[],
	continueOnFail?: boolean,
) => runOperation('addressBook', operation, parameters, input, continueOnFail);
const contacts = () => sandbox.store.addresses ?? [];
const writes = () => sandbox.requests.filter((request) => request.method !== 'GET');
const picked = (id: number | string, mode = 'list') => ({
	contact: { __rl: true, mode, value: String(id) },
});

describe('Address Book > Get Many', () => {
	test('every contact, as Starshipit lists them', async () => {
		const { items, error } = await run('getMany', { returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({ id: 1, name: 'Sydney Warehouse', telephone: '0200 000 000' }),
			expect.objectContaining({ id: 2, name: 'Returns Desk' }),
		]);
		expect(sandbox.requests.map((request) => [request.path, request.query])).toEqual([
			['/api/addressbook/filtered', { page: '1', page_size: '100' }],
		]);
	});

	test('Limit, a page at a time', async () => {
		const { items } = await run('getMany', { returnAll: false, limit: 1 });
		expect(items).toHaveLength(1);
		expect(sandbox.requests[0].query).toEqual({ page: '1', page_size: '1' });
	});
});

describe('Address Book > Create', () => {
	test('adds the contact: the country sent as its name, the new ID returned', async () => {
		const { items, error } = await run('create', {
			name: 'Brisbane Store',
			additionalFields: {
				street: '1 Eagle Street',
				suburb: 'Brisbane City',
				post_code: '4000',
				country: 'AU',
				phone: '0700 000 000',
				signature_required: true,
			},
		});
		expect(error).toBeUndefined();
		expect(writes().map((request) => request.body)).toEqual([
			{
				address: {
					name: 'Brisbane Store',
					street: '1 Eagle Street',
					suburb: 'Brisbane City',
					post_code: '4000',
					phone: '0700 000 000',
					country: 'Australia',
					signature_required: true,
				},
			},
		]);
		const stored = contacts().find((contact) => contact.name === 'Brisbane Store')!;
		expect(items[0].json).toMatchObject({
			id: stored.id,
			name: 'Brisbane Store',
			country: 'Australia',
		});
	});

	test('Starshipit’s refusal in its own words (its address-book errors are plain text)', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/addressbook/',
			kind: 'status',
			status: 400,
			times: 1,
			body: { success: false, errors: ['Address code already exists'] },
		});
		const { error } = await run('create', {
			name: 'Dup',
			additionalFields: { code: 'WAREHOUSE-SYD' },
		});
		expect(error?.message).toBe('Starshipit: Address code already exists');
	});

	test.each([
		[
			'an unknown country',
			{ country: 'Narnia' },
			/Additional Fields › Country of item 1 is not a country Starshipit knows/,
		],
		[
			'a post code over 10 characters',
			{ post_code: '12345678901' },
			/Additional Fields › Post Code of item 1 must be at most 10 characters/,
		],
	])(
		'bad input (%s) is refused before anything is sent',
		async (_name, additionalFields, expected) => {
			const { error } = await run('create', { name: 'X', additionalFields });
			expect(error?.message).toMatch(expected);
			expect(sandbox.stats.requests).toBe(0);
		},
	);

	test('read-only mode refuses it', async () => {
		const { error } = await run('create', { name: 'X', readOnly: true });
		expect(error?.message).toMatch(/Read-only mode is on/);
	});
});

describe('Address Book > Update', () => {
	test('changes the given fields and keeps the others (the whole contact is sent: the update replaces it)', async () => {
		const { items, error } = await run('update', {
			...picked(1),
			updateFields: { street: '7 Dock Road' },
		});
		expect(error).toBeUndefined();
		expect(contacts().find((contact) => contact.id === 1)).toMatchObject({
			street: '7 Dock Road',
			phone: '0200 000 000',
			code: 'WAREHOUSE-SYD',
			email: 'warehouse@example.com',
		});
		expect((writes()[0].body as IDataObject).address).not.toHaveProperty('telephone');
		expect(items[0].json).toMatchObject({ id: 1, street: '7 Dock Road' });
	});

	test('an unknown contact is refused before anything is written', async () => {
		const { error } = await run('update', { ...picked(77, 'id'), updateFields: { street: 'x' } });
		expect(error?.message).toBe(
			'The address book has no contact with ID 77 (item 1): nothing was sent to Starshipit',
		);
		expect(writes()).toEqual([]);
	});

	test('Starshipit’s refusal in its own words', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/api/addressbook/update',
			kind: 'status',
			status: 404,
			times: 1,
			body: { success: false, errors: ['Address 1 not found'] },
		});
		const { error } = await run('update', { ...picked(1), updateFields: { street: 'x' } });
		expect(error?.message).toBe('Starshipit: Address 1 not found');
	});

	test('a contact that is not an ID is refused before anything is sent', async () => {
		const { error } = await run('update', { ...picked('={{ "Sydney" }}', 'id'), updateFields: {} });
		expect(error?.message).toMatch(/Contact of item 1 .*nothing was sent/);
		expect(sandbox.stats.requests).toBe(0);
	});
});

describe('Address Book > Delete', () => {
	test('removes the contact', async () => {
		const { items, error } = await run('delete', picked(2));
		expect(error).toBeUndefined();
		expect(writes().map((request) => [request.path, request.body])).toEqual([
			['/api/addressbook/delete', { address_ids: [2] }],
		]);
		expect(contacts().map((contact) => contact.id)).toEqual([1]);
		expect(items[0].json).toEqual({ id: 2, deleted: true });
	});

	test('an unknown contact: Starshipit’s refusal in its own words', async () => {
		const { error } = await run('delete', picked(88, 'id'));
		expect(error?.message).toBe('Starshipit: Address 88 not found');
	});

	test('read-only mode refuses it', async () => {
		const { error } = await run('delete', { ...picked(2), readOnly: true });
		expect(error?.message).toMatch(/Read-only mode is on/);
		expect(contacts()).toHaveLength(2);
	});
});

describe('Contact picker', () => {
	test('lists contacts by name, company and suburb; typing narrows it', async () => {
		const all = await runListSearch('searchAddresses', sandboxCredentials(sandbox));
		expect(all.results).toEqual([
			{ name: 'Sydney Warehouse · Example Store · Botany', value: '1' },
			{ name: 'Returns Desk · Example Store · Melbourne', value: '2' },
		]);
		const narrowed = await runListSearch('searchAddresses', sandboxCredentials(sandbox), {
			filter: 'returns',
		});
		expect(narrowed.results.map((result) => result.value)).toEqual(['2']);
	});
});

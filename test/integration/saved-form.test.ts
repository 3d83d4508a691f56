import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import { savedForm } from '../fixtures/saved-form';
import {
	shopifyFields,
	shopifyOrder,
	wooCommerceFields,
	wooCommerceOrder,
} from '../fixtures/shop-orders';
import { SEED } from '../sandbox';

/**
 * The new list fields as n8n's editor saves them: a user picks "A List in the Input" and keeps the
 * default Lines expression, so the saved workflow holds `itemsInput: 'list'` and no `itemsList`
 * (n8n leaves out values equal to their defaults). The saved form, not hand-written JSON, must run.
 */
const { sandbox, credentials } = useSandbox();

const run = (parameters: INodeParameters, input: IDataObject[]) =>
	runNode({ parameters: parameters as IDataObject, input, credentials: credentials() });
const storedLines = (number: string) =>
	((sandbox.store.orders.find((row) => row.order_number === number)?.items ?? []) as IDataObject[])
		.length;
const userChanged = (fields: IDataObject, operation = 'create'): INodeParameters => {
	const { itemsList: _default, ...changed } = fields;
	return { resource: 'order', operation, ...changed } as INodeParameters;
};

test('WooCommerce: "A List in the Input" with the default Lines is saved as the choice alone, and sends three lines', async () => {
	const saved = savedForm(userChanged(wooCommerceFields));
	expect(saved.itemsInput).toBe('list');
	expect(saved).not.toHaveProperty('itemsList');
	expect(saved).not.toHaveProperty('items');
	const { error } = await run(saved, [wooCommerceOrder('SF-1')]);
	expect(error).toBeUndefined();
	expect(storedLines('SF-1')).toBe(3);
});

test('Shopify with one package weighing the lines, as saved, through Import', async () => {
	const saved = savedForm(userChanged(shopifyFields, 'import'));
	expect(saved).toMatchObject({ itemsInput: 'list', packagesInput: 'lines' });
	expect(saved).not.toHaveProperty('packages');
	const { items, error } = await run(saved, [shopifyOrder('#SF-2')]);
	expect(error).toBeUndefined();
	expect(items[0].json.outcome).toBe('created');
	expect(storedLines('#SF-2')).toBe(3);
});

test('Order > Update: "Items From a List (Replace All)" added with its default is kept in the saved collection', async () => {
	const saved = savedForm({
		resource: 'order',
		operation: 'update',
		order: { __rl: true, mode: 'orderNumber', value: SEED.multiItemOrder },
		updateFields: { itemsList: '={{ $json.line_items }}' },
	});
	expect((saved.updateFields as IDataObject).itemsList).toBe('={{ $json.line_items }}');
	const { items, error } = await run(saved, [wooCommerceOrder('ignored')]);
	expect(error).toBeUndefined();
	expect(items[0].json.verified).toBe(true);
	expect(storedLines(SEED.multiItemOrder)).toBe(3);
});

test('Rate > Get Rates: a parcel list in grams and centimetres, as saved', async () => {
	const saved = savedForm({
		resource: 'rate',
		operation: 'getRates',
		postCode: '2000',
		countryCode: 'AU',
		packagesInput: 'list',
		packagesList: '={{ $json.parcels }}',
		packageKeys: { keys: { weightUnit: 'g', lengthUnit: 'cm' } },
	});
	expect(saved).not.toHaveProperty('packages');
	const { error } = await run(saved, [
		{
			parcels: [
				{ weight: 1500, length: 30, width: 20, height: 10 },
				{ weight: 250, length: 15, width: 10, height: 5 },
			],
		},
	]);
	expect(error).toBeUndefined();
	const sent = sandbox.requests.find((request) => request.path === '/api/rates')
		?.body as IDataObject;
	expect(sent.packages).toEqual([
		{ weight: 1.5, length: 0.3, width: 0.2, height: 0.1 },
		{ weight: 0.25, length: 0.15, width: 0.1, height: 0.05 },
	]);
});

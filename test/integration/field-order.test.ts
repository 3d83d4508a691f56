/**
 * Issue 26, point 7: the fields of a line and of a package in the order a person fills them (SKU, description,
 * quantity, value, weight; customs after), in the rows and in a list's "Keys in Each Line"; one word for the same
 * thing across operations (a destination's country is "Country" everywhere); units and "0 = not given" on package
 * dimensions where they are seen, not only in a tooltip. Display names change, parameter names never: a saved
 * workflow's rows still make the same order.
 */
import type { IDataObject, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { Starshipit } from '../../nodes/Starshipit/Starshipit.node';
import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';
import { startSandbox } from '../sandbox';

type Field = INodeProperties | INodePropertyCollection;
const isCollectionSection = (field: Field): field is INodePropertyCollection =>
	Array.isArray((field as INodePropertyCollection).values);

/** Every field of the node at any depth (collections, fixedCollection sections and their values), with where it sits. */
function everyField(fields: Field[], path: string[] = []): Array<{ field: Field; path: string[] }> {
	return fields.flatMap((field) => {
		const here = [...path, field.name];
		const children = isCollectionSection(field)
			? field.values
			: ((field as INodeProperties).options ?? []).filter(
					(option): option is Field => typeof option === 'object' && 'displayName' in option,
				);
		return [{ field, path }, ...everyField(children as Field[], here)];
	});
}

const fields = everyField(new Starshipit().description.properties);
const sections = (name: string) =>
	fields
		.map(({ field }) => field)
		.filter(
			(field): field is INodePropertyCollection =>
				isCollectionSection(field) && field.name === name,
		);
const namesOf = (section: INodePropertyCollection) => section.values.map((value) => value.name);

describe('a line and a package in the order a person fills them', () => {
	test('Items rows (Create, Create or Update, Import, Update): SKU, description, quantity, value, weight, then customs', () => {
		const items = sections('item');
		expect(items.length).toBeGreaterThan(0);
		for (const section of items)
			expect(namesOf(section)).toEqual([
				'sku',
				'description',
				'quantity',
				'value',
				'weight',
				'tariff_code',
				'country_of_origin',
			]);
	});

	test('Keys in Each Line: the same order, the weight’s unit beside the weight, the shipping switch last', () => {
		const keys = fields
			.filter(({ path }) => path.at(-1) === 'itemKeys')
			.map(({ field }) => field as INodePropertyCollection);
		expect(keys.length).toBeGreaterThan(0);
		for (const section of keys) {
			expect(namesOf(section)).toEqual([
				'sku',
				'description',
				'quantity',
				'value',
				'weight',
				'weightUnit',
				'tariff_code',
				'country_of_origin',
				'leaveOutUnshipped',
			]);
		}
	});

	test('Packages rows (orders, labels, rates): weight, then length, width, height', () => {
		const packages = sections('package');
		expect(packages.length).toBeGreaterThan(0);
		for (const section of packages)
			expect(namesOf(section)).toEqual(['weight', 'length', 'width', 'height']);
	});

	test('Keys in Each Package: weight and its unit, then length, width, height and their unit', () => {
		const keys = fields
			.filter(({ path }) => path.at(-1) === 'packageKeys')
			.map(({ field }) => field as INodePropertyCollection);
		expect(keys.length).toBeGreaterThan(0);
		for (const section of keys)
			expect(namesOf(section)).toEqual([
				'weight',
				'weightUnit',
				'length',
				'width',
				'height',
				'lengthUnit',
			]);
	});

	test('each package dimension says its unit and that 0 means not given, where it is seen (its name and hint)', () => {
		for (const section of sections('package')) {
			for (const dimension of section.values.filter((value) =>
				['length', 'width', 'height'].includes(value.name),
			)) {
				expect(dimension.displayName).toMatch(/\(M\)$/);
				expect(dimension.hint).toMatch(/metres/i);
				expect(dimension.hint).toMatch(/0 = not given/);
			}
		}
	});
});

test('a destination’s country is called “Country” in every operation (Rate > Get Rates said “Country Code”)', () => {
	// A product's country is where it was made: Country of Origin, another thing.
	const countries = fields
		.map(({ field }) => field)
		.filter(
			(field): field is INodeProperties =>
				'type' in field &&
				/^(destination)?country(Code|_code)?$/i.test(field.name) &&
				!/Origin/.test(field.displayName),
		);
	expect(countries.map((field) => field.name)).toEqual(
		expect.arrayContaining(['destinationCountry', 'countryCode', 'country_code']),
	);
	for (const field of countries)
		expect({ name: field.name, displayName: field.displayName }).toEqual({
			name: field.name,
			displayName: 'Country',
		});
});

describe('saved workflows keep working: the parameter names are the same', () => {
	const { sandbox } = useSandbox({ resetAfterEach: false });

	test('an order saved with Items and Packages rows is stored as before', async () => {
		const parameters: IDataObject = {
			resource: 'order',
			operation: 'create',
			orderNumber: 'SAVED-1',
			destinationName: 'Sam Lee',
			destinationStreet: '5 King Street',
			destinationSuburb: 'Newtown',
			destinationPostCode: '2042',
			destinationCountry: 'New Zealand',
			items: {
				item: [
					{
						country_of_origin: 'AU',
						description: 'Blue mug',
						quantity: 2,
						sku: 'MUG-BLUE',
						tariff_code: '691200',
						value: 19.5,
						weight: 0.4,
					},
				],
			},
			packages: { package: [{ height: 0.1, length: 0.3, weight: 1, width: 0 }] },
		};
		const { error } = await runNode({ parameters, credentials: sandboxCredentials(sandbox) });
		expect(error).toBeUndefined();
		const stored = sandbox.store.orders.find((row) => row.order_number === 'SAVED-1');
		expect((stored?.items as IDataObject[]).map(({ item_id: _id, ...item }) => item)).toEqual([
			{
				sku: 'MUG-BLUE',
				description: 'Blue mug',
				quantity: 2,
				value: 19.5,
				weight: 0.4,
				tariff_code: '691200',
				country_of_origin: 'Australia',
			},
		]);
		expect((stored?.packages as IDataObject[]).map(({ package_id: _id, ...pack }) => pack)).toEqual(
			[{ weight: 1, length: 0.3, height: 0.1 }],
		);
	});

	test('Rate > Get Rates saved with Country Code (countryCode) still rates', async () => {
		const { error, items } = await runNode({
			parameters: { resource: 'rate', operation: 'getRates', postCode: '2000', countryCode: 'AU' },
			credentials: sandboxCredentials(sandbox),
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
	});
});

test('a country Rate > Get Rates does not know is named as the field is now called', async () => {
	const sandbox = await startSandbox({ port: 0 });
	try {
		const { error } = await runNode({
			parameters: {
				resource: 'rate',
				operation: 'getRates',
				postCode: '2000',
				countryCode: 'Atlantis',
			},
			credentials: sandboxCredentials(sandbox),
		});
		expect(error?.message).toMatch(
			/^The rate request of item 1 has a problem: Destination › Country: is not a country Starshipit knows/,
		);
	} finally {
		await sandbox.close();
	}
});

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parameterReader } from '../../nodes/Starshipit/helpers/parameters';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';

/**
 * The order fields read `{{ $json.a.b }}` straight from the input item (n8n 2.x evaluates each
 * expression in an isolated VM, the most of an import's CPU). That must change nothing a user sees:
 * the same mapping written so that only n8n can evaluate it (`$json["a"]["b"]`) sends the same
 * requests and gives the same items and errors, for every kind of value a path can meet.
 */
const { sandbox, credentials } = useSandbox();

const VALUES: Array<[string, unknown]> = [
	['text', 'SO-77'],
	['a number', 1077],
	['zero', 0],
	['empty text', ''],
	['null', null],
	['true', true],
	['a list', ['SO-1', 'SO-2']],
	['an object', { id: 1 }],
	['missing', undefined],
];

/** `fast`: `{{ $json.order.number }}`; otherwise the same path in a form only n8n evaluates. */
const parameters = (fast: boolean): IDataObject => {
	const path = (...keys: string[]) =>
		fast
			? `={{ $json.${keys.join('.')} }}`
			: `={{ $json${keys.map((key) => `["${key}"]`).join('')} }}`;
	return {
		resource: 'order',
		operation: 'import',
		orderNumber: path('order', 'number'),
		destinationName: path('order', 'name'),
		destinationStreet: '5 King Street',
		destinationSuburb: path('order', 'suburb'),
		destinationPostCode: '2042',
		destinationCountry: 'AU',
		itemsInput: 'list',
		itemsList: path('order', 'lines'),
		additionalFields: { email: path('order', 'email') },
	};
};

const input = (value: unknown): IDataObject[] => [
	{
		order: {
			number: value,
			name: 'Sam Lee',
			suburb: 'Newtown',
			email: 'sam@example.com',
			lines: [{ sku: 'A', quantity: 1 }],
		},
	},
	{ order: { number: 'SO-2', name: value, suburb: value, email: value, lines: value } },
	{ order: null },
	{},
];

const run = async (fast: boolean, value: unknown) => {
	const { items, error } = await runNode({
		parameters: parameters(fast),
		input: input(value),
		credentials: credentials(),
		continueOnFail: true,
	});
	const requests = sandbox.requests.map(({ method, path, body }) => ({ method, path, body }));
	sandbox.reset();
	// Timestamps and ids aside, what the user sees and what Starshipit received.
	// The error quotes the Lines expression as written: the two spellings of the same path read as one.
	const sameSpelling = (text: unknown) =>
		typeof text === 'string'
			? text.split('{{ $json["order"]["lines"] }}').join('{{ $json.order.lines }}')
			: text;
	const seen = items.map((item) => ({
		outcome: item.json.outcome,
		error: sameSpelling(item.json.error),
		order_number: item.json.order_number,
	}));
	return { seen, error: error?.message, requests };
};

test.each(VALUES)(
	'a path meeting %s: the same requests, items and errors as n8n’s own evaluation',
	async (_name, value) => {
		const fast = await run(true, value);
		const evaluated = await run(false, value);
		expect(fast).toEqual(evaluated);
	},
);

describe('which fields n8n evaluates', () => {
	/** n8n's side only: what a node run offers the reader, recording each field n8n is asked to evaluate. */
	const context = (parameters: IDataObject, json: IDataObject) => {
		const asked: string[] = [];
		const functions = {
			getNode: () => ({
				id: '1',
				name: 'Starshipit',
				type: 'n8n-nodes-starshipit.starshipit',
				typeVersion: 1,
				position: [0, 0],
				parameters,
			}),
			getInputData: () => [{ json }],
			getNodeParameter: (name: string) => (asked.push(name), `n8n:${name}`),
		};
		return { reader: parameterReader(functions as unknown as IExecuteFunctions), asked };
	};

	test('one path into the item and plain values are read without n8n; anything else, or a path not there, is n8n’s', () => {
		const { reader, asked } = context(
			{
				a: '={{ $json.order.number }}',
				b: 'plain',
				c: 7,
				d: '={{ $json.order.name }} {{ $json.order.id }}',
				e: '={{ $json.order.missing }}',
				f: '={{ $("Shop").item.json.x }}',
			},
			{ order: { number: 'SO-1', name: 'Sam', id: 3 } },
		);
		expect([reader.get('a', 0), reader.get('b', 0), reader.get('c', 0)]).toEqual([
			'SO-1',
			'plain',
			7,
		]);
		expect(asked).toEqual([]);
		expect([reader.get('d', 0), reader.get('e', 0), reader.get('f', 0)]).toEqual([
			'n8n:d',
			'n8n:e',
			'n8n:f',
		]);
		expect(asked).toEqual(['d', 'e', 'f']);
	});
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';

/**
 * The README's "Orders with several lines" examples, run as they are written: each block marked
 * `<!-- readme-example: NAME -->` is the Starshipit node's parameters, run on the sample order marked
 * `<!-- readme-input: NAME -->`, through n8n's engine against the strict sandbox. What Starshipit
 * should hold is written out here, not read from the README, so a changed example fails until this
 * file says what the new one stores.
 */
const { sandbox } = useSandbox();

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** Every `<!-- readme-KIND: NAME -->` marker followed by a ```json block, parsed. A block that is not JSON fails here. */
function markedBlocks(kind: 'example' | 'input'): Map<string, IDataObject> {
	const blocks = new Map<string, IDataObject>();
	const marker = new RegExp(
		`<!--\\s*readme-${kind}:\\s*([\\w-]+)\\s*-->\\s*\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``,
		'g',
	);
	for (const [, name, text] of README.matchAll(marker)) {
		if (blocks.has(name)) throw new Error(`README.md has two readme-${kind} blocks named ${name}`);
		try {
			blocks.set(name, JSON.parse(text) as IDataObject);
		} catch (error) {
			throw new Error(
				`README.md's readme-${kind} block ${name} is not JSON: ${(error as Error).message}`,
			);
		}
	}
	return blocks;
}

const examples = markedBlocks('example');
const inputs = markedBlocks('input');

const stored = (number: string) =>
	sandbox.store.orders.filter((row) => row.order_number === number);
const withoutId = (rows: unknown, id: string) =>
	((rows ?? []) as IDataObject[]).map(({ [id]: _id, ...row }) => row);

/** What each example must leave in Starshipit: the order number, its lines exactly, and what else it carries. */
const EXPECTED: Record<
	string,
	{ orderNumber: string; lines: IDataObject[]; packages?: IDataObject[]; metadatas?: IDataObject[] }
> = {
	woocommerce: {
		orderNumber: '1001',
		lines: [
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5 },
			{ description: 'Cotton T-shirt - M', sku: 'TEE-M', quantity: 1, value: 30 },
			{ description: 'Tea towel', sku: 'TOWEL-1', quantity: 3, value: 9 },
		],
		metadatas: [{ metafield_key: 'gift_message', value: 'Happy birthday' }],
	},
	shopify: {
		orderNumber: '#1002',
		lines: [
			{ description: 'Blue mug - Large', sku: 'MUG-BLUE-L', quantity: 1, value: 24, weight: 0.45 },
			{
				description: 'Cotton T-shirt - M / Black',
				sku: 'TEE-M-BLACK',
				quantity: 2,
				value: 30,
				weight: 0.2,
			},
			{ description: 'Linen apron', sku: 'APRON-1', quantity: 1, value: 45.5, weight: 0.35 },
		],
		// 0.45 × 1 + 0.2 × 2 + 0.35 × 1
		packages: [{ weight: 1.2 }],
	},
	'json-order': {
		orderNumber: 'SO-2001',
		lines: [
			{ description: 'Blue mug', sku: 'MUG-BLUE', quantity: 2, value: 19.5, weight: 0.4 },
			{ description: 'Tea towel', sku: 'TOWEL-1', quantity: 3, value: 9, weight: 0.1 },
			{ description: 'Linen apron', sku: 'APRON-1', quantity: 1, value: 45.5, weight: 0.35 },
		],
		packages: [{ weight: 1.45 }],
	},
};

describe('the README’s examples of orders with several lines', () => {
	test('the WooCommerce and Shopify examples are in the README, each with its sample order, and every example is checked here', () => {
		expect([...examples.keys()]).toEqual(expect.arrayContaining(['woocommerce', 'shopify']));
		expect([...examples.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
		expect([...inputs.keys()].sort()).toEqual([...examples.keys()].sort());
	});

	// As written; and with "operation": "createOrUpdate", which the README says takes the same settings.
	test.each(
		Object.keys(EXPECTED).flatMap((name) => [
			[name, 'as written'],
			[name, 'createOrUpdate'],
		]),
	)('%s, %s: the order stored with every line exact', async (name, operation) => {
		const written = examples.get(name);
		const input = inputs.get(name);
		if (!written || !input)
			throw new Error(`README.md has no readme-example and readme-input blocks named ${name}`);
		// The block is the whole of the node's settings: it says which resource and operation itself.
		expect(written).toMatchObject({ resource: 'order', operation: 'create' });
		const parameters = operation === 'as written' ? written : { ...written, operation };
		const expected = EXPECTED[name];
		expect(stored(expected.orderNumber)).toEqual([]);

		const { items, error } = await runNode({
			parameters,
			input: [input],
			credentials: sandboxCredentials(sandbox),
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toBeUndefined();
		if (operation === 'createOrUpdate') expect(items[0].json.outcome).toBe('created');
		expect(stored(expected.orderNumber)).toHaveLength(1);
		const order = stored(expected.orderNumber)[0];
		expect(withoutId(order.items, 'item_id')).toEqual(expected.lines);
		if (expected.packages)
			expect(withoutId(order.packages, 'package_id')).toEqual(expected.packages);
		if (expected.metadatas) expect(order.metadatas).toEqual(expected.metadatas);
	});
});

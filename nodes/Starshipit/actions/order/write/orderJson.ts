import type { IDataObject } from 'n8n-workflow';

import { UNCONFIRMED } from '../../../transport';
import { describeValue } from '../../../validation/checks';
import { itemRows, packageRows, withoutBlanks } from '../rows';
import { addressSchema, itemSchema, orderFieldRules, packageSchema } from '../schema';

/**
 * Specify Order > Using JSON: a whole Starshipit order from the input. It is read into the same
 * object the fields build and checked by the same rules; a field this node would never send (not in
 * the API notes' CreateOrder) is refused by name rather than passed on to Starshipit.
 */

const LABEL = 'Order (JSON)';
const ORDER_KEYS = [
	'order_number',
	...Object.keys(orderFieldRules),
	'signature_required',
	...Object.values(UNCONFIRMED.orderFieldsByAnalogy),
	'destination',
	'items',
	'packages',
	'metadatas',
];
const ROW_KEYS: Record<string, { word: string; keys: string[] }> = {
	items: { word: 'Line', keys: Object.keys(itemSchema.shape) },
	packages: { word: 'Package', keys: Object.keys(packageSchema.shape) },
	metadatas: { word: 'Entry', keys: ['metafield_key', 'value'] },
};
const DESTINATION_KEYS = Object.keys(addressSchema.shape);

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownKeys(value: IDataObject, allowed: string[], where: string): string[] {
	return Object.keys(value)
		.filter((key) => !allowed.includes(key))
		.map(
			(key) =>
				`${where}: "${key}" is not a field this node sends to Starshipit (it takes: ${allowed.join(', ')})`,
		);
}

/** The order object itself: parsed from text, and taken out of Starshipit's own `{ "order": { ... } }` envelope. */
function orderObject(value: unknown): { order?: IDataObject; problem?: string } {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			return {
				problem: `${LABEL} is text that is not JSON (${describeValue(value)}): map an order object, e.g. {{ $json.order }}`,
			};
		}
	}
	if (!isObject(parsed))
		return {
			problem: `${LABEL} gave ${describeValue(parsed)}, not an order object: map an object with order_number, destination and items`,
		};
	const keys = Object.keys(parsed);
	if (keys.length === 1 && keys[0] === 'order' && isObject(parsed.order))
		return { order: parsed.order };
	return { order: parsed };
}

function rowProblems(order: IDataObject): string[] {
	return Object.entries(ROW_KEYS).flatMap(([name, { word, keys }]) => {
		const list = order[name];
		if (list === undefined || list === null) return [];
		if (!Array.isArray(list)) return [`${LABEL} › ${name}: is ${describeValue(list)}, not a list`];
		return list.flatMap((row, index) =>
			isObject(row)
				? unknownKeys(row, keys, `${LABEL} › ${name} › ${word} ${index + 1}`)
				: [`${LABEL} › ${name} › ${word} ${index + 1}: is ${describeValue(row)}, not an object`],
		);
	});
}

/** The order as the fields would build it (blanks left out), and what is wrong with its shape. */
export function readOrderJson(value: unknown): { order: IDataObject; problems: string[] } {
	const { order: given, problem } = orderObject(value);
	if (!given) return { order: {}, problems: [problem as string] };
	const destination = given.destination;
	const problems = [
		...unknownKeys(given, ORDER_KEYS, LABEL),
		...(isObject(destination)
			? unknownKeys(destination, DESTINATION_KEYS, `${LABEL} › destination`)
			: []),
		...rowProblems(given),
	];
	if (problems.length) return { order: given, problems };
	const order = withoutBlanks({
		...given,
		destination: isObject(destination) ? withoutBlanks(destination) : destination,
		items: itemRows({ item: given.items ?? [] }),
		packages: packageRows({ package: given.packages ?? [] }),
	});
	if (order.signature_required === false) delete order.signature_required;
	return { order, problems };
}

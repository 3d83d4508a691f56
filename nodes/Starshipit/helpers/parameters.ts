import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

/**
 * Reading the node's fields for many items, fast. n8n 2.x evaluates every expression in an isolated VM
 * (about 0.5 ms each, measured by `npm run bench:cpu`), so an Import of 1,000 orders spent most of its
 * CPU there, not in our code. A field that is exactly one path into the input item, `{{ $json.a.b }}`
 * (what the editor writes when a field is dragged in), is read from the item itself; a field without an
 * expression is read as saved. Anything else (two expressions, functions, `$('Node')`, a path that is not
 * there) goes through n8n as usual, so its answer and its errors stay n8n's own.
 * The values returned are the input item's own: callers must not change them.
 */

/** `={{ $json.a.b }}`, `={{ $json.a_1 }}`: one dotted path of plain names into the input item. */
const JSON_PATH = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*)+)\s*\}\}$/;

export interface ParameterReader {
	/** The field's value for one item, as getNodeParameter gives it. */
	get(name: string, itemIndex: number, fallback?: unknown): unknown;
	/** The node, read once (getNode() copies the whole node on every call). */
	node: INode;
}

function pathIn(json: IDataObject, path: string[]): { found: boolean; value?: unknown } {
	let value: unknown = json;
	for (const key of path) {
		if (
			!value ||
			typeof value !== 'object' ||
			Array.isArray(value) ||
			!Object.prototype.hasOwnProperty.call(value, key)
		)
			return { found: false };
		value = (value as IDataObject)[key];
	}
	return { found: value !== undefined, value };
}

function rawAt(parameters: IDataObject, name: string): unknown {
	return name
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
			parameters,
		);
}

const readers = new WeakMap<IExecuteFunctions, ParameterReader>();

/** The reader of this node run (one per execution context: the saved fields are read once). */
export function readerOf(context: IExecuteFunctions): ParameterReader {
	let reader = readers.get(context);
	if (!reader) {
		reader = parameterReader(context);
		readers.set(context, reader);
	}
	return reader;
}

/** A reader: the saved fields read once, each item's values as asked. */
export function parameterReader(context: IExecuteFunctions): ParameterReader {
	const node = context.getNode();
	const items = context.getInputData();
	const paths = new Map<string, string[] | null>();
	const pathOf = (name: string): string[] | null => {
		if (!paths.has(name)) {
			const raw = rawAt(node.parameters as IDataObject, name);
			const match = typeof raw === 'string' ? JSON_PATH.exec(raw) : null;
			paths.set(name, match ? match[1].slice(1).split('.') : null);
		}
		return paths.get(name) as string[] | null;
	};
	const get = (name: string, itemIndex: number, fallback?: unknown): unknown => {
		const raw = rawAt(node.parameters as IDataObject, name);
		// Saved as a plain value (no expression): n8n would give it back as it is.
		if (
			typeof raw === 'number' ||
			typeof raw === 'boolean' ||
			(typeof raw === 'string' && !raw.startsWith('='))
		)
			return raw;
		const path = pathOf(name);
		const json = items[itemIndex]?.json;
		if (path && json) {
			const read = pathIn(json, path);
			if (read.found) return read.value;
		}
		return context.getNodeParameter(name, itemIndex, fallback as never) as unknown;
	};
	return { get, node };
}

/** A collection (Additional Fields) with each of its fields read as above. */
export function collectionOf(
	reader: ParameterReader,
	name: string,
	itemIndex: number,
): IDataObject {
	const raw = rawAt(reader.node.parameters as IDataObject, name);
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		return (reader.get(name, itemIndex, {}) ?? {}) as IDataObject;
	const values: IDataObject = {};
	for (const key of Object.keys(raw)) {
		// Rows and nested collections inside it fall through to n8n (they are objects, not one path).
		values[key] = reader.get(`${name}.${key}`, itemIndex) as IDataObject[string];
	}
	return values;
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectionOf, readerOf } from '../../../helpers/parameters';
import { nodeHomeCountry } from '../../../transport';
import { orderNamed, validateInput, type ListContext } from '../../../validation/validate';
import {
	DESTINATION_EXTRAS,
	ORDER_EXTRAS,
	withAuthorityToLeave,
	withStarshipitNames,
} from '../fields';
import {
	itemsFromList,
	metadataFromList,
	NO_ROWS_PROBLEM,
	packagesOfItem,
	writtenExpression,
	type RowsRead,
} from '../lists';
import { itemRows, rows, withoutBlanks } from '../rows';
import { orderSchema } from '../schema';
import { readOrderJson } from './orderJson';

/**
 * One item's new order, read from the node's fields (or from JSON) and checked before anything is
 * sent: shared by Create, Create or Update and Import.
 */

export interface OrderInput {
	order: IDataObject;
	/** The node's Your Country, as a code; undefined: the credential's (or AU). */
	homeCountry?: string;
	/** Problems and line numbers of the lists read from the input, checked with the order. */
	lists: ListContext;
}

const rowsRead = (list: IDataObject[]): RowsRead => ({ rows: list, problems: [], notes: [] });

/** Items From: the rows typed in the editor, or a list from the input. */
function orderItems(this: IExecuteFunctions, itemIndex: number): RowsRead {
	const mode = readerOf(this).get('itemsInput', itemIndex, 'rows');
	if (mode === 'none') return rowsRead([]);
	if (mode !== 'list') {
		const typed = itemRows(readerOf(this).get('items', itemIndex, {}));
		return typed.length ? rowsRead(typed) : { rows: [], problems: [NO_ROWS_PROBLEM], notes: [] };
	}
	const list = readerOf(this).get('itemsList', itemIndex, undefined);
	return itemsFromList(
		list,
		readerOf(this).get('itemKeys', itemIndex, {}),
		writtenExpression.call(this, ['itemsList']),
	);
}

/** What the lists add to the order's check: their problems, how they were read and their line numbers. */
function listContext(items: RowsRead, packages: RowsRead, metadata: RowsRead): ListContext {
	return {
		problems: [...items.problems, ...packages.problems, ...metadata.problems],
		notes: [...items.notes, ...packages.notes],
		lines: { items: items.lines, packages: packages.lines },
	};
}

/**
 * Builds a Starshipit CreateOrder from the node's fields for one item, values as mapped (never
 * turned into text here: the order schema refuses null, objects, lists and true/false by field).
 */
function readOrderFields(this: IExecuteFunctions, itemIndex: number): OrderInput {
	const reader = readerOf(this);
	const parameter = (name: string, fallback: unknown = '') =>
		reader.get(name, itemIndex, fallback) as IDataObject[string];
	const extras = collectionOf(reader, 'additionalFields', itemIndex);
	const destination = withoutBlanks({
		name: parameter('destinationName'),
		street: parameter('destinationStreet'),
		suburb: parameter('destinationSuburb'),
		city: parameter('destinationCity'),
		state: parameter('destinationState'),
		post_code: parameter('destinationPostCode'),
		country: parameter('destinationCountry'),
		...Object.fromEntries(DESTINATION_EXTRAS.map((key) => [key, extras[key]])),
	});
	const items = orderItems.call(this, itemIndex);
	const packages = packagesOfItem.call(this, itemIndex, {
		read: () => items,
		label: 'Items',
		reportLines: false,
	});
	const metadataList = metadataFromList(
		extras.metadataList,
		writtenExpression.call(this, ['additionalFields', 'metadataList']),
	);
	const order = withoutBlanks({
		order_number: parameter('orderNumber'),
		...withStarshipitNames(Object.fromEntries(ORDER_EXTRAS.map((key) => [key, extras[key]]))),
		destination,
		items: items.rows,
		packages: packages.rows,
	});
	const typed = rows(extras.metadata as IDataObject, 'field').filter(
		(field) => field.metafield_key,
	);
	const metadata = withAuthorityToLeave(
		[...typed, ...metadataList.rows],
		extras.authority_to_leave,
		false,
	);
	if (metadata.length) order.metadatas = metadata;
	if (order.signature_required === false) delete order.signature_required;
	return {
		order,
		homeCountry: nodeHomeCountry.call(this, extras.homeCountry, itemIndex),
		lists: listContext(items, packages, metadataList),
	};
}

/** The order as the user specified it: field by field, or as JSON. */
export function readOrderInput(this: IExecuteFunctions, itemIndex: number): OrderInput {
	if (readerOf(this).get('orderInput', itemIndex, 'fields') !== 'json')
		return readOrderFields.call(this, itemIndex);
	const { order, problems } = readOrderJson(readerOf(this).get('orderJson', itemIndex, undefined));
	// A JSON order of the wrong shape: its field rules would only repeat the problem in other words.
	return { order, lists: { problems, alone: true } };
}

/**
 * Reads and checks one item's order; throws a field-by-field error before anything is sent.
 * `defaultHomeCountry`: the credential's Your Country (credentialHomeCountry), used when the node's is empty.
 */
export function validOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	defaultHomeCountry = 'AU',
): IDataObject {
	const { order, homeCountry, lists } = readOrderInput.call(this, itemIndex);
	const schema = orderSchema(homeCountry ?? defaultHomeCountry);
	return validateInput(
		readerOf(this).node,
		schema,
		order,
		itemIndex,
		'order',
		orderNamed(order.order_number),
		lists,
	) as IDataObject;
}

/** The order number as the user gave it, for an error item ('' when it is not text or a number). */
export function orderNumberOf(this: IExecuteFunctions, itemIndex: number): string {
	let raw: unknown;
	try {
		raw =
			readerOf(this).get('orderInput', itemIndex, 'fields') === 'json'
				? readOrderJson(readerOf(this).get('orderJson', itemIndex, undefined)).order.order_number
				: readerOf(this).get('orderNumber', itemIndex, '');
	} catch {
		return '';
	}
	return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
}

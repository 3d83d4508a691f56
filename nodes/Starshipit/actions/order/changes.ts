import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v4';

import { validateInput } from '../../validation/validate';
import {
	itemRowsField,
	itemRows,
	orderFields,
	packageRows,
	packageRowsField,
	withAuthorityToLeave,
	withStarshipitNames,
} from './fields';
import {
	itemsFromList,
	listChangeOptions,
	packagesFromList,
	writtenExpression,
	type RowsRead,
} from './lists';
import { withoutBlanks } from './rows';
import { addressSchema, itemSchema, orderFieldRules, packageSchema } from './schema';

/**
 * The changes an unshipped order accepts, shared by Order > Update and Label > Create's
 * "Update Order First": one field list, one set of rules, one way of nesting them for Starshipit.
 * Sending them (rows replaced, never added twice) is write/update.ts.
 */
const text = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
});

/** The address fields a new order takes at the top level, here under Starshipit's own names. */
const addressOptions = [
	text('City', 'city'),
	text('Country', 'country'),
	text('Post Code', 'post_code'),
	text('Recipient Name', 'name'),
	text('State', 'state'),
	text('Street', 'street'),
	text('Suburb', 'suburb'),
];

/** The order's other fields, as Create offers them (what only applies when creating is left out). */
const CREATE_ONLY = ['homeCountry', 'metadata', 'metadataList'];
const extraOptions = (orderFields.find((field) => field.name === 'additionalFields')?.options ??
	[]) as INodeProperties[];

export const orderChangeOptions: INodeProperties[] = [
	...addressOptions,
	...extraOptions.filter((option) => !CREATE_ONLY.includes(option.name)),
	{
		...itemRowsField,
		displayName: 'Items (Replace All)',
		description: 'The order’s new item lines: every current line is removed and these are added',
	},
	{
		...packageRowsField,
		displayName: 'Packages (Replace All)',
		description:
			'The order’s new packages, in kilograms and metres: every current package is removed and these are added',
	},
	...listChangeOptions,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

// Any address field may change on its own; the order's own fields keep their rules on create.
const DESTINATION_FIELDS = Object.keys(addressSchema.shape);
const changesSchema = addressSchema
	.partial()
	.extend({
		...orderFieldRules,
		items: z.array(itemSchema).optional(),
		packages: z.array(packageSchema).optional(),
	})
	.passthrough();
/** The row lists a change replaces whole (see withRowsReplaced in write/update.ts). */
const ROW_LISTS = ['items', 'packages'];

const pick = (fields: IDataObject, keep: (key: string) => boolean): IDataObject =>
	Object.fromEntries(Object.entries(fields).filter(([key]) => keep(key)));

/**
 * Replacement rows: typed in the editor or from a list, never both (which would be meant is unclear).
 * A list option that was added but gave nothing is a problem, never "no change".
 */
function replacementRows(
	typed: IDataObject[],
	listed: boolean,
	read: () => RowsRead,
	label: string,
): RowsRead {
	if (!listed) return { rows: typed, problems: [], notes: [] };
	if (typed.length)
		return {
			rows: [],
			problems: [`${label} (Replace All) and ${label} From a List are both set: keep one of them`],
			notes: [],
		};
	return read();
}

/**
 * Reads a collection of changes, checks it before anything is sent and nests the address fields
 * under destination, as Starshipit expects. None given: undefined.
 */
export function readOrderChanges(
	this: IExecuteFunctions,
	parameterName: string,
	itemIndex: number,
	what: string,
	subject?: string,
): IDataObject | undefined {
	const collection = this.getNodeParameter(parameterName, itemIndex, {}) as IDataObject;
	const { items, packages, itemsList, itemKeys, packagesList, packageKeys, ...values } = collection;
	const written = (name: string) => writtenExpression.call(this, [parameterName, name]);
	const added = (name: string) => Object.prototype.hasOwnProperty.call(collection, name);
	const itemRowsRead = replacementRows(
		itemRows(items),
		added('itemsList'),
		() => itemsFromList(itemsList, itemKeys, written('itemsList')),
		'Items',
	);
	const packageRowsRead = replacementRows(
		packageRows(packages),
		added('packagesList'),
		() => packagesFromList(packagesList, packageKeys, written('packagesList')),
		'Packages',
	);
	// Rows added in the editor but left empty mean "no change", not "remove every line".
	const fields = withoutBlanks({
		...values,
		items: itemRowsRead.rows,
		packages: packageRowsRead.rows,
	});
	for (const key of ROW_LISTS) if ((fields[key] as IDataObject[]).length === 0) delete fields[key];
	const problems = [...itemRowsRead.problems, ...packageRowsRead.problems];
	if (Object.keys(fields).length === 0 && problems.length === 0) return undefined;
	// What was checked is what is sent (trimmed text included).
	const lists = {
		problems,
		notes: [...itemRowsRead.notes, ...packageRowsRead.notes],
		lines: { items: itemRowsRead.lines, packages: packageRowsRead.lines },
	};
	const checked = validateInput(
		this.getNode(),
		changesSchema,
		fields,
		itemIndex,
		what,
		subject,
		lists,
	) as IDataObject;
	const destination = pick(checked, (key) => DESTINATION_FIELDS.includes(key));
	const { authority_to_leave: authorityToLeave, ...rest } = pick(
		checked,
		(key) => !DESTINATION_FIELDS.includes(key),
	);
	const order = withStarshipitNames(rest);
	// Authority to Leave is a metadata row (ORDER_METADATA); switched off on an update, it is sent as False.
	const metadatas = withAuthorityToLeave([], authorityToLeave, true);
	if (metadatas.length) order.metadatas = metadatas;
	return Object.keys(destination).length ? { ...order, destination } : order;
}

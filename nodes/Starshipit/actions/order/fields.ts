import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { packagesField } from '../../descriptions/packages';
import { ORDER_METADATA, UNCONFIRMED } from '../../transport';
import { itemsSourceFields, metadataListOption, packagesSourceFields } from './lists';

export { itemRows, packageRows, rows, withoutBlanks } from './rows';

/*
 * The fields of a line and of a package are in the order a person fills them in (what it is, how many, what one is
 * worth, what it weighs; customs after; a package's weight, then length, width and height), not alphabetically. n8n's
 * lint rule node-param-fixed-collection-type-unsorted-items alphabetizes a section's `values` written as an array
 * literal, and n8n's scanner ignores eslint-disable comments: so each list is a named constant, in this order on
 * purpose. Only display names and hints may change here, never a `name` (saved workflows hold the names).
 */

/** A line's fields: what it is, how many, what one is worth and weighs; then what customs needs. */
const ITEM_ROW_FIELDS: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		description: 'Must match the SKU in the Product Catalogue exactly',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. Cotton T-shirt',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		hint: 'Of one item, in the order’s currency; 0 = not given',
	},
	{
		displayName: 'Weight (Kg)',
		name: 'weight',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 3 },
		hint: 'Of one item, in kilograms; 0 = not given',
	},
	{
		displayName: 'Tariff Code',
		name: 'tariff_code',
		type: 'string',
		default: '',
		placeholder: 'e.g. 610910',
		description: 'HS tariff code, for customs',
	},
	{
		displayName: 'Country of Origin',
		name: 'country_of_origin',
		type: 'string',
		default: '',
		placeholder: 'e.g. AU',
		description: 'Where the item was made (2-letter code), for customs',
	},
];

/** The Items rows: one row per line, typed in the editor. */
export const itemRowsField: INodeProperties = {
	displayName: 'Items',
	name: 'items',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Item',
	description:
		'What is in the parcel. International orders need a description and a value for each item (customs).',
	options: [{ displayName: 'Item', name: 'item', values: ITEM_ROW_FIELDS }],
};

// n8n does not save a value equal to its default: changing a default changes saved workflows.
export const packageRowsField = packagesField(
	'Boxes or satchels, in kilograms and metres. Leave empty to let Starshipit’s rules choose.',
	0.5,
);

/** The fields of a new order when it is specified field by field. */
const orderFieldsBelow: INodeProperties[] = [
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1001',
		description:
			'Your shop or system’s own order number. Keep it stable: updates and tracking are matched on it.',
	},
	{
		displayName: 'Recipient Name',
		name: 'destinationName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Jane Citizen',
	},
	{
		displayName: 'Street',
		name: 'destinationStreet',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1 George Street',
	},
	{
		displayName: 'Suburb',
		name: 'destinationSuburb',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Sydney',
		description: 'Suburb or town (Starshipit requires it)',
	},
	{ displayName: 'City', name: 'destinationCity', type: 'string', default: '' },
	{
		displayName: 'State',
		name: 'destinationState',
		type: 'string',
		default: '',
		placeholder: 'e.g. NSW',
	},
	{
		displayName: 'Post Code',
		name: 'destinationPostCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2000',
	},
	{
		displayName: 'Country',
		name: 'destinationCountry',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Australia or AU',
	},
	...itemsSourceFields(itemRowsField),
	...packagesSourceFields(packageRowsField, ['rows', 'list', 'lines']),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Authority to Leave',
				name: 'authority_to_leave',
				type: 'boolean',
				default: false,
				description: 'Whether the carrier may leave the parcel without a signature',
			},
			{ displayName: 'Building', name: 'building', type: 'string', default: '' },
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'string',
				default: '',
				placeholder: 'e.g. AusPost',
				description: 'Carrier code to book with (otherwise Starshipit’s rules choose)',
			},
			{
				displayName: 'Carrier Service Code',
				name: 'carrier_service_code',
				type: 'string',
				default: '',
				placeholder: 'e.g. EXP',
			},
			{ displayName: 'Company', name: 'company', type: 'string', default: '' },
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'e.g. AUD',
			},
			{
				displayName: 'Delivery Instructions',
				name: 'delivery_instructions',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Key', name: 'metafield_key', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			metadataListOption,
			{ displayName: 'Order Date', name: 'order_date', type: 'dateTime', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'A second reference shown in Starshipit, e.g. the customer’s PO number',
			},
			{
				displayName: 'Shipping Description',
				name: 'shipping_description',
				type: 'string',
				default: '',
				description: 'What the customer chose at checkout, e.g. Express',
			},
			{
				displayName: 'Shipping Method',
				name: 'shipping_method',
				type: 'string',
				default: '',
				description:
					'Code of the method chosen at checkout; Starshipit’s rules map it to a service',
			},
			{
				displayName: 'Signature Required',
				name: 'signature_required',
				type: 'boolean',
				default: false,
				description: 'Whether the recipient must sign on delivery',
			},
			{
				displayName: 'Your Country',
				name: 'homeCountry',
				type: 'string',
				default: '',
				placeholder: 'e.g. AU or Australia',
				description:
					'The country you ship from (code or name). Orders to any other country are checked for customs data before they are sent. Empty: Your Country in the credential, or AU.',
			},
		],
	},
];

/** Using JSON: a whole Starshipit order from the input (see write/orderJson.ts), checked like the fields. */
const orderInputFields: INodeProperties[] = [
	{
		displayName: 'Specify Order',
		name: 'orderInput',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{
				name: 'Using JSON',
				value: 'json',
				description:
					'A Starshipit order object your data already holds, e.g. built by a Code node or another system',
			},
		],
	},
	{
		displayName: 'Order (JSON)',
		name: 'orderJson',
		type: 'json',
		default: '={{ $json }}',
		displayOptions: { show: { orderInput: ['json'] } },
		description:
			'A Starshipit order with Starshipit’s own field names: order_number, destination, items, packages, metadatas and the order’s other fields (also accepted wrapped as { "order": { ... } }). Checked like the fields before anything is sent; Your Country is the credential’s.',
	},
];

const hiddenForJson = (field: INodeProperties): INodeProperties => ({
	...field,
	displayOptions: {
		...field.displayOptions,
		hide: { ...field.displayOptions?.hide, orderInput: ['json'] },
	},
});

/** The fields of a new order, shared by Create, Create or Update and Import. */
export const orderFields: INodeProperties[] = [
	...orderInputFields,
	...orderFieldsBelow.map(hiddenForJson),
];

export const DESTINATION_EXTRAS = [
	'building',
	'company',
	'delivery_instructions',
	'email',
	'phone',
];
export const ORDER_EXTRAS = [
	'currency',
	'order_date',
	'reference',
	'shipping_description',
	'shipping_method',
	'signature_required',
	...Object.keys(UNCONFIRMED.orderFieldsByAnalogy),
];

/**
 * Authority to Leave as Starshipit's order sample carries it: a metadata row (see ORDER_METADATA),
 * added to the user's own rows unless they wrote one themselves. Off: nothing is added on create.
 */
export function withAuthorityToLeave(
	metadatas: IDataObject[],
	value: unknown,
	sendNo: boolean,
): IDataObject[] {
	const { key, yes, no } = ORDER_METADATA.authorityToLeave;
	const on = value === true || value === 'true';
	if (
		(!on && !sendNo) ||
		value === undefined ||
		value === '' ||
		metadatas.some((row) => row.metafield_key === key)
	)
		return metadatas;
	return [...metadatas, { metafield_key: key, value: on ? yes : no }];
}

/** The editor's names of the fields sent by analogy, renamed to what Starshipit is sent (see UNCONFIRMED). */
export function withStarshipitNames(values: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(values).map(([key, value]) => [
			UNCONFIRMED.orderFieldsByAnalogy[key] ?? key,
			value,
		]),
	);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkCountry, checkText } from '../../validation/checks';
import { checked } from '../../validation/read';

/**
 * An address-book contact: the editor's fields, and the reader that checks them and names them as
 * Starshipit's add and update take them (details §9: `phone` there, `telephone` in the list).
 */
interface ContactField {
	displayName: string;
	/** The editor's name, which is also Starshipit's (snake case), except Post Code. */
	name: string;
	apiName: string;
	max: number;
	placeholder?: string;
	description?: string;
}

const TEXT_FIELDS: ContactField[] = [
	{
		displayName: 'Name',
		name: 'name',
		apiName: 'name',
		max: 100,
		placeholder: 'e.g. Sydney Warehouse',
	},
	{ displayName: 'Street', name: 'street', apiName: 'street', max: 100 },
	{ displayName: 'Suburb', name: 'suburb', apiName: 'suburb', max: 100 },
	{ displayName: 'City', name: 'city', apiName: 'city', max: 100 },
	{ displayName: 'State', name: 'state', apiName: 'state', max: 100, placeholder: 'e.g. NSW' },
	{ displayName: 'Post Code', name: 'post_code', apiName: 'post_code', max: 10 },
	{
		displayName: 'Code',
		name: 'code',
		apiName: 'code',
		max: 50,
		description: 'Your short name for the contact, e.g. WAREHOUSE-SYD',
	},
	{ displayName: 'Company', name: 'company', apiName: 'company', max: 100 },
	{ displayName: 'Building', name: 'building', apiName: 'building', max: 100 },
	{ displayName: 'Phone', name: 'phone', apiName: 'phone', max: 100 },
	{
		displayName: 'Email',
		name: 'email',
		apiName: 'email',
		max: 100,
		placeholder: 'name@email.com',
	},
	{ displayName: 'Delivery Instructions', name: 'instructions', apiName: 'instructions', max: 100 },
];

const COUNTRY: INodeProperties = {
	displayName: 'Country',
	name: 'country',
	type: 'string',
	default: '',
	placeholder: 'e.g. Australia or AU',
	description: 'Country name or 2-letter code; Starshipit gets the name',
};
const SIGNATURE: INodeProperties = {
	displayName: 'Signature Required',
	name: 'signature_required',
	type: 'boolean',
	default: false,
	description: 'Whether deliveries to this contact need a signature',
};

const asProperty = (field: ContactField): INodeProperties => ({
	displayName: field.displayName,
	name: field.name,
	type: 'string',
	default: '',
	placeholder: field.placeholder,
	description: field.description,
});

/** Name first and required on create; every field, optional, in Update Fields. */
export const createContactFields: INodeProperties[] = [
	{ ...asProperty(TEXT_FIELDS[0]), required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...TEXT_FIELDS.slice(1).map(asProperty), COUNTRY, SIGNATURE].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const updateContactFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [...TEXT_FIELDS.map(asProperty), COUNTRY, SIGNATURE].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	),
};

/** The given fields, checked and named as Starshipit takes them; a blank field is left out. */
export function readContact(
	this: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	where: string,
): IDataObject {
	const node = this.getNode();
	const contact: IDataObject = {};
	for (const field of TEXT_FIELDS) {
		if (!(field.name in values)) continue;
		const value = checked(
			node,
			itemIndex,
			`${where}${field.displayName}`,
			checkText(values[field.name], { max: field.max }),
		);
		if (value !== undefined) contact[field.apiName] = value;
	}
	if ('country' in values) {
		const country = checked(node, itemIndex, `${where}Country`, checkCountry(values.country));
		if (country) contact.country = country.name;
	}
	if (typeof values.signature_required === 'boolean')
		contact.signature_required = values.signature_required;
	return contact;
}

/** A list row back in the shape add and update take: `telephone` becomes `phone`, the id stays out. */
export function contactForWrite(row: IDataObject): IDataObject {
	const contact: IDataObject = { ...row };
	delete contact.id;
	delete contact.telephone;
	if (row.telephone !== undefined && contact.phone === undefined) contact.phone = row.telephone;
	for (const [key, value] of Object.entries(contact))
		if (value === null || value === undefined || value === '') delete contact[key];
	return contact;
}

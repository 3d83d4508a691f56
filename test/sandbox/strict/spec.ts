/**
 * A small schema language for reference.ts: each field as the API notes write it (text, number,
 * yes/no, one of a list, an object, a list). Kept tiny on purpose, so that reference.ts reads like
 * the notes, line by line.
 */

export type Spec =
	| {
			type: 'string';
			min?: number;
			max?: number;
			format?: 'datetime' | 'filter' | 'country-code' | 'country-name';
	  }
	| { type: 'number'; integer?: boolean; min?: number; max?: number }
	| { type: 'boolean' }
	| { type: 'enum'; values: readonly string[] }
	| {
			type: 'object';
			fields: Record<string, Spec>;
			required?: readonly string[];
			oneOf?: readonly string[];
	  }
	/** `batch`: a list of records each answered on its own (import): a missing field there is recorded, not refused. */
	| { type: 'list'; of: Spec; max?: number; batch?: boolean };

export const text = (limits: { min?: number; max?: number } = {}): Spec => ({
	type: 'string',
	...limits,
});
/** RFC 3339 in UTC (the notes: "Dates are RFC 3339 in UTC"). */
export const datetime = (): Spec => ({ type: 'string', format: 'datetime' });
/** An ISO 3166 two-letter code, as /api/rates' `country_code` takes it. */
export const countryCode = (): Spec => ({ type: 'string', format: 'country-code' });
/** A country name, as orders and products take it ("Australia"): a code such as AU is flagged (GUESSES.countryNames). */
export const countryName = (limits: { max?: number } = {}): Spec => ({
	type: 'string',
	format: 'country-name',
	min: 2,
	...limits,
});
export const num = (limits: { min?: number; max?: number } = {}): Spec => ({
	type: 'number',
	...limits,
});
export const int = (limits: { min?: number; max?: number } = {}): Spec => ({
	type: 'number',
	integer: true,
	...limits,
});
export const bool = (): Spec => ({ type: 'boolean' });
export const oneOf = (...values: string[]): Spec => ({ type: 'enum', values });
export const list = (of: Spec, options: { max?: number; batch?: boolean } = {}): Spec => ({
	type: 'list',
	of,
	...options,
});
/** An object: `required` fields must be there; `oneOf`: at least one of these must be there. */
export const obj = (
	fields: Record<string, Spec>,
	rules: { required?: string[]; oneOf?: string[] } = {},
): Spec => ({ type: 'object', fields, ...rules });
/** The order list's `filter`: `Column:::Value`, comma-separated, with the documented columns. */
export const filter = (): Spec => ({ type: 'string', format: 'filter' });

/** Query parameters of one endpoint: name → what its value may be (every query value arrives as text). */
export interface QuerySpec {
	params: Record<string, Spec>;
	/** Parameters that may be given more than once (`include=Items&include=Packages`). */
	repeatable?: readonly string[];
	required?: readonly string[];
	/** At least one of these must be given. */
	oneOf?: readonly string[];
}

/**
 * A request body. `wrapper`: the body is an envelope (`{ order: {...} }`, `{ id, product }`): every
 * key is required and nothing else may sit beside them. Otherwise the body is flat (the label
 * endpoint's `{ order_id, carrier, ... }`), checked like any object.
 */
export interface BodySpec {
	wrapper: boolean;
	fields: Record<string, Spec>;
	required?: readonly string[];
	oneOf?: readonly string[];
}

export const wrapper = (fields: Record<string, Spec>): BodySpec => ({
	wrapper: true,
	fields,
	required: Object.keys(fields),
});
export const flat = (
	fields: Record<string, Spec>,
	rules: { required?: string[]; oneOf?: string[] } = {},
): BodySpec => ({ wrapper: false, fields, ...rules });

export interface EndpointSpec {
	/** Where the notes say it: section and line, so a reader can compare. */
	doc: string;
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	/** Two readings of one path (GET /api/orders: one order, or the paged list): this one applies when the query has any of these. */
	whenQueryHas?: readonly string[];
	query?: QuerySpec;
	/** No body spec: the endpoint takes no body (an empty `{}` is fine). */
	body?: BodySpec;
}

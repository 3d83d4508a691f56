/**
 * Compares one request with reference.ts and says how it deviates: an unknown path or method, a
 * query parameter or value the reference does not list, a body field it does not list (at any
 * depth), a value of the wrong JSON type, a body outside the documented envelope, a missing required
 * field. Places are written as paths with `[]` for any list entry (`orders[].destination.country`),
 * so that an allowance matches every entry.
 */
import type { Deviation, DeviationKind } from '../types';
import { FILTER_COLUMNS, REFERENCE } from './reference';
import type { BodySpec, EndpointSpec, QuerySpec, Spec } from './spec';

export interface CheckedRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	/** The JSON body; undefined when none was sent. */
	body?: unknown;
}

interface Finding {
	kind: DeviationKind;
	what: string;
	/** Starshipit would refuse it (400): a body outside the envelope, a required field missing. */
	refused: boolean;
}

type Out = Finding[];
const note = (out: Out, kind: DeviationKind, what: string, refused = false) =>
	out.push({ kind, what, refused });

/** Every way this request deviates from the reference (none: an empty list). */
export function checkRequest(request: CheckedRequest): Deviation[] {
	const out: Out = [];
	const endpoint = findEndpoint(request, out);
	if (endpoint) {
		checkQuery(endpoint.query, request.query, out);
		checkBody(endpoint.body, request.body, out);
	}
	return out.map((finding) => ({ method: request.method, path: request.path, ...finding }));
}

function findEndpoint({ method, path, query }: CheckedRequest, out: Out): EndpointSpec | undefined {
	const samePath = REFERENCE.filter((endpoint) => endpoint.path === path);
	if (!samePath.length)
		return void note(out, 'endpoint', `${method} ${path}: not a path the reference documents`);
	const sameMethod = samePath.filter((endpoint) => endpoint.method === method);
	if (!sameMethod.length) {
		const methods = [...new Set(samePath.map((endpoint) => endpoint.method))].join(' or ');
		return void note(
			out,
			'endpoint',
			`${method} ${path}: the reference documents this path only with ${methods}`,
		);
	}
	return (
		sameMethod.find((endpoint) => endpoint.whenQueryHas?.some((key) => query.has(key))) ??
		sameMethod.find((endpoint) => !endpoint.whenQueryHas)
	);
}

// ---- Query ----

function checkQuery(spec: QuerySpec | undefined, query: URLSearchParams, out: Out) {
	const params = spec?.params ?? {};
	for (const key of new Set(query.keys())) {
		const values = query.getAll(key);
		if (!(key in params)) {
			note(
				out,
				'query-parameter',
				`query ${key}: not a parameter the reference lists for this endpoint`,
			);
			continue;
		}
		if (values.length > 1 && !spec?.repeatable?.includes(key))
			note(
				out,
				'query-value',
				`query ${key}: given ${values.length} times, the reference lists it once`,
			);
		for (const value of values) {
			const problem = queryValueProblem(params[key], value);
			if (problem) note(out, 'query-value', `query ${key}=${shown(value)}: ${problem}`);
		}
	}
	for (const key of spec?.required ?? [])
		if (!query.has(key)) note(out, 'required', `query ${key}: missing (required)`, true);
	if (spec?.oneOf && !spec.oneOf.some((key) => query.has(key)))
		note(out, 'required', `query: needs one of ${spec.oneOf.join(', ')}`, true);
}

/** Query values are always text: a number must read as one, a yes/no as true or false. */
function queryValueProblem(spec: Spec, value: string): string | undefined {
	if (spec.type === 'string') return textProblem(spec, value);
	if (spec.type === 'enum') return spec.values.includes(value) ? undefined : notListed(spec.values);
	if (spec.type === 'boolean')
		return /^(true|false)$/i.test(value) ? undefined : 'not true or false'; // GUESSES.queryBooleans
	if (spec.type === 'number')
		return /^-?\d+(\.\d+)?$/.test(value) ? numberProblem(spec, Number(value)) : 'not a number';
	return 'a list or object cannot be a query value';
}

// ---- Body ----

function checkBody(spec: BodySpec | undefined, body: unknown, out: Out) {
	if (body === undefined) {
		if (spec && (spec.wrapper || spec.required?.length || spec.oneOf?.length))
			note(out, 'envelope', 'body: missing (the reference documents a JSON body)', true);
		return;
	}
	if (!isPlainObject(body)) return void note(out, 'envelope', 'body: not a JSON object', true);
	if (!spec) {
		if (Object.keys(body).length)
			note(
				out,
				'envelope',
				`body: this endpoint takes no body (sent: ${Object.keys(body).join(', ')})`,
			);
		return;
	}
	if (!spec.wrapper) return checkObject(spec, body, 'body', out, false);
	const envelope = `{ ${Object.keys(spec.fields).join(', ')} }`;
	for (const key of Object.keys(body)) {
		if (!(key in spec.fields))
			note(out, 'envelope', `body.${key}: outside the documented envelope ${envelope}`, true);
	}
	for (const [key, fieldSpec] of Object.entries(spec.fields)) {
		const value = body[key];
		if (value === undefined || value === null)
			note(out, 'envelope', `body.${key}: missing from the documented envelope ${envelope}`, true);
		else if (!hasType(fieldSpec, value))
			note(
				out,
				'envelope',
				`body.${key}: ${typeName(value)} where the envelope ${envelope} has ${specTypeName(fieldSpec)}`,
				true,
			);
		else checkValue(fieldSpec, value, key, out, false);
	}
}

function checkObject(
	spec: { fields: Record<string, Spec>; required?: readonly string[]; oneOf?: readonly string[] },
	value: Record<string, unknown>,
	where: string,
	out: Out,
	batch: boolean,
) {
	const at = (key: string) => (where === 'body' ? key : `${where}.${key}`);
	for (const [key, field] of Object.entries(value)) {
		if (!(key in spec.fields))
			note(out, 'field', `${at(key)}: not a field the reference lists here`);
		else if (field !== undefined) checkValue(spec.fields[key], field, at(key), out, batch);
	}
	for (const key of spec.required ?? [])
		if (isMissing(value[key])) note(out, 'required', `${at(key)}: missing (required)`, !batch);
	if (spec.oneOf && spec.oneOf.every((key) => isMissing(value[key])))
		note(out, 'required', `${where}: needs one of ${spec.oneOf.join(', ')}`, !batch);
}

function checkValue(spec: Spec, value: unknown, where: string, out: Out, batch: boolean) {
	if (value === null)
		return void note(out, 'type', `${where}: null where the reference has ${specTypeName(spec)}`); // GUESSES.nullValues
	if (!hasType(spec, value))
		return void note(
			out,
			'type',
			`${where}: ${typeName(value)} where the reference has ${specTypeName(spec)}`,
		);
	if (spec.type === 'object')
		return checkObject(spec, value as Record<string, unknown>, where, out, batch);
	if (spec.type === 'list') {
		const rows = value as unknown[];
		if (spec.max !== undefined && rows.length > spec.max)
			note(
				out,
				'value',
				`${where}: ${rows.length} entries, the reference allows at most ${spec.max}`,
			);
		for (const row of rows)
			checkValue(spec.of, row, `${where}[]`, out, batch || Boolean(spec.batch));
		return;
	}
	const problem =
		spec.type === 'string'
			? textProblem(spec, value as string)
			: spec.type === 'number'
				? numberProblem(spec, value as number)
				: spec.type === 'enum' && !spec.values.includes(value as string)
					? notListed(spec.values)
					: undefined;
	if (problem) note(out, 'value', `${where}=${shown(JSON.stringify(value))}: ${problem}`);
}

// ---- Values ----

function hasType(spec: Spec, value: unknown): boolean {
	if (spec.type === 'string' || spec.type === 'enum') return typeof value === 'string';
	if (spec.type === 'number') return typeof value === 'number' && Number.isFinite(value);
	if (spec.type === 'boolean') return typeof value === 'boolean';
	if (spec.type === 'list') return Array.isArray(value);
	return isPlainObject(value);
}

function textProblem(spec: Extract<Spec, { type: 'string' }>, value: string): string | undefined {
	if (/\[object \w+\]/.test(value) || /^(undefined|null|NaN)$/.test(value))
		return 'a JavaScript value written out as text, not a value the user meant'; // GUESSES.stringifiedValues
	if (spec.min !== undefined && value.length < spec.min)
		return spec.min === 1 ? 'empty' : `shorter than ${spec.min} characters`;
	if (spec.max !== undefined && value.length > spec.max)
		return `longer than the documented ${spec.max} characters`;
	if (spec.format === 'datetime')
		return isRfc3339DateTime(value)
			? undefined
			: 'not an RFC 3339 date-time with a real calendar date';
	if (spec.format === 'country-code')
		return /^[A-Z]{2}$/.test(value) ? undefined : 'not an ISO 3166 two-letter country code';
	if (spec.format === 'country-name')
		return /^[A-Z]{2,3}$/.test(value.trim())
			? 'a country code where the reference documents a country name (e.g. Australia)'
			: undefined;
	if (spec.format === 'filter') return filterProblem(value);
	return undefined;
}

function numberProblem(spec: Extract<Spec, { type: 'number' }>, value: number): string | undefined {
	if (spec.integer && !Number.isInteger(value)) return 'not a whole number';
	if (spec.min !== undefined && value < spec.min) return `below the documented minimum ${spec.min}`;
	if (spec.max !== undefined && value > spec.max) return `above the documented maximum ${spec.max}`;
	return undefined;
}

/** `Column:::Value`, comma-separated; the value's own format is not checked (GUESSES.filterDateValues). */
function filterProblem(value: string): string | undefined {
	for (const part of value.split(',')) {
		const column = /^([A-Za-z]+):::(.+)$/.exec(part)?.[1];
		if (!column) return `"${part}" is not Column:::Value`;
		if (!(FILTER_COLUMNS as readonly string[]).includes(column))
			return `"${column}" is not a documented filter column`;
	}
	return undefined;
}

/** RFC 3339 date-time, offset optional (GUESSES.datetimeOffset), on a day that exists. */
function isRfc3339DateTime(value: string): boolean {
	const match =
		/^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(
			value,
		);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** A value as a message shows it: long text cut, so that one hostile value cannot flood a test report. */
const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}...` : value);
const notListed = (values: readonly string[]) => `not a documented value (${values.join(', ')})`;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isMissing = (value: unknown) => value === undefined || value === null || value === '';

function typeName(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return 'text';
	if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : 'a non-finite number';
	if (typeof value === 'boolean') return 'true/false';
	return value === null ? 'null' : 'an object';
}

function specTypeName(spec: Spec): string {
	if (spec.type === 'string' || spec.type === 'enum') return 'text';
	if (spec.type === 'number') return spec.integer ? 'a whole number' : 'a number';
	if (spec.type === 'boolean') return 'true/false';
	return spec.type === 'list' ? 'a list' : 'an object';
}

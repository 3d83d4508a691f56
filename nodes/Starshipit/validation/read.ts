import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	checkCountry,
	checkDate,
	checkIdentity,
	checkLimit,
	checkNumber,
	checkQuantity,
	checkText,
	type Check,
	type Country,
	type NumberRule,
	type TextRule,
} from './checks';

/**
 * THE input reader: an operation asks for "the order number of item i" and gets a checked value,
 * or an item error naming the item (as the user counts) and the field (as the editor labels it).
 * Nothing is sent for that item. Rows and collections checked as a whole go through the zod rules
 * in rules.ts, which use the same checks.
 */
export function fieldError(
	node: INode,
	itemIndex: number,
	label: string,
	problem: string,
	advice?: string,
): NodeOperationError {
	return new NodeOperationError(
		node,
		`${label} of item ${itemIndex + 1} ${problem}: nothing was sent to Starshipit`,
		{
			itemIndex,
			description: `${advice ?? `Fix ${label} (or the expression that maps it) in item ${itemIndex + 1}, then run the node again.`} Nothing was sent to Starshipit for this item.`,
		},
	);
}

/** The checked value, or the item error that names the field. */
export function checked<T>(
	node: INode,
	itemIndex: number,
	label: string,
	check: Check<T>,
	advice?: string,
): T {
	if (check.ok) return check.value;
	throw fieldError(node, itemIndex, label, check.problem, advice);
}

export interface ItemInput {
	/** The raw value, for fields read as a whole (collections, rows). */
	raw(name: string, fallback?: unknown): unknown;
	text(name: string, label: string, rule?: TextRule): string | undefined;
	requiredText(name: string, label: string, max?: number): string;
	identity(name: string, label: string, max?: number): string;
	number(name: string, label: string, rule?: NumberRule): number | undefined;
	quantity(name: string, label: string): number;
	date(name: string, label: string): Date | undefined;
	country(name: string, label: string, required?: boolean): Country | undefined;
	limit(name?: string, label?: string): number;
	/** An item error for this item, for checks that span fields. */
	error(label: string, problem: string, advice?: string): NodeOperationError;
}

/** The reader for one input item. */
export function itemInput(this: IExecuteFunctions, itemIndex: number): ItemInput {
	const node = this.getNode();
	const raw = (name: string, fallback: unknown = '') =>
		this.getNodeParameter(name, itemIndex, fallback as never) as unknown;
	const read = <T>(name: string, label: string, check: (value: unknown) => Check<T>) =>
		checked(node, itemIndex, label, check(raw(name)));
	return {
		raw,
		text: (name, label, rule) => read(name, label, (value) => checkText(value, rule)),
		requiredText: (name, label, max) =>
			read(name, label, (value) => checkText(value, { required: true, max })) as string,
		identity: (name, label, max) => read(name, label, (value) => checkIdentity(value, max)),
		number: (name, label, rule) => read(name, label, (value) => checkNumber(value, rule)),
		quantity: (name, label) => read(name, label, (value) => checkQuantity(value)) as number,
		date: (name, label) => read(name, label, checkDate),
		country: (name, label, required) => read(name, label, (value) => checkCountry(value, required)),
		limit: (name = 'limit', label = 'Limit') => read(name, label, checkLimit),
		error: (label, problem, advice) => fieldError(node, itemIndex, label, problem, advice),
	};
}

/** Return All and Limit: undefined for all, else a whole number of at least 1 (never a silent empty list). */
export function listLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const input = itemInput.call(this, itemIndex);
	if (input.raw('returnAll', false) === true) return undefined;
	return input.limit();
}

import type { IDataObject } from 'n8n-workflow';

import { redactDeep } from './redact';

/** What a request is for, as an operation names it when it sends one ('created': it creates an order). */
export type SupportAction =
	| 'read'
	| 'created'
	| 'updated'
	| 'deleted'
	| 'archived'
	| 'restored'
	| 'labelled'
	| 'manifested'
	| 'synced'
	| 'rated';

/**
 * What the support context says was attempted: a verb, because a failed request did not do it (an order that was
 * not created never reads "created").
 */
export type AttemptedAction =
	| 'read'
	| 'create'
	| 'update'
	| 'delete'
	| 'archive'
	| 'restore'
	| 'label'
	| 'manifest'
	| 'sync'
	| 'rate';

const ATTEMPTED: Record<SupportAction, AttemptedAction> = {
	read: 'read',
	created: 'create',
	updated: 'update',
	deleted: 'delete',
	archived: 'archive',
	restored: 'restore',
	labelled: 'label',
	manifested: 'manifest',
	synced: 'sync',
	rated: 'rate',
};

/** The verb for what a request set out to do. */
export function attemptedAction(action: SupportAction): AttemptedAction {
	return ATTEMPTED[action];
}

/**
 * Everything Starshipit support (or the user) needs to find a failed request again, as the
 * integration guide asks: never any key.
 */
export interface SupportContext extends IDataObject {
	action: AttemptedAction;
	method: string;
	endpoint: string;
	status: number | null;
	/** Set when no answer came back: the system's code, e.g. ECONNRESET. */
	networkError: string | null;
	sourceOrderId: string | null;
	starshipitOrderId: string | null;
	retries: number;
	timestamp: string;
	responseBody: IDataObject | string | null;
}

const MAX_BODY_CHARACTERS = 4000;

/** Keeps the response body short and removes any secret that might have been echoed. */
export function sanitizeBody(body: unknown, secrets: string[]): IDataObject | string | null {
	if (body === undefined || body === null || body === '') return null;
	// Redacted before it is turned into text: JSON's escapes ("\\n") would split a key's characters.
	const redacted = redactDeep(body, secrets);
	const text = typeof redacted === 'string' ? redacted : JSON.stringify(redacted);
	if (text.length > MAX_BODY_CHARACTERS) return `${text.slice(0, MAX_BODY_CHARACTERS)}…`;
	return typeof redacted === 'string' || typeof redacted === 'object'
		? (redacted as IDataObject | string)
		: text;
}

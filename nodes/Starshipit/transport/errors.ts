import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asLines } from '../validation/validate';
import { redactSecrets } from './redact';
import type { SupportContext } from './support-context';

interface StarshipitErrorEntry {
	message?: unknown;
	details?: unknown;
}

/** Starshipit's own words, from either of its error shapes (or the gateway's). */
export function starshipitErrorText(body: unknown): { message?: string; details?: string } {
	if (!body || typeof body !== 'object') {
		return typeof body === 'string' && body.trim() ? { message: body.trim().slice(0, 300) } : {};
	}
	const { errors, message } = body as { errors?: unknown; message?: unknown };
	if (Array.isArray(errors) && errors.length > 0) {
		const messages: string[] = [];
		const details: string[] = [];
		for (const entry of errors as Array<StarshipitErrorEntry | string>) {
			if (typeof entry === 'string') messages.push(entry);
			else {
				if (entry?.message) messages.push(String(entry.message));
				if (entry?.details) details.push(String(entry.details));
			}
		}
		return { message: messages.join('; ') || undefined, details: details.join('; ') || undefined };
	}
	return typeof message === 'string' ? { message } : {};
}

/**
 * An answer from the API gateway in front of Starshipit (`{ statusCode, message }`), not from
 * Starshipit itself (`{ success, errors }`). A gateway 404 means the path does not exist, so the
 * Base URL is wrong: never "no such order".
 */
export function isGatewayAnswer(body: unknown): boolean {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
	const envelope = body as IDataObject;
	return (
		typeof envelope.statusCode === 'number' &&
		!('success' in envelope) &&
		!('errors' in envelope) &&
		!('succeeded' in envelope)
	);
}

/**
 * A 2xx whose body is text where JSON was asked for: cut off mid-way, or a page from something in
 * between. It says nothing about what happened, so it is never read as a success or as "nothing there".
 */
export function isUnreadableAnswer(status: number | null, body: unknown): boolean {
	if (status === null || status < 200 || status >= 300) return false;
	return typeof body === 'string' ? body.trim() !== '' : Buffer.isBuffer(body);
}

export const UNREADABLE_ANSWER =
	'its answer could not be read (cut off or not JSON), so what happened is not known';

const WRONG_BASE_URL =
	'The Base URL in the Starshipit credential looks wrong: the gateway in front of Starshipit has no such address (a typo in its path?). Leave Base URL as https://api.starshipit.com unless you use a proxy.';

function hintForStatus(status: number | null, body: unknown): string | undefined {
	if (status === 404 && isGatewayAnswer(body)) return WRONG_BASE_URL;
	if (status === 401 || status === 403) {
		return 'Starshipit refused the keys. Check the API key and the subscription key in the Starshipit credential (Starshipit: Settings > API).';
	}
	if (status === 404)
		return 'Starshipit found nothing here: check the order, product or tracking number, and the Base URL in the credential.';
	return undefined;
}

function describeRequest(context: SupportContext): string {
	const status =
		context.status !== null
			? `HTTP ${context.status}`
			: context.networkError
				? `no answer (${context.networkError})`
				: 'no answer';
	const retries = context.retries === 1 ? '1 retry' : `${context.retries} retries`;
	return `${context.method} ${context.endpoint} → ${status} after ${retries} (${context.timestamp})`;
}

export interface ErrorWording {
	/** The message when Starshipit's answer carries no text of its own. */
	fallback: string;
	/** Said whatever Starshipit answered, e.g. that a write may have happened. */
	advice?: string;
	/** Keys that must not appear even if Starshipit echoes them. */
	secrets: string[];
}

/** The error a user sees when Starshipit (or the way to it) fails: Starshipit's text first. */
export function starshipitApiError(
	node: INode,
	context: SupportContext,
	body: unknown,
	wording: ErrorWording,
	itemIndex?: number,
): NodeApiError {
	const clean = (text: string | undefined) =>
		text === undefined ? undefined : redactSecrets(text, wording.secrets);
	const { message, details } = starshipitErrorText(body);
	// One line each, in the editor too (it shows the description as HTML); the request details last.
	const description = asLines([
		clean(details),
		wording.advice,
		hintForStatus(context.status, body),
		`Request: ${describeRequest(context)}`,
	]);
	const error = new NodeApiError(node, { supportContext: context } as JsonObject, {
		httpCode: context.status === null ? undefined : String(context.status),
		itemIndex,
	});
	// Set afterwards: n8n replaces the message of a network failure with its own ("you can retry
	// immediately"), which is the opposite of what a write that may have landed needs.
	const gatewayMiss = context.status === 404 && isGatewayAnswer(body);
	error.message = gatewayMiss
		? `The Base URL looks wrong: Starshipit’s gateway answered "${clean(message) ?? 'not found'}" (HTTP 404)`
		: `Starshipit: ${clean(message) ?? clean(wording.fallback)}`;
	error.description = description;
	error.context.supportContext = context;
	return error;
}

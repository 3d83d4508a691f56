import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { UNCONFIRMED } from '../Starshipit/transport/api-reference';
import { isValidSignature } from './signature';

/** The query parameter that carries the URL Token (the user adds it to the URL pasted into Starshipit). */
export const URL_TOKEN_PARAM = 'token';

/** What refused a request, worded for whoever set Starshipit up; undefined: let it in. */
export function refusal(this: IWebhookFunctions): string | undefined {
	const secret = this.getNodeParameter('signingSecret', '') as string;
	const urlToken = this.getNodeParameter('urlToken', '') as string;
	if (!secret && !urlToken) {
		return 'This trigger has no Signing Secret and no URL Token, so it starts nothing: set a Signing Secret or a URL Token in the Starshipit Trigger node';
	}
	if (urlToken && !sameText(this.getQueryData() as IDataObject, urlToken)) return `Missing or wrong "${URL_TOKEN_PARAM}" in the URL`;
	if (secret && !isSignedBySecret.call(this, secret)) return `Invalid or missing ${UNCONFIRMED.webhookSignatureHeader} header`;
	return undefined;
}

/** Compared as digests, so neither the length nor the first differing character shows in the time taken. */
function sameText(query: IDataObject, expected: string): boolean {
	const given = query[URL_TOKEN_PARAM];
	if (typeof given !== 'string') return false;
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The signature covers the exact bytes Starshipit sent. Without them (no raw body) it cannot be
 * checked: re-serialised JSON may differ from what was signed, so that case fails closed.
 */
function isSignedBySecret(this: IWebhookFunctions, secret: string): boolean {
	const { rawBody } = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer };
	// Node hands header names over in lower case, whatever case the constant is written in.
	const signature = this.getHeaderData()[UNCONFIRMED.webhookSignatureHeader.toLowerCase()];
	return Buffer.isBuffer(rawBody) && isValidSignature(rawBody, signature, secret);
}

/** A tracking update is one JSON object; null, a list, text or a number is not one. */
export const isJsonObject = (body: unknown): body is IDataObject => typeof body === 'object' && body !== null && !Array.isArray(body);

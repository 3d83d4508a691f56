import { createHash, timingSafeEqual } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UNCONFIRMED } from '../Starshipit/transport/api-reference';
import { isValidSignature } from './signature';

/** The credential that holds the Signing Secret and the URL Token (credentials/StarshipitWebhookApi.credentials.ts). */
export const WEBHOOK_CREDENTIAL_TYPE = 'starshipitWebhookApi';

/** The query parameter that carries the URL Token (the user adds it to the URL pasted into Starshipit). */
export const URL_TOKEN_PARAM = 'token';

/** Characters that mean the same in any part of a URL: a token with others (&, #, +, %, spaces...) arrives changed. */
const URL_SAFE_CHARACTER = /^[A-Za-z0-9._~-]$/;
const MIN_TOKEN_LENGTH = 20;

interface Guards {
	signingSecret: string;
	/** Compared with the `token` query parameter. */
	urlToken: string;
}

/** Trimmed: a space or line break copied along with a secret would otherwise refuse every update. */
const guardsOf = (data: ICredentialDataDecryptedObject | undefined): Guards => ({
	signingSecret: String(data?.signingSecret ?? '').trim(),
	urlToken: String(data?.urlToken ?? '').trim(),
});

/** What refused a request, worded for whoever set Starshipit up; undefined: let it in. */
export async function refusal(this: IWebhookFunctions): Promise<string | undefined> {
	if (!this.getNode().credentials?.[WEBHOOK_CREDENTIAL_TYPE]) {
		return 'This trigger has no Starshipit Webhook credential, so it starts nothing: choose or create one in the Starshipit Trigger node and set a Signing Secret or a URL Token in it';
	}
	const { signingSecret, urlToken } = guardsOf(
		await this.getCredentials<ICredentialDataDecryptedObject>(WEBHOOK_CREDENTIAL_TYPE),
	);
	if (!signingSecret && !urlToken) {
		return 'This trigger has no Signing Secret and no URL Token, so it starts nothing: set a Signing Secret or a URL Token in its Starshipit Webhook credential';
	}
	// Before comparing: such a token arrives changed (a `+` as a space, cut at `&` or `#`), and a bare "wrong token" would not say why.
	const unsafe = urlUnsafeCharacters(urlToken);
	if (unsafe) return unsafeTokenMessage(unsafe);
	if (urlToken && !sameText(this.getQueryData() as IDataObject, urlToken))
		return `Missing or wrong "${URL_TOKEN_PARAM}" in the URL`;
	if (signingSecret && !isSignedBySecret.call(this, signingSecret))
		return `Invalid or missing ${UNCONFIRMED.webhookSignatureHeader} header`;
	return undefined;
}

/** What would make the trigger refuse every update, or a token that cannot arrive intact; undefined: none. */
export function webhookCredentialProblem(
	data: ICredentialDataDecryptedObject | undefined,
): string | undefined {
	const { signingSecret, urlToken } = guardsOf(data);
	if (!signingSecret && !urlToken)
		return 'Set a Signing Secret or a URL Token: with neither, the Starshipit Trigger refuses every update.';
	const unsafe = urlUnsafeCharacters(urlToken);
	if (unsafe) {
		return `Use only letters, digits, - and _ in the URL Token (it has ${unsafe}): other characters change meaning in a URL, so Starshipit’s updates would arrive with a different token, and the trigger refuses such a token.`;
	}
	if (urlToken && urlToken.length < MIN_TOKEN_LENGTH) {
		return `Make the URL Token ${MIN_TOKEN_LENGTH} characters or longer (it has ${urlToken.length}), so that nobody can guess it.`;
	}
	return undefined;
}

/**
 * The characters of a URL Token that a URL changes (`+` becomes a space, `&` and `#` cut it, `%` starts an
 * escape), named for a message without showing the token, e.g. `"+", "#" and spaces`; undefined: none.
 */
export function urlUnsafeCharacters(token: string): string | undefined {
	const found = new Set<string>();
	for (const character of token)
		if (!URL_SAFE_CHARACTER.test(character))
			found.add(/\s/.test(character) ? 'spaces' : `"${character}"`);
	const names = [...found].sort((a, b) => Number(a === 'spaces') - Number(b === 'spaces'));
	return names.length ? names.join(', ').replace(/, ([^,]*)$/, ' and $1') : undefined;
}

/** Why the trigger refuses a URL Token a URL would change, and what to do: on every update and when it is published. */
const unsafeTokenMessage = (characters: string) =>
	`The URL Token in this trigger's Starshipit Webhook credential has ${characters}, which a URL changes, so Starshipit's updates would arrive with a different token: this trigger refuses them all. Make a new token of only letters, digits, - and _ (20 or more), and set it both in the credential and after ?${URL_TOKEN_PARAM}= in the URL in Starshipit.`;

/**
 * When the workflow is published (and when listening for a test event): a URL Token a URL would change
 * stops it with the reason, rather than every update getting 401 later. No credential: each update is
 * refused with its own message (refusal).
 */
export async function assertUsableUrlToken(this: IHookFunctions): Promise<void> {
	if (!this.getNode().credentials?.[WEBHOOK_CREDENTIAL_TYPE]) return;
	const { urlToken } = guardsOf(
		await this.getCredentials<ICredentialDataDecryptedObject>(WEBHOOK_CREDENTIAL_TYPE),
	);
	const unsafe = urlUnsafeCharacters(urlToken);
	if (unsafe) throw new NodeOperationError(this.getNode(), unsafeTokenMessage(unsafe));
}

/**
 * "Test" on the Starshipit Webhook credential (the trigger's `testedBy`): nothing is sent anywhere, the
 * values are checked as the trigger will use them.
 */
export async function checkWebhookCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = webhookCredentialProblem(credential.data);
	if (problem) return { status: 'Error', message: problem };
	const { signingSecret, urlToken } = guardsOf(credential.data);
	const needs = [
		signingSecret && 'signed with the Signing Secret',
		urlToken && `sent to the URL with ?${URL_TOKEN_PARAM}=`,
	]
		.filter(Boolean)
		.join(' and ');
	return { status: 'OK', message: `The Starshipit Trigger will start only for updates ${needs}` };
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
	const { rawBody } = this.getRequestObject() as ReturnType<
		IWebhookFunctions['getRequestObject']
	> & { rawBody?: Buffer };
	// Node hands header names over in lower case, whatever case the constant is written in.
	const signature = this.getHeaderData()[UNCONFIRMED.webhookSignatureHeader.toLowerCase()];
	return Buffer.isBuffer(rawBody) && isValidSignature(rawBody, signature, secret);
}

/** A tracking update is one JSON object; null, a list, text or a number is not one. */
export const isJsonObject = (body: unknown): body is IDataObject =>
	typeof body === 'object' && body !== null && !Array.isArray(body);

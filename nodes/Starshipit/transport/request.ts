import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ENDPOINTS, RATE_LIMIT_TIERS, type EndpointName } from './api-reference';
import { cancelledError, cancelSignalOf, pause } from './cancel';
import {
	isGatewayAnswer,
	isUnreadableAnswer,
	starshipitApiError,
	UNREADABLE_ANSWER,
} from './errors';
import { redactDeep, redactSecrets } from './redact';
import {
	backoffMs,
	failureKindForNetworkCode,
	failureKindForStatus,
	isRetryableStatus,
	networkErrorCode,
	RateLimitWait,
	retryAfterMs,
	type FailureKind,
} from './retry-policy';
import {
	attemptedAction,
	sanitizeBody,
	type SupportAction,
	type SupportContext,
} from './support-context';
import { targetAccountKeysIn } from './target-account';
import { slowDownLane, waitForSlot } from './throttle';

export type StarshipitContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

interface Answer {
	status: number | null;
	headers: Record<string, unknown>;
	body: unknown;
	/** Set when no HTTP answer came back (refused, reset, timed out). */
	networkCode?: string;
	/** Set when the request failed without a known network code (a bad Base URL, say, or a cancelled request). */
	notSentReason?: string;
}

/** One attempt. Never throws: a failure without an answer comes back as a code or a reason, so the caller can decide. */
async function send(this: StarshipitContext, options: IHttpRequestOptions): Promise<Answer> {
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		)) as {
			body: unknown;
			headers?: Record<string, unknown>;
			statusCode: number;
		};
		return { status: response.statusCode, headers: response.headers ?? {}, body: response.body };
	} catch (error) {
		// The thrown error may carry the request, keys included: keep only its code or its message (redacted later).
		const networkCode = networkErrorCode(error);
		return {
			status: null,
			headers: {},
			body: undefined,
			networkCode,
			notSentReason: networkCode ? undefined : String((error as Error).message ?? error),
		};
	}
}

export const CREDENTIAL_TYPE = 'starshipitApi';
export const DEFAULT_BASE_URL = 'https://api.starshipit.com';
const DEFAULT_TIMEOUT_SECONDS = 60;
const MAY_HAVE_LANDED =
	'This change may or may not have reached Starshipit, so it was not sent again. Check Starshipit before running it again.';

/** Why the attempt before a read back failed: a write that ran into the Timeout may still land later. */
export interface AttemptFailure {
	/** No answer came before the credential's Timeout: the write may still be in flight. */
	ranIntoTimeout: boolean;
	/** The credential's Timeout. */
	timeoutMs: number;
}

/**
 * What a read back found after an attempt that may have landed: the write is done (`done` stands for
 * Starshipit's answer), or it is sent again, with the body still to send (a batch: only the records not
 * stored yet, so a retry never sends a stored record again) or the same body.
 */
export type LandedCheck = { done: IDataObject } | { resend: IDataObject | 'same body' };

/**
 * How a request that is not a GET is kept from happening twice. Without it, a POST or PUT is sent
 * again only after a 429 (not processed), and a failure that may have landed is reported as such.
 */
export interface WriteSafety {
	/** Sending it twice does no harm: a POST that only reads (rates, a reprint), a whole-product replace, a carrier change. */
	safeToRepeat?: boolean;
	/**
	 * For writes that must never happen twice (creating an order): after a failure that may have landed
	 * (5xx, dropped connection, an unreadable answer), this reads back what the attempts left before
	 * anything is sent again, and says whether the write is done or what to send.
	 */
	readBack?: (failure: AttemptFailure) => Promise<LandedCheck>;
	/**
	 * For batch writes: a 2xx answer with an `errors` list answers each record (some taken, some refused),
	 * even when `success` is false because none was taken; the caller reports them one by one.
	 */
	answersEachRecord?: boolean;
}

export interface StarshipitRequest {
	endpoint: EndpointName;
	query?: IDataObject;
	body?: IDataObject;
	action?: SupportAction;
	sourceOrderId?: string;
	starshipitOrderId?: string | number;
	itemIndex?: number;
	/** For lookups: a 404 means "no such record" and answers `{}` instead of an error. */
	notFoundAsEmpty?: boolean;
	/** How a request other than a GET is kept from happening twice (a POST that only reads says safeToRepeat); absent on GETs. */
	write?: WriteSafety;
}

interface Settings {
	baseUrl: string;
	requestsPerSecond: number;
	maxRetries: number;
	timeoutMs: number;
	/** How long one request may keep waiting out 429s (the credential's "Wait When Rate-Limited"). */
	rateLimitWaitMs: number;
	laneKey: string;
	secrets: string[];
}

/**
 * The credential, read once per node run (one context), not once per request or per helper: in queue mode
 * each read is a database query, and each await of one let other executions' work run first (one worker at
 * 2/s: the first request went 1.0-1.3 s after the node started with two reads, 0.6-0.9 s with one).
 */
const credentialsByContext = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();
export function readCredentials(
	context: StarshipitContext,
): Promise<ICredentialDataDecryptedObject> {
	let credentials = credentialsByContext.get(context);
	if (!credentials) {
		credentials = context.getCredentials(CREDENTIAL_TYPE);
		credentialsByContext.set(context, credentials);
	}
	return credentials;
}

/** The settings every request needs, from the credential read once per node run. */
async function readSettings(context: StarshipitContext): Promise<Settings> {
	const credentials = await readCredentials(context);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, '');
	// Refused here, so that a failure without an answer later can only mean the request may have gone out.
	if (!/^https?:\/\//i.test(baseUrl) || !URL.canParse(baseUrl)) {
		throw new NodeOperationError(
			context.getNode(),
			`The Base URL in the Starshipit credential is not a web address: "${baseUrl}"`,
			{
				description: `Use ${DEFAULT_BASE_URL}, or leave Base URL empty. Nothing was sent to Starshipit.`,
			},
		);
	}
	const tier = String(credentials.rateLimitTier ?? 'developer');
	const requestsPerSecond =
		tier === 'custom' ? Number(credentials.customRateLimit) : (RATE_LIMIT_TIERS[tier] ?? 2);
	const credentialId = context.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? 'default';
	return {
		baseUrl,
		requestsPerSecond,
		maxRetries: Math.max(0, Math.floor(Number(credentials.maxRetries ?? 4))),
		timeoutMs: Math.max(0.1, Number(credentials.timeoutSeconds) || DEFAULT_TIMEOUT_SECONDS) * 1000,
		// Credentials saved before the field existed have no value: the field's default, five minutes.
		rateLimitWaitMs: Math.max(0, Number(credentials.rateLimitWaitMinutes ?? 5) || 0) * 60_000,
		laneKey: `${baseUrl}#${credentialId}`,
		// Another account's key too, once Order > Assign has read it: its request sends it, an answer may echo it.
		secrets: [
			String(credentials.apiKey ?? ''),
			String(credentials.subscriptionApiKey ?? ''),
			...targetAccountKeysIn(context),
		],
	};
}

/** Starshipit's success flag: `success` (sometimes 1/0), or `succeeded` on the products list. */
export function isSuccessfulBody(body: unknown): boolean {
	if (!body || typeof body !== 'object') return true;
	const envelope = body as { success?: unknown; succeeded?: unknown; statusCode?: unknown };
	if ('success' in envelope) return envelope.success === true || envelope.success === 1;
	if ('succeeded' in envelope) return envelope.succeeded === true || envelope.succeeded === 1;
	return !(typeof envelope.statusCode === 'number' && envelope.statusCode >= 400);
}

/**
 * The one place a server's answer is cleaned of the keys, before anything reads it: an error answer
 * may become a message, a description, a support context or a failed item's error, so all of it is
 * redacted; a success only in its list of errors (the rest is the user's data, and large pages would
 * cost time to scan).
 */
function redactedAnswer(answer: Answer, secrets: string[]): Answer {
	const notSentReason =
		answer.notSentReason === undefined ? undefined : redactSecrets(answer.notSentReason, secrets);
	const success =
		answer.status !== null &&
		answer.status >= 200 &&
		answer.status < 300 &&
		isSuccessfulBody(answer.body) &&
		!isUnreadableAnswer(answer.status, answer.body);
	if (!success) return { ...answer, body: redactDeep(answer.body, secrets), notSentReason };
	const errors = (answer.body as { errors?: unknown } | null)?.errors;
	if (!Array.isArray(errors) || errors.length === 0) return answer;
	return {
		...answer,
		body: { ...(answer.body as IDataObject), errors: redactDeep(errors, secrets) },
	};
}

const hasErrorList = (body: unknown) =>
	Array.isArray((body as { errors?: unknown } | null)?.errors);

/** Reads are repeated freely; a write only when the operation says that doing it twice does no harm. */
function isRepeatable(request: StarshipitRequest, method: IHttpRequestMethods): boolean {
	return method === 'GET' || request.write?.safeToRepeat === true;
}

/**
 * The one way this package talks to Starshipit: paced to the credential's rate, retried only
 * where that is safe, and every failure turned into an error that says what Starshipit said.
 */
export async function starshipitRequest(
	this: StarshipitContext,
	request: StarshipitRequest,
): Promise<IDataObject> {
	const settings = await readSettings(this);
	const { method, path } = ENDPOINTS[request.endpoint];
	// Every wait below ends when the execution is cancelled, and the request in flight is aborted.
	const cancel = cancelSignalOf(this);
	const options: IHttpRequestOptions = {
		method,
		baseURL: settings.baseUrl,
		url: path,
		qs: request.query,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: settings.timeoutMs,
		abortSignal: cancel,
	};
	const supportContext = (answer: Answer, retries: number): SupportContext => ({
		action: attemptedAction(request.action ?? (method === 'GET' ? 'read' : 'updated')),
		method,
		endpoint: path,
		status: answer.status,
		networkError: answer.networkCode ?? null,
		sourceOrderId: request.sourceOrderId ?? null,
		starshipitOrderId:
			request.starshipitOrderId === undefined ? null : String(request.starshipitOrderId),
		retries,
		timestamp: new Date().toISOString(),
		responseBody: sanitizeBody(answer.body ?? answer.notSentReason, settings.secrets),
	});
	const failWith = (answer: Answer, retries: number, advice?: string) => {
		// An unreadable answer's text is no message: it stays in the support context only.
		const unreadable = isUnreadableAnswer(answer.status, answer.body);
		const fallback = unreadable
			? `${UNREADABLE_ANSWER} (HTTP ${answer.status})`
			: answer.status !== null
				? `request failed (HTTP ${answer.status})`
				: answer.networkCode
					? `no answer (the connection was lost or timed out: ${answer.networkCode})`
					: `the request failed before Starshipit answered: ${answer.notSentReason}`;
		return starshipitApiError(
			this.getNode(),
			supportContext(answer, retries),
			unreadable ? undefined : answer.body,
			{ fallback, advice, secrets: settings.secrets },
			request.itemIndex,
		);
	};
	const mayHaveLandedUnlessRepeatable = isRepeatable(request, method) ? undefined : MAY_HAVE_LANDED;
	const { readBack, answersEachRecord }: WriteSafety = request.write ?? {};

	let retries = 0; // 5xx and network failures: what Max Retries limits
	let rateLimited: RateLimitWait | undefined; // set by the first 429
	for (let attempt = 0; ; attempt++) {
		// No slot: cancelled before this attempt went out. Anything sent before it was a 429 (not processed), a
		// failure the read back cleared, or a request that is safe to repeat.
		const slot = await waitForSlot(settings.laneKey, settings.requestsPerSecond, cancel);
		if (!slot) throw cancelledError(this.getNode(), 'waiting', undefined, request.itemIndex);
		const sentAt = Date.now();
		const answer = redactedAnswer(await send.call(this, options), settings.secrets);
		const attemptMs = Date.now() - sentAt;
		const { status, body } = answer;
		slot.answered(status === null ? 'unknown' : status === 429 ? 'refused' : 'accepted');
		if (status === null && cancel?.aborted)
			throw cancelledError(
				this.getNode(),
				'sending',
				mayHaveLandedUnlessRepeatable,
				request.itemIndex,
			);
		const unreadable = isUnreadableAnswer(status, body);
		if (
			!unreadable &&
			status !== null &&
			status >= 200 &&
			status < 300 &&
			(isSuccessfulBody(body) || (answersEachRecord && hasErrorList(body)))
		) {
			return (body ?? {}) as IDataObject;
		}
		// A write that can be checked goes on below as one that may have landed; anything else stops here.
		if (unreadable && !readBack) throw failWith(answer, attempt, mayHaveLandedUnlessRepeatable);
		// The gateway's own 404 means a wrong Base URL, not a missing record.
		if (status === 404 && request.notFoundAsEmpty && !isGatewayAnswer(body)) return {};
		if (status === 429) {
			// Not processed, so safe to send again (writes too), until the credential's wait budget is spent.
			rateLimited ??= new RateLimitWait(settings.rateLimitWaitMs);
			const wait = rateLimited.next(retryAfterMs(answer.headers, body));
			if (wait === undefined) throw failWith(answer, attempt, rateLimited.advice());
			slowDownLane(settings.laneKey, wait, slot.sentAt);
			continue;
		}
		// An unknown failure without an answer (not a known network code): a write may still have gone out.
		if (status === null && !answer.networkCode)
			throw failWith(answer, attempt, mayHaveLandedUnlessRepeatable);
		if (status !== null && !isRetryableStatus(status) && !unreadable)
			throw failWith(answer, attempt);

		const failure: FailureKind = answer.networkCode
			? failureKindForNetworkCode(answer.networkCode)
			: failureKindForStatus(status as number);
		const mayHaveLanded = unreadable || failure === 'unavailable' || failure === 'network';
		// Checked before giving up too: a write whose last attempt may have landed must not be run again blindly.
		if (mayHaveLanded && readBack) {
			// When the check itself fails, the user must still hear that the write may have landed; a
			// NodeOperationError is the check's own verdict (e.g. "exists with other values") and stands.
			const ranIntoTimeout = status === null && attemptMs >= settings.timeoutMs;
			const landed = await readBack({ ranIntoTimeout, timeoutMs: settings.timeoutMs }).catch(
				(error: unknown) => {
					if (cancel?.aborted)
						throw cancelledError(this.getNode(), 'waiting', MAY_HAVE_LANDED, request.itemIndex);
					throw error instanceof NodeOperationError
						? error
						: failWith(answer, attempt, MAY_HAVE_LANDED);
				},
			);
			if ('done' in landed) return landed.done;
			if (landed.resend !== 'same body') options.body = landed.resend;
		} else if (mayHaveLanded && !isRepeatable(request, method)) {
			throw failWith(answer, attempt, MAY_HAVE_LANDED);
		}
		if (retries >= settings.maxRetries) throw failWith(answer, attempt);
		await pause(backoffMs(retries++), cancel);
	}
}

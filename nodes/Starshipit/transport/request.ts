import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { ENDPOINTS, RATE_LIMIT_TIERS, type EndpointName } from './api-reference';
import { starshipitApiError } from './errors';
import {
	backoffMs,
	failureKindForNetworkCode,
	failureKindForStatus,
	isRetryableStatus,
	networkErrorCode,
	retryAfterMs,
	type FailureKind,
} from './retry-policy';
import { sanitizeBody, type SupportAction, type SupportContext } from './support-context';
import { pauseLane, waitForSlot } from './throttle';

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
}

/** One attempt. Never throws: a network failure comes back as a code, so the caller can decide. */
async function send(this: StarshipitContext, options: IHttpRequestOptions): Promise<Answer> {
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)) as {
			body: unknown;
			headers?: Record<string, unknown>;
			statusCode: number;
		};
		return { status: response.statusCode, headers: response.headers ?? {}, body: response.body };
	} catch (error) {
		// The thrown error may carry the request, keys included: keep only its code.
		const networkCode = networkErrorCode(error);
		return { status: null, headers: {}, body: networkCode ? `Network error: ${networkCode}` : undefined, networkCode };
	}
}

export const CREDENTIAL_TYPE = 'starshipitApi';
export const DEFAULT_BASE_URL = 'https://api.starshipit.com';
const REQUEST_TIMEOUT_MS = 60_000;

export interface StarshipitRequest {
	endpoint: EndpointName;
	query?: IDataObject;
	body?: IDataObject;
	action?: SupportAction;
	sourceOrderId?: string;
	starshipitOrderId?: string | number;
	itemIndex?: number;
	/**
	 * For writes that must never happen twice (creating an order): after a failure that may have
	 * landed (5xx, dropped connection), this looks for the first attempt's result before retrying.
	 */
	findExisting?: () => Promise<IDataObject | undefined>;
	/** POSTs that only read or are harmless to repeat (rates, manifests lists). */
	safeToRepeat?: boolean;
	/** For lookups: a 404 means "no such record" and answers `{}` instead of an error. */
	notFoundAsEmpty?: boolean;
}

interface Settings {
	baseUrl: string;
	requestsPerSecond: number;
	maxRetries: number;
	laneKey: string;
	secrets: string[];
}

async function readSettings(context: StarshipitContext): Promise<Settings> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const tier = String(credentials.rateLimitTier ?? 'developer');
	const requestsPerSecond = tier === 'custom' ? Number(credentials.customRateLimit) : RATE_LIMIT_TIERS[tier] ?? 2;
	const credentialId = context.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? 'default';
	return {
		baseUrl,
		requestsPerSecond,
		maxRetries: Math.max(0, Math.floor(Number(credentials.maxRetries ?? 4))),
		laneKey: `${baseUrl}#${credentialId}`,
		secrets: [String(credentials.apiKey ?? ''), String(credentials.subscriptionApiKey ?? '')],
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

function isRepeatable(request: StarshipitRequest, method: IHttpRequestMethods): boolean {
	return method !== 'POST' || request.safeToRepeat === true;
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
	const options: IHttpRequestOptions = {
		method,
		baseURL: settings.baseUrl,
		url: path,
		qs: request.query,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: REQUEST_TIMEOUT_MS,
	};
	const supportContext = (status: number | null, retries: number, body: unknown): SupportContext => ({
		action: request.action ?? (method === 'GET' ? 'read' : 'updated'),
		method,
		endpoint: path,
		status,
		sourceOrderId: request.sourceOrderId ?? null,
		starshipitOrderId: request.starshipitOrderId === undefined ? null : String(request.starshipitOrderId),
		retries,
		timestamp: new Date().toISOString(),
		responseBody: sanitizeBody(body, settings.secrets),
	});

	for (let attempt = 0; ; attempt++) {
		const answered = await waitForSlot(settings.laneKey, settings.requestsPerSecond);
		const answer = await send.call(this, options);
		answered();
		let failure: FailureKind;
		let waitMs: number | undefined;
		const { status, body } = answer;
		if (answer.networkCode) {
			failure = failureKindForNetworkCode(answer.networkCode);
		} else if (status === null) {
			throw starshipitApiError(this.getNode(), supportContext(null, attempt, undefined), undefined, 'the request could not be sent', request.itemIndex);
		} else if (status >= 200 && status < 300 && isSuccessfulBody(body)) {
			return (body ?? {}) as IDataObject;
		} else if (status === 404 && request.notFoundAsEmpty) {
			return {};
		} else if (!isRetryableStatus(status)) {
			throw starshipitApiError(this.getNode(), supportContext(status, attempt, body), body, `request failed (HTTP ${status})`, request.itemIndex);
		} else {
			failure = failureKindForStatus(status);
			waitMs = retryAfterMs(answer.headers, body);
		}

		const giveUp = (reason: string) =>
			starshipitApiError(this.getNode(), supportContext(status, attempt, body), body, reason, request.itemIndex);
		if (attempt >= settings.maxRetries) throw giveUp(status ? `request failed (HTTP ${status})` : 'Starshipit could not be reached');

		if (failure === 'rate-limited') {
			pauseLane(settings.laneKey, waitMs ?? backoffMs(attempt));
			continue;
		}
		if (failure === 'unavailable' || failure === 'network') {
			if (request.findExisting) {
				const existing = await request.findExisting();
				if (existing) return existing;
			} else if (!isRepeatable(request, method)) {
				throw giveUp('the request may or may not have been applied, so it was not repeated. Check Starshipit before running it again');
			}
		}
		await sleep(backoffMs(attempt));
	}
}

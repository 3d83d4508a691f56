import { UNCONFIRMED } from './api-reference';

/** What went wrong with one attempt, as far as retrying is concerned. */
export type FailureKind =
	| 'rate-limited' // 429: Starshipit did not process the request
	| 'unavailable' // 500/502/503/504: Starshipit may or may not have done the work
	| 'not-sent' // the connection was refused: the request never left
	| 'network'; // reset, timeout, dropped: the request may have landed

// 500 is included: a transient server error is the commonest 5xx, and a write is only repeated
// after checking that the first attempt did not land (see request.ts).
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'UND_ERR_SOCKET',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function isRetryableStatus(status: number): boolean {
	return RETRYABLE_STATUSES.has(status);
}

export function failureKindForStatus(status: number): FailureKind {
	return status === 429 ? 'rate-limited' : 'unavailable';
}

/** Finds the system error code on an error thrown by n8n's HTTP helper (it may be wrapped). */
export function networkErrorCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && (NOT_SENT_CODES.has(current.code) || NETWORK_CODES.has(current.code))) {
			return current.code;
		}
		if (typeof current.message === 'string' && /socket hang up|timeout of \d+ms exceeded/i.test(current.message)) {
			return 'ECONNRESET';
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

export function failureKindForNetworkCode(code: string): FailureKind {
	return NOT_SENT_CODES.has(code) ? 'not-sent' : 'network';
}

/** Retry-After in seconds or as an HTTP date; else the gateway's "Try again in N seconds". */
export function retryAfterMs(headers: Record<string, unknown>, body: unknown): number | undefined {
	const header = headers['retry-after'];
	if (typeof header === 'string' || typeof header === 'number') {
		const seconds = Number(header);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(String(header));
		if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
	}
	const message = (body as { message?: unknown } | undefined)?.message;
	const match = typeof message === 'string' ? UNCONFIRMED.retryAfterMessagePattern.exec(message) : null;
	return match ? Number(match[1]) * 1000 : undefined;
}

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s, ... capped at 30 s. */
export function backoffMs(attempt: number): number {
	const ceiling = Math.min(30_000, 500 * 2 ** attempt);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

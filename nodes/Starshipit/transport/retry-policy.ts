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
		if (
			typeof current.code === 'string' &&
			(NOT_SENT_CODES.has(current.code) || NETWORK_CODES.has(current.code))
		) {
			return current.code;
		}
		if (
			typeof current.message === 'string' &&
			/socket hang up|timeout of \d+ms exceeded/i.test(current.message)
		) {
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
	const match =
		typeof message === 'string' ? UNCONFIRMED.retryAfterMessagePattern.exec(message) : null;
	return match ? Number(match[1]) * 1000 : undefined;
}

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s, ... capped at 30 s. */
export function backoffMs(attempt: number): number {
	const ceiling = Math.min(30_000, 500 * 2 ** attempt);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * How long a request keeps waiting out 429s. A 429 was not processed, so it is safe to send again,
 * writes included; the budget is wall time since the request's first 429 (time queued behind the
 * lane's pause counts too), not a number of tries, so Max Retries stays for 5xx and network failures.
 */
export class RateLimitWait {
	private readonly firstAt = Date.now();
	private count = 0;

	constructor(private readonly budgetMs: number) {}

	/** The wait before the next try, or undefined when the budget is spent. */
	next(askedMs: number | undefined): number | undefined {
		const elapsed = Date.now() - this.firstAt;
		if (elapsed >= this.budgetMs) return undefined;
		const wait = askedMs ?? backoffMs(this.count);
		this.count++;
		return Math.min(wait, this.budgetMs - elapsed);
	}

	/** What the user reads once the budget is spent: how long, and what to change. */
	advice(): string {
		return [
			`Starshipit kept answering "too many requests" (429) for ${duration(Date.now() - this.firstAt)}, so n8n stopped waiting; this request was not processed.`,
			"Everything using these keys shares the account's limit (other workflows, other n8n processes or workers, other apps).",
			'Run fewer workflows with these keys at the same time, move to a higher Starshipit plan (production allows 20 requests per second) and set Rate Limit to it,',
			'or give it more time with "Wait When Rate-Limited (Minutes)" in the Starshipit credential.',
		].join(' ');
	}
}

function duration(milliseconds: number): string {
	const seconds = Math.round(milliseconds / 1000);
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	const plural = (value: number, unit: string) => `${value} ${unit}${value === 1 ? '' : 's'}`;
	if (minutes === 0) return plural(seconds, 'second');
	return rest
		? `${plural(minutes, 'minute')} ${plural(rest, 'second')}`
		: plural(minutes, 'minute');
}

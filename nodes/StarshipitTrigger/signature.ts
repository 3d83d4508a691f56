import { createHmac, timingSafeEqual } from 'crypto';

/** Starshipit's exact format is unpublished, and `sha256=<digest>` is a common way to label a digest: accept both. */
const ALGORITHM_PREFIX = /^sha256=/i;

/**
 * Starshipit's webhook signature, as a production receiver verifies it (the scheme is not in
 * Starshipit's public reference): the HMAC-SHA256 of the raw request body keyed by the secret,
 * sent in the signature header (UNCONFIRMED.webhookSignatureHeader) as hex (either case) or base64,
 * optionally prefixed with `sha256=`. Compared in constant time.
 */
export function isValidSignature(rawBody: Buffer, header: unknown, secret: string): boolean {
	if (typeof header !== 'string') return false;
	const given = header.trim().replace(ALGORITHM_PREFIX, '');
	if (given === '') return false;
	const digest = createHmac('sha256', secret).update(rawBody).digest();
	const candidates = [
		/^[0-9a-fA-F]{64}$/.test(given) ? Buffer.from(given, 'hex') : undefined,
		Buffer.from(given, 'base64'),
	];
	return candidates.some(
		(candidate) =>
			candidate !== undefined &&
			candidate.length === digest.length &&
			timingSafeEqual(candidate, digest),
	);
}

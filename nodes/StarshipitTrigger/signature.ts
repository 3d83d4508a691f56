import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Starshipit's webhook signature, as a production receiver verifies it (the scheme is not in
 * Starshipit's public reference): the HMAC-SHA256 of the raw request body keyed by the secret,
 * sent in X-Starshipit-Signature as hex (either case) or base64. Compared in constant time.
 */
export function isValidSignature(rawBody: Buffer, header: unknown, secret: string): boolean {
	if (typeof header !== 'string' || header.trim() === '') return false;
	const digest = createHmac('sha256', secret).update(rawBody).digest();
	const given = header.trim();
	const candidates = [/^[0-9a-fA-F]{64}$/.test(given) ? Buffer.from(given, 'hex') : undefined, Buffer.from(given, 'base64')];
	return candidates.some((candidate) => candidate !== undefined && candidate.length === digest.length && timingSafeEqual(candidate, digest));
}

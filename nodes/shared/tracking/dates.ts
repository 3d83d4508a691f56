const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Starshipit's API dates are UTC, but some come without a zone ("2026-06-01T07:29:07" in a real list):
 * read those as UTC too, not in the n8n server's zone. Undefined when there is no date to read.
 */
export function parseUtc(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const time = Date.parse(text.includes('T') && !HAS_ZONE.test(text) ? `${text}Z` : text);
	return Number.isNaN(time) ? undefined : time;
}

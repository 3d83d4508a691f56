/**
 * Updates this n8n process started a run for in the last few minutes, held in memory beside the
 * workflow's static data. n8n loads a workflow's static data for each webhook request and saves it
 * only after the trigger has answered, so two deliveries of the same update arriving at once both
 * read a memory that holds neither: without this, both start a run. The check and the claim happen
 * with no await between them, so of two requests in one process exactly one wins. It covers one
 * process receiving webhooks (n8n's main, also in queue mode), not several `n8n webhook` processes.
 */
const CLAIM_MS = 10 * 60_000;
const MAX_CLAIMS = 20_000;

const claims = new Map<string, number>();

/** Claims are kept in the order they were made, so the oldest come first: drop them while expired or too many. */
function forgetOld(now: number): void {
	for (const [key, expiresAt] of claims) {
		if (expiresAt > now && claims.size <= MAX_CLAIMS) return;
		claims.delete(key);
	}
}

/** True when this key was free (now claimed for this request); false when another request holds it. */
export function claimUpdate(key: string, now = Date.now()): boolean {
	forgetOld(now);
	if (claims.has(key)) return false;
	claims.set(key, now + CLAIM_MS);
	return true;
}

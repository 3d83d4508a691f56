import type { IDataObject } from 'n8n-workflow';

/** Lists are asked from a little before the last poll, so a clock skew or a late write is never missed. */
export const OVERLAP_MS = 5 * 60_000;
/** Seen keys older than this are forgotten: the overlap never reaches that far back. */
const FORGET_AFTER_MS = 24 * 3600_000;

export interface PollState extends IDataObject {
	cursor?: string;
	seen?: Record<string, { value: string; at: number }>;
}

/** True when this record (key) has a value not emitted before; remembers it. */
export function isNew(state: PollState, key: string, value: string, now: number): boolean {
	const seen = (state.seen ??= {});
	const fresh = seen[key]?.value !== value;
	seen[key] = { value, at: now };
	return fresh;
}

export function forgetOld(state: PollState, now: number): void {
	for (const [key, entry] of Object.entries(state.seen ?? {})) if (now - entry.at > FORGET_AFTER_MS) delete state.seen![key];
}

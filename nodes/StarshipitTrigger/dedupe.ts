import type { IDataObject } from 'n8n-workflow';

import { keepLatest } from './bounded-memory';

/**
 * Remembers recent events in the workflow's static data and says whether one was seen within the
 * window. Bounded, so a busy account never grows the workflow without limit: past the bound, the
 * events seen longest ago are forgotten first.
 */
export function isRepeat(staticData: IDataObject, key: string, windowMinutes: number, now = Date.now()): boolean {
	const seen = (staticData.seenEvents ?? {}) as Record<string, number>;
	const windowMs = windowMinutes * 60_000;
	for (const [oldKey, at] of Object.entries(seen)) if (now - at > windowMs) delete seen[oldKey];
	const repeat = seen[key] !== undefined;
	seen[key] = now;
	keepLatest(seen, (at) => at);
	staticData.seenEvents = seen;
	return repeat;
}

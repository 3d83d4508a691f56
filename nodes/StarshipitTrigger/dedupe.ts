import type { IDataObject } from 'n8n-workflow';

const MAX_REMEMBERED = 5000;

/**
 * Remembers recent events in the workflow's static data and says whether one was seen within the
 * window. Bounded, so a busy account never grows the workflow without limit.
 */
export function isRepeat(staticData: IDataObject, key: string, windowMinutes: number, now = Date.now()): boolean {
	const seen = (staticData.seenEvents ?? {}) as Record<string, number>;
	const windowMs = windowMinutes * 60_000;
	for (const [oldKey, at] of Object.entries(seen)) if (now - at > windowMs) delete seen[oldKey];
	const repeat = seen[key] !== undefined;
	seen[key] = now;
	const keys = Object.keys(seen);
	if (keys.length > MAX_REMEMBERED) for (const oldKey of keys.slice(0, keys.length - MAX_REMEMBERED)) delete seen[oldKey];
	staticData.seenEvents = seen;
	return repeat;
}

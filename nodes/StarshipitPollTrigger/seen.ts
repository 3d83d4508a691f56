import { recall, remember, toSeconds, type AnnouncedMemory } from '../StarshipitTrigger/announced-memory';
import type { PollState } from './cursor';

/** What the trigger knew of an order before this read. */
export type Previously =
	/** Remembered, with the same value: nothing happened. */
	| 'same'
	/** Remembered, with another value: the event happened. */
	| 'changed'
	/** Not remembered, but its event is at or before the floor: announced, then forgotten. */
	| 'announced'
	/** Never seen (or forgotten with no way to tell): the event's own date decides. */
	| 'unknown';

/**
 * Remembers this order's event value (e.g. its tracking status) and says what the trigger knew before.
 * `floorTime`, when the event has one, is what never changes for the event once it happened (the order
 * id of a new order, the label's date): when the memory is full, the entries written longest ago go and
 * their latest floor time is kept, so an order forgotten since is still known as announced.
 */
export function rememberValue(state: PollState, orderKey: string, value: string, floorTime: number | undefined, now = Date.now()): Previously {
	const memory = memoryOf(state);
	const before = recall(memory, orderKey);
	remember(memory, orderKey, value, floorTime ?? toSeconds(now));
	if (before) return before.fingerprint === recall(memory, orderKey)!.fingerprint ? 'same' : 'changed';
	return floorTime !== undefined && floorTime <= (memory.floor ?? -Infinity) ? 'announced' : 'unknown';
}

/** The memory, moved over from a state saved before it (`seen`: order → value), values kept. */
export function memoryOf(state: PollState): AnnouncedMemory {
	if (!state.announced) {
		state.announced = {};
		for (const [key, entry] of Object.entries(state.seen ?? {})) remember(state.announced, key, entry.value, 0);
		delete state.seen;
	}
	return state.announced;
}

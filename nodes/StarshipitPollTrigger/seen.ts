import {
	forgetBeyond,
	MAX_ENTRIES,
	recall,
	remember,
	toSeconds,
	type AnnouncedMemory,
} from '../shared/tracking';
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
 * id of a new order, the label's date): when entries are forgotten (forgetUnneeded), their latest floor
 * time is kept, so an order forgotten since is still known as announced.
 */
export function rememberValue(
	state: PollState,
	orderKey: string,
	value: string,
	floorTime: number | undefined,
	now = Date.now(),
): Previously {
	const memory = memoryOf(state);
	const before = recall(memory, orderKey);
	remember(memory, orderKey, value, floorTime ?? toSeconds(now), Infinity);
	if (before)
		return before.fingerprint === recall(memory, orderKey)!.fingerprint ? 'same' : 'changed';
	return floorTime !== undefined && floorTime <= (memory.floor ?? -Infinity)
		? 'announced'
		: 'unknown';
}

/** The memory in the trigger's state, made on the first poll. */
function memoryOf(state: PollState): AnnouncedMemory {
	return (state.announced ??= {});
}

/**
 * Forgets what no later poll can need, after a poll: the memory keeps every order read by the walk under
 * way and the last complete one, however many, and the rest up to MAX_ENTRIES.
 *
 * Why those two walks: the next walk reads again every order updated in the overlap before the last
 * walk began, and a burst puts more orders there than MAX_ENTRIES. Forgotten mid-burst, they came back
 * unknown: Tracking Status Changed, which has no floor time, announced them again (16,000 orders, 32,000
 * runs), and the others raised the floor past the label dates or order ids of orders not read yet (one
 * burst's labels share a second) and missed those. An order read in neither walk and read again was
 * updated since: its update is newer than any walk that could still read it without one.
 *
 * Each read writes its order last, so the orders of those walks are the newest entries, and `read`
 * counts at least as many: forgetting from the front never takes one of them.
 */
export function forgetUnneeded(state: PollState): void {
	const needed = (state.walk?.read ?? 0) + (state.lastWalkRead ?? 0);
	forgetBeyond(memoryOf(state), Math.max(MAX_ENTRIES, needed));
}

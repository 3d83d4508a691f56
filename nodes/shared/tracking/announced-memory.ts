import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * What a trigger last announced, one entry per order (or shipment), in the workflow's static data.
 *
 * Why not "the N most recent events": an event pushed out of such a memory counts as new when it comes
 * back, so a burst or a replay bigger than the memory announces things twice. Here an event is a repeat
 * when it is not newer than what was announced for its order, and when an entry has to go (the memory
 * is bounded), the time of its last event becomes the `floor`: anything at or before the floor counts as
 * announced. Forgetting then never re-announces; the price is that an event older than the floor that
 * reaches the trigger for the first time is taken for a repeat (see README: how far back that is).
 *
 * Entries stay in the order they were last written (delete, then set), so the oldest are the first
 * keys: forgetting takes them from the front, a tenth of the bound at a time, which keeps the work per
 * event the same however full the memory is (no sort of all keys).
 */
export interface AnnouncedMemory extends IDataObject {
	/** Hashed order key → `<event time in seconds, base 36>~<hash of what was announced>`. */
	entries?: Record<string, string>;
	count?: number;
	/** Seconds: events at or before it count as announced. */
	floor?: number;
}

/**
 * 15,000 entries are about 0.5 MB of static data (measured in test/triggers/announced-memory.test.ts):
 * a workflow with both triggers stays near 1 MB at any volume.
 */
export const MAX_ENTRIES = 15_000;
const FORGET_SHARE = 0.1;

/** 48 bits: no collision to speak of among a few tens of thousands, and no order numbers in static data. */
const fingerprint = (text: string) =>
	createHash('sha1').update(text).digest('base64url').slice(0, 8);
/** A letter first: a key that looks like a number would be moved ahead of the others by JavaScript. */
const keyOf = (key: string) => `k${fingerprint(key)}`;

export interface Remembered {
	time: number;
	fingerprint: string;
}

function read(entry: string | undefined): Remembered | undefined {
	if (entry === undefined) return undefined;
	const [time, hash] = entry.split('~');
	return { time: parseInt(time, 36), fingerprint: hash };
}

export const toSeconds = (ms: number) => Math.floor(ms / 1000);

/**
 * Whether an event (what it says, `value`, and when it happened, `time` in seconds if known) is not
 * newer than what was announced for its order: older, or as old and the same.
 */
export function isNotNewer(
	memory: AnnouncedMemory,
	key: string,
	value: string,
	time: number | undefined,
): boolean {
	const last = read(memory.entries?.[keyOf(key)]);
	if (!last) return time !== undefined && time <= (memory.floor ?? -Infinity);
	const same = last.fingerprint === fingerprint(value);
	if (time === undefined || time === last.time) return same;
	return time < last.time;
}

/** Records what was announced for an order (or seen of it), as its newest entry. */
export function remember(
	memory: AnnouncedMemory,
	key: string,
	value: string,
	time: number,
	max = MAX_ENTRIES,
): void {
	const entries = (memory.entries ??= {});
	const stored = keyOf(key);
	const isNew = entries[stored] === undefined;
	if (!isNew) delete entries[stored];
	// Always written: n8n saves static data only when a change reaches its top level.
	memory.count = (memory.count ?? 0) + (isNew ? 1 : 0);
	entries[stored] = `${time.toString(36)}~${fingerprint(value)}`;
	if ((memory.count ?? 0) > max) forgetOldest(memory, entries, Math.ceil(max * FORGET_SHARE));
}

export function recall(memory: AnnouncedMemory, key: string): Remembered | undefined {
	return read(memory.entries?.[keyOf(key)]);
}

/**
 * Forgets the entries written longest ago until `keep` remain. For a memory written with no bound
 * (`remember(..., Infinity)`) whose owner knows which entries it may still need: the poll trigger.
 */
export function forgetBeyond(memory: AnnouncedMemory, keep: number): void {
	const excess = (memory.count ?? 0) - keep;
	if (excess > 0 && memory.entries) forgetOldest(memory, memory.entries, excess);
}

/** Forgets the `howMany` entries written longest ago; the newest event among them raises the floor. */
function forgetOldest(
	memory: AnnouncedMemory,
	entries: Record<string, string>,
	howMany: number,
): void {
	let forgotten = 0;
	let floor = memory.floor ?? -Infinity;
	for (const key in entries) {
		if (forgotten >= howMany) break;
		floor = Math.max(floor, read(entries[key])!.time);
		delete entries[key];
		forgotten++;
	}
	memory.floor = floor;
	memory.count = (memory.count ?? 0) - forgotten;
}

import type { IDataObject } from 'n8n-workflow';

import type { AnnouncedMemory } from '../shared/tracking';

/** Lists are asked from a little before the last poll, so a clock skew or a late write is never missed. */
export const OVERLAP_MS = 5 * 60_000;
/** At most this many pages per poll keeps each poll's requests bounded under the rate limit. */
export const MAX_PAGES_PER_POLL = 10;

/**
 * One pass over a list, from page 1 to its end, all with the same `since`. When the page cap cuts it
 * short, the next poll carries on where it stopped: moving `since` on instead would skip the orders
 * not read yet, as the list is not sorted by update time.
 */
export interface Walk extends IDataObject {
	/** The `since_last_updated` of every page of this walk. */
	since: string;
	/** When its first page was asked: orders updated later may have landed on pages already read. */
	startedAt: string;
	/** The first page not read yet. */
	nextPage: number;
	/** Order ids of the last page read: on resuming, proof that no order moved up past the page read again. */
	lastPageIds: string[];
	/** Orders read so far in this walk (a page read again counts twice): see seen.ts, forgetUnneeded. */
	read?: number;
}

export interface PollState extends IDataObject {
	/** When the trigger started: the time of its first poll after publishing. */
	firstPollAt?: string;
	/** Where the next walk starts (minus the overlap): the start time of the last complete walk. */
	cursor?: string;
	/** A walk the page cap cut short. */
	walk?: Walk;
	/** What was announced per order (shared/tracking/announced-memory.ts). */
	announced?: AnnouncedMemory;
	/** Orders read in the last complete walk. */
	lastWalkRead?: number;
}

/** What one poll read of its walk. */
export interface WalkProgress {
	rows: IDataObject[];
	complete: boolean;
	nextPage: number;
	lastPageIds: string[];
}

const iso = (time: number) => new Date(time).toISOString();

/**
 * When the trigger started (set at its first poll), minus the overlap: an order it does not remember and
 * whose event happened before then existed before publishing. A state saved before this was kept starts
 * at its last complete walk (or the walk under way), the oldest point it is known to have read from.
 */
export function eventsSince(state: PollState, now: number): number {
	state.firstPollAt ??= state.cursor ?? state.walk?.startedAt ?? iso(now);
	return Date.parse(state.firstPollAt) - OVERLAP_MS;
}

/** The walk cut short by the last poll, or a new one from the cursor (from now on the very first poll). */
export function currentWalk(state: PollState, now: number): Walk {
	if (state.walk) return state.walk;
	const from = state.cursor ? Date.parse(state.cursor) : now;
	return { since: iso(from - OVERLAP_MS), startedAt: iso(now), nextPage: 1, lastPageIds: [] };
}

/** A complete walk moves the cursor to its start; one cut short is kept, so the next poll reads the rest. */
export function recordProgress(state: PollState, walk: Walk, progress: WalkProgress): void {
	const read = (walk.read ?? 0) + progress.rows.length;
	if (progress.complete) {
		state.cursor = walk.startedAt;
		state.lastWalkRead = read;
		delete state.walk;
	} else {
		state.walk = { ...walk, nextPage: progress.nextPage, lastPageIds: progress.lastPageIds, read };
	}
}

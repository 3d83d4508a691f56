import { sleep } from 'n8n-workflow';

/**
 * Paces requests per credential so that every item of an execution, and every execution in this
 * n8n process, shares one budget: Starshipit counts requests per subscription key, not per node.
 * Module state lives as long as the n8n process, which is exactly the scope we want.
 */
interface Lane {
	nextSlotAt: number;
}

const lanes = new Map<string, Lane>();

/** A little under the limit, so that timer jitter never pushes a one-second window over it. */
const SAFETY_FACTOR = 0.95;

function laneFor(key: string): Lane {
	let lane = lanes.get(key);
	if (!lane) {
		lane = { nextSlotAt: 0 };
		lanes.set(key, lane);
	}
	return lane;
}

/** Waits for this lane's next free slot, then books the one after it. */
export async function waitForSlot(key: string, requestsPerSecond: number): Promise<void> {
	// Without a usable rate there is no pacing, but a pause after a 429 still holds.
	const interval = requestsPerSecond > 0 ? 1000 / (requestsPerSecond * SAFETY_FACTOR) : 0;
	const lane = laneFor(key);
	const now = Date.now();
	const slot = Math.max(now, lane.nextSlotAt);
	lane.nextSlotAt = slot + interval;
	if (slot > now) await sleep(slot - now);
}

/** After a 429, holds the whole lane back, so the other items do not run into the same wall. */
export function pauseLane(key: string, milliseconds: number): void {
	const lane = laneFor(key);
	lane.nextSlotAt = Math.max(lane.nextSlotAt, Date.now() + milliseconds);
}

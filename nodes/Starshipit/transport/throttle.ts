import { sleep } from 'n8n-workflow';

/**
 * Paces requests per credential so that every item of an execution, and every execution in this
 * n8n process, shares one budget: Starshipit counts requests per subscription key, not per node.
 * Module state lives as long as the n8n process, which is exactly the scope we want.
 */
interface Lane {
	/** After a 429: no request starts before this. */
	pausedUntil: number;
	/** Requests sent and not yet answered: they may already count at the gateway. */
	inFlight: number;
	/** When recent requests were answered: an upper bound of when the gateway counted them. */
	answeredAt: number[];
}

const lanes = new Map<string, Lane>();

function laneFor(key: string): Lane {
	let lane = lanes.get(key);
	if (!lane) {
		lane = { pausedUntil: 0, inFlight: 0, answeredAt: [] };
		lanes.set(key, lane);
	}
	return lane;
}

/**
 * The rate as "at most `capacity` requests in any window of `windowMs`": 20/s is 20 per second,
 * 0.5/s is 1 per two seconds. A sliding window is what the gateway counts, so a full window may
 * go out at once; spacing requests evenly would only add waiting.
 */
interface Window {
	capacity: number;
	windowMs: number;
}

function windowFor(requestsPerSecond: number): Window {
	if (!(requestsPerSecond > 0)) return { capacity: Number.POSITIVE_INFINITY, windowMs: 0 };
	return { capacity: Math.max(1, Math.floor(requestsPerSecond)), windowMs: 1000 * Math.max(1, 1 / requestsPerSecond) };
}

/** How long to wait before this lane may start a request; 0 when it may start now. */
function waitTime(lane: Lane, { capacity, windowMs }: Window, now: number): number {
	lane.answeredAt = lane.answeredAt.filter((at) => at > now - windowMs);
	if (lane.pausedUntil > now) return lane.pausedUntil - now;
	if (lane.answeredAt.length + lane.inFlight < capacity) return 0;
	// The window is full: wait until its oldest answered request leaves it (or an in-flight one ends).
	return lane.answeredAt.length ? lane.answeredAt[0] + windowMs - now + 1 : 5;
}

/**
 * Waits until a request fits the credential's rate, and returns the function to call when its
 * answer arrives. The gateway counts requests when they arrive, which we cannot see; counting a
 * request in the one-second window until one second after its answer can never undercount it,
 * whatever the latency (a first request that spends time connecting included).
 */
export async function waitForSlot(key: string, requestsPerSecond: number): Promise<() => void> {
	const lane = laneFor(key);
	const window = windowFor(requestsPerSecond);
	for (let wait = waitTime(lane, window, Date.now()); wait > 0; wait = waitTime(lane, window, Date.now())) {
		await sleep(wait);
	}
	lane.inFlight++;
	let answered = false;
	return () => {
		if (answered) return;
		answered = true;
		lane.inFlight--;
		if (window.windowMs > 0) lane.answeredAt.push(Date.now());
	};
}

/** After a 429, holds the whole lane back, so the other items do not run into the same wall. */
export function slowDownLane(key: string, milliseconds: number): void {
	const lane = laneFor(key);
	lane.pausedUntil = Math.max(lane.pausedUntil, Date.now() + milliseconds);
}

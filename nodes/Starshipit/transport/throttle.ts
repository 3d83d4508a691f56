import { pause } from './cancel';

/**
 * Paces requests per credential so that every item of an execution, and every execution in this
 * n8n process, shares one budget: Starshipit counts requests per subscription key, not per node.
 * Module state lives as long as the n8n process, which is exactly the scope we want.
 *
 * Several processes (queue-mode workers) sharing one key cannot see each other: n8n gives a node no
 * shared store. So each lane adapts (additive increase, multiplicative decrease, as TCP does): a 429
 * halves the share of the rate this process uses, and the share grows back gradually. Processes that
 * share a key settle near the account's rate between them; a process alone never gets a 429 and so
 * always runs at the full rate.
 *
 * Halving alone starves a process that loses the race: the process that got through first refills the
 * window the moment it frees, is never refused and never slows down, while the loser is refused and
 * halved again and again, and crawls back long after the winner is done (measured with `npm run
 * bench:lanes`: 1.9 times the floor for two processes). So a lane that has got nothing through since
 * its last cut is not cut deeper (slowing it frees nothing: the others fill the window); it sends one
 * request at a time, each when Starshipit said to try again, and when one gets through after a run of
 * refusals, room has appeared: the lane takes the full rate again (if another process is still there,
 * the next 429 halves it as usual). Trying every second rather than every two costs one 429 a second
 * while it waits, and took four processes from 1.3 to 1.1 times the floor (`npm run bench:lanes`).
 */
interface Lane {
	/** After a 429: no request starts before this. */
	pausedUntil: number;
	/** Requests sent and not yet answered: they may already count at the gateway. */
	inFlight: number;
	/** When recent requests were answered: an upper bound of when the gateway counted them. */
	answeredAt: number[];
	/** The share of the credential's rate this process used right after its last cut (1: all of it). */
	shareAtCut: number;
	/** When the share was last cut (0: never). */
	cutAt: number;
	/** Whether a request got through (any answer but a 429) since the last cut. */
	acceptedSinceCut: boolean;
	/** 429s since the last request that got through. */
	refusalsInARow: number;
	/** When the lane last took the full rate back after a run of refusals (0: never). */
	roomAt: number;
}

/** After a cut, the share grows back by this much each second: from half to all of the rate in 10 s. Slower
 * recovery means fewer 429s but a long wait for a process that was cut several times (measured with four
 * processes: 1/60 took twice the floor, 1/20 and 1/10 1.4-1.6 times). */
const RECOVERY_PER_SECOND = 1 / 20;
/** However many processes share a key, one keeps at least this share, so it never stalls. */
const MIN_SHARE = 1 / 32;
/** This many 429s in a row, then a request that gets through: the process filling the window has stopped. */
const STARVED_REFUSALS = 2;
/** Starshipit counts requests per second. */
const GATEWAY_WINDOW_MS = 1000;

const lanes = new Map<string, Lane>();

function laneFor(key: string): Lane {
	let lane = lanes.get(key);
	if (!lane) {
		lane = {
			pausedUntil: 0,
			inFlight: 0,
			answeredAt: [],
			shareAtCut: 1,
			cutAt: 0,
			acceptedSinceCut: false,
			refusalsInARow: 0,
			roomAt: 0,
		};
		lanes.set(key, lane);
	}
	return lane;
}

/**
 * A request sent within the gateway's second after the lane took the full rate back: the window may still hold
 * the last requests of the process that just finished, so its 429 says nothing about processes still running
 * (measured: the last worker was halved by it and finished alone at half the rate, 1.33-1.38 times the floor).
 */
function justGotRoom(lane: Lane, sentAt: number): boolean {
	return lane.roomAt !== 0 && sentAt >= lane.roomAt && sentAt - lane.roomAt < GATEWAY_WINDOW_MS;
}

/** Refused since its last cut with nothing got through: the others fill the window. */
function isStarved(lane: Lane): boolean {
	return lane.cutAt !== 0 && !lane.acceptedSinceCut;
}

function currentShare(lane: Lane, now: number): number {
	if (lane.cutAt === 0) return 1;
	return Math.min(1, lane.shareAtCut + ((now - lane.cutAt) / 1000) * RECOVERY_PER_SECOND);
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
	return {
		capacity: Math.max(1, Math.floor(requestsPerSecond)),
		windowMs: 1000 * Math.max(1, 1 / requestsPerSecond),
	};
}

/** How long to wait before this lane may start a request; 0 when it may start now. */
function waitTime(lane: Lane, requestsPerSecond: number, now: number): number {
	const { capacity, windowMs } = windowFor(requestsPerSecond * currentShare(lane, now));
	lane.answeredAt = lane.answeredAt.filter((at) => at > now - windowMs);
	if (lane.pausedUntil > now) return lane.pausedUntil - now;
	// A starved lane tries one request at a time: a whole window of them would only collect 429s.
	const limit = isStarved(lane) ? 1 : capacity;
	if (lane.answeredAt.length + lane.inFlight < limit) return 0;
	// The window is full: wait until its oldest answered request leaves it (or an in-flight one ends).
	return lane.answeredAt.length ? lane.answeredAt[0] + windowMs - now + 1 : 5;
}

export type AnswerOutcome = 'accepted' | 'refused' | 'unknown';

/** A request's place in its lane: when it was sent, and the function to call when its answer arrives. */
export interface Slot {
	sentAt: number;
	/**
	 * `accepted`: a status the gateway let through; `refused`: a 429; `unknown`: no answer at all (a lost
	 * connection says nothing about the shared window, so it neither counts as a refusal nor as room).
	 */
	answered: (outcome: AnswerOutcome) => void;
}

/**
 * Waits until a request fits the credential's rate (this process's share of it). The gateway counts
 * requests when they arrive, which we cannot see; counting a request in the window until a window
 * after its answer can never undercount it, whatever the latency (a first request that spends time
 * connecting included).
 *
 * Undefined when the execution is cancelled (before or during the wait, a 429's pause included): the
 * request must not be sent, and it took no place in the lane.
 */
export function waitForSlot(key: string, requestsPerSecond: number): Promise<Slot>;
export function waitForSlot(
	key: string,
	requestsPerSecond: number,
	cancel: AbortSignal | undefined,
): Promise<Slot | undefined>;
export async function waitForSlot(
	key: string,
	requestsPerSecond: number,
	cancel?: AbortSignal,
): Promise<Slot | undefined> {
	const lane = laneFor(key);
	for (
		let wait = waitTime(lane, requestsPerSecond, Date.now());
		wait > 0 && !cancel?.aborted;
		wait = waitTime(lane, requestsPerSecond, Date.now())
	) {
		await pause(wait, cancel);
	}
	if (cancel?.aborted) return undefined;
	lane.inFlight++;
	let answered = false;
	return {
		sentAt: Date.now(),
		answered: (outcome) => {
			if (answered) return;
			answered = true;
			lane.inFlight--;
			if (requestsPerSecond > 0) lane.answeredAt.push(Date.now());
			if (outcome !== 'unknown') noteAnswer(lane, outcome === 'accepted');
		},
	};
}

function setShare(lane: Lane, share: number, now: number) {
	lane.shareAtCut = share;
	lane.cutAt = now;
}

function noteAnswer(lane: Lane, accepted: boolean) {
	if (!accepted) {
		lane.refusalsInARow++;
		return;
	}
	if (lane.cutAt !== 0 && lane.refusalsInARow >= STARVED_REFUSALS) {
		lane.roomAt = Date.now();
		setShare(lane, 1, lane.roomAt);
	}
	lane.refusalsInARow = 0;
	lane.acceptedSinceCut = true;
}

/**
 * After a 429: holds the whole lane back for the wait Starshipit asked for, so the other items do not
 * run into the same wall, and halves the lane's share of the rate. A 429 to a request sent before the
 * last cut was already answered by that cut: a burst of refusals halves the share once, not per request.
 * A lane starved since its last cut is not cut deeper (see the top of this file).
 */
export function slowDownLane(key: string, milliseconds: number, sentAt: number): void {
	const lane = laneFor(key);
	const now = Date.now();
	lane.pausedUntil = Math.max(lane.pausedUntil, now + milliseconds);
	if (sentAt < lane.cutAt) return;
	if (isStarved(lane) || justGotRoom(lane, sentAt)) return;
	setShare(lane, Math.max(MIN_SHARE, currentShare(lane, now) / 2), now);
	lane.acceptedSinceCut = false;
}

/**
 * Every sandbox started in this test file, and the deviations each recorded since the last check.
 * The harness (test/harness/strict-sandbox.ts) reads and clears it after each test. Kept apart from
 * `sandbox.deviations` because tests call `sandbox.reset()` in their own afterEach, which may run
 * before the check.
 */
import type { Deviation } from '../types';

export interface Recorded {
	/** The sandbox's URL, to tell two sandboxes of one file apart in a message. */
	sandbox: string;
	deviation: Deviation;
}

const log: Recorded[] = [];
let collecting = false;

/** Called by the jest setup: only then are deviations kept here (the demo and the benchmark run for hours). */
export function startCollecting() {
	collecting = true;
}

export function noteDeviations(sandbox: string, deviations: Deviation[]) {
	if (collecting) for (const deviation of deviations) log.push({ sandbox, deviation });
}

/** The deviations recorded since the last call, and forget them. */
export function takeDeviations(): Recorded[] {
	return log.splice(0, log.length);
}

import type { PollState } from './cursor';

/**
 * How many orders the trigger remembers. Static data is saved with the workflow, so it must stay small;
 * two polls' worth of full pages covers what the overlap reads again, unless more orders change in a few
 * minutes than that.
 */
export const MAX_REMEMBERED = 5_000;

/**
 * True when this order's event value (e.g. its tracking status) differs from the one remembered, or none
 * is; remembers it either way. `updatedAt` decides which orders are forgotten first.
 */
export function isChanged(state: PollState, orderKey: string, value: string, updatedAt: number): boolean {
	const seen = (state.seen ??= {});
	const changed = seen[orderKey]?.value !== value;
	seen[orderKey] = { value, at: updatedAt };
	return changed;
}

/**
 * Keeps the most recently updated orders. Not a time limit: an order shipped last week still gets
 * tracking updates, and forgetting it would announce it again.
 */
export function forgetBeyondLimit(state: PollState): void {
	const entries = Object.entries(state.seen ?? {});
	if (entries.length <= MAX_REMEMBERED) return;
	entries.sort(([, a], [, b]) => a.at - b.at);
	for (const [orderKey] of entries.slice(0, entries.length - MAX_REMEMBERED)) delete state.seen![orderKey];
}

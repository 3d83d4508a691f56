import { keepLatest, MAX_REMEMBERED } from '../StarshipitTrigger/bounded-memory';
import type { PollState } from './cursor';

export { MAX_REMEMBERED };

/**
 * Remembers this order's event value (e.g. its tracking status) and returns the one remembered before,
 * undefined when the trigger did not know the order. `updatedAt` decides which orders are forgotten first.
 */
export function rememberValue(state: PollState, orderKey: string, value: string, updatedAt: number): string | undefined {
	const seen = (state.seen ??= {});
	const before = seen[orderKey]?.value;
	seen[orderKey] = { value, at: updatedAt };
	return before;
}

/**
 * Keeps the most recently updated orders. Not a time limit: an order shipped last week still gets
 * tracking updates, and forgetting it would announce it again.
 */
export function forgetBeyondLimit(state: PollState): void {
	keepLatest(state.seen ?? {}, (entry) => entry.at);
}

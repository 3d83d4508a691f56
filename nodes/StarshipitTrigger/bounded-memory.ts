/**
 * How many entries a trigger keeps in its static data. Static data is saved with the workflow, so it
 * must stay small whatever the account's volume.
 */
export const MAX_REMEMBERED = 5_000;

/**
 * Keeps the `max` entries with the latest timestamps and drops the rest. By timestamp, not by insertion
 * order: a key written again keeps its old place among an object's keys, so insertion order would forget
 * a recently refreshed entry first.
 */
export function keepLatest<T>(memory: Record<string, T>, timeOf: (entry: T) => number, max = MAX_REMEMBERED): void {
	const keys = Object.keys(memory);
	if (keys.length <= max) return;
	keys.sort((a, b) => timeOf(memory[a]) - timeOf(memory[b]));
	for (const key of keys.slice(0, keys.length - max)) delete memory[key];
}

import { LIMITS } from '../../../transport';

/** A list cut into the batches of 50 Starshipit takes in one import or bulk update. */
export function batchesOf<T>(list: T[], size: number = LIMITS.importBatchSize): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		batches.push(list.slice(start, start + size));
	return batches;
}

/**
 * Sends batch after batch with two in flight. The throttle still keeps to the rate; two in flight
 * just means the second request of each second is not held back while the first awaits its answer
 * (one at a time, a re-import at 2 requests/s took 1.3 times its floor). The first error stops any
 * further batch from starting and is thrown once the batch in flight has finished.
 */
export async function forEachBatch<T>(
	batches: T[][],
	send: (batch: T[]) => Promise<void>,
	inFlight = 2,
): Promise<void> {
	let next = 0;
	const errors: unknown[] = [];
	const worker = async () => {
		while (next < batches.length && errors.length === 0) {
			const batch = batches[next++];
			await send(batch).catch((error: unknown) => errors.push(error));
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, batches.length) }, worker));
	if (errors.length) throw errors[0];
}

import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/**
 * The execution's cancel signal: n8n aborts it when the execution is stopped (by the user, a timeout or a
 * shutdown). Only a node running in an execution has one; list searches, webhooks and polls do not.
 * n8n's HTTP helper already aborts the request in flight with it; the waits between requests are ours.
 */
export function cancelSignalOf(context: object): AbortSignal | undefined {
	const getSignal = (context as Partial<Pick<IExecuteFunctions, 'getExecutionCancelSignal'>>)
		.getExecutionCancelSignal;
	return typeof getSignal === 'function' ? getSignal.call(context) : undefined;
}

/**
 * Waits `milliseconds`, or less: it ends as soon as the execution is cancelled, so that a stopped run does
 * not sit out a 30-second Retry-After first. The caller checks `signal.aborted` afterwards.
 * n8n-workflow's `sleep` takes the signal since n8n 2 (it then rejects, and clears its timer); an older
 * n8n's ignores it, so the abort is raced here as well.
 */
export async function pause(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
	if (signal?.aborted) return;
	let onAbort = () => {};
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	const slept = sleep(milliseconds, signal).catch((error: unknown) => {
		if (!signal?.aborted) throw error;
	});
	try {
		await Promise.race([slept, aborted]);
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
}

/** Where the request was when the execution was cancelled: between attempts, or on its way to Starshipit. */
export type CancelledWhile = 'waiting' | 'sending';

const WHAT_HAPPENED: Record<CancelledWhile, string> = {
	waiting:
		'n8n stopped this request while it waited (for the credential\'s rate limit, a "too many requests" pause or a retry) and sent nothing more to Starshipit.',
	sending: 'n8n stopped this request on its way to Starshipit and sent nothing more.',
};

/**
 * The error a cancelled request ends with. n8n has already marked the execution cancelled; this only stops
 * the node (n8n's own tool runner throws "Execution was cancelled" the same way) and says what was sent.
 */
export function cancelledError(
	node: INode,
	moment: CancelledWhile,
	mayHaveLanded: string | undefined,
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(node, 'Execution was cancelled', {
		description: mayHaveLanded
			? `${WHAT_HAPPENED[moment]} ${mayHaveLanded}`
			: WHAT_HAPPENED[moment],
		itemIndex,
	});
}

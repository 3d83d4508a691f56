import { runNode, type NodeRunResult, type RunNodeOptions } from './run-workflow';

export interface CancelledRun {
	result: NodeRunResult;
	/** When the execution was cancelled (0: the run ended before `cancelWhen` did). */
	cancelledAt: number;
	/** When the engine's run of the node ended. */
	endedAt: number;
}

/**
 * Runs one Starshipit node and cancels the execution once `cancelWhen` resolves, as n8n does when a user
 * stops it: `cancel()` on the running execution, which aborts the execution's cancel signal.
 */
export async function runNodeCancelled(
	options: RunNodeOptions,
	cancelWhen: () => Promise<void>,
): Promise<CancelledRun> {
	let cancelledAt = 0;
	const result = await runNode({
		...options,
		onStart: (execution) =>
			void cancelWhen().then(() => {
				cancelledAt = Date.now();
				execution.cancel();
			}),
	});
	return { result, cancelledAt, endedAt: Date.now() };
}

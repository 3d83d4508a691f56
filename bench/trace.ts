/** `--trace` in the benches: each request of a run as "+ms sender status", to see how senders shared the rate. */
import type { Sandbox } from '../test/sandbox';

export type Recorded = Sandbox['requests'][number];

/** The first order number of a recorded import (undefined for other requests): it tells which job sent it. */
export function firstOrderNumber(record: Recorded): string | undefined {
	return (record.body as { orders?: Array<{ order_number?: string }> } | undefined)?.orders?.[0]
		?.order_number;
}

/** Marks: other moments on the same clock (a node's start, say), printed in order among the requests. */
export function printTrace(
	sandbox: Sandbox,
	from: number,
	senderOf: (record: Recorded) => string,
	marks: Array<{ at: number; text: string }> = [],
) {
	const records = sandbox.requests.slice(from);
	const origin = Date.parse(records[0].at);
	const lines = [
		...records.map((record) => ({
			at: Date.parse(record.at),
			text: `${senderOf(record)}  ${record.status}`,
		})),
		...marks,
	].sort((a, b) => a.at - b.at);
	for (const line of lines)
		console.log(`  ${line.at >= origin ? '+' : ''}${line.at - origin} ms  ${line.text}`);
}

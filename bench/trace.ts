/** `--trace` in the benches: each request of a run as "+ms sender status", to see how senders shared the rate. */
import type { Sandbox } from '../test/sandbox';

export type Recorded = Sandbox['requests'][number];

/** The first order number of a recorded import (undefined for other requests): it tells which job sent it. */
export function firstOrderNumber(record: Recorded): string | undefined {
	return (record.body as { orders?: Array<{ order_number?: string }> } | undefined)?.orders?.[0]?.order_number;
}

export function printTrace(sandbox: Sandbox, from: number, senderOf: (record: Recorded) => string) {
	const records = sandbox.requests.slice(from);
	for (const record of records) {
		console.log(`  +${Date.parse(record.at) - Date.parse(records[0].at)} ms  ${senderOf(record)}  ${record.status}`);
	}
}

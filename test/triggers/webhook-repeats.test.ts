/**
 * Repeats of the webhook trigger: a captured or re-sent update starts nothing, however many other
 * updates came in between and however long ago it was first sent.
 */
import { createHmac } from 'node:crypto';
import type { INode } from 'n8n-workflow';

import { UNCONFIRMED } from '../../nodes/Starshipit/transport/api-reference';
import { triggerWorkflow, TRIGGER_CREDENTIALS } from '../harness/trigger-contexts';
import { callWebhook } from './webhook-call';

const SECRET = 'webhook-secret-for-tests';
const node: INode = {
	id: 'repeats',
	name: 'Starshipit Trigger',
	type: 'n8n-nodes-starshipit.starshipitTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId: 'b1c2d3e4-0000-4000-8000-0000000000bb',
	parameters: {},
	credentials: TRIGGER_CREDENTIALS,
};
const STATUSES = ['Printed', 'Dispatched', 'InTransit', 'OutForDelivery', 'Delivered'];
const START = Date.UTC(2026, 10, 1);

/** A deterministic shuffle-free pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
	let state = seed;
	return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/**
 * `originals` updates over many orders, each order's statuses in time order, and duplicates (a tenth of
 * the total) drawn from every update sent so far: the whole history, not only the recent ones.
 */
function deliveries(originals: number, duplicateShare: number, next = random(7)) {
	const sent: string[] = [];
	const sequence: Array<{ body: string; duplicate: boolean }> = [];
	let order = 0;
	let step = 0;
	for (let index = 0; index < originals; index++) {
		if (step === 0 || step >= STATUSES.length || next() < 0.2) [order, step] = [order + 1, 0];
		const body = JSON.stringify({
			order_number: `SO-${order}`,
			tracking_number: `T${order}`,
			carrier_name: 'Australia Post',
			tracking_status: STATUSES[step],
			last_updated_date: new Date(START + index * 60_000).toISOString(),
		});
		step++;
		sent.push(body);
		sequence.push({ body, duplicate: false });
		if (next() < duplicateShare / (1 - duplicateShare))
			sequence.push({ body: sent[Math.floor(next() * sent.length)], duplicate: true });
	}
	return sequence;
}

const signed = (body: string) => ({
	headers: {
		[UNCONFIRMED.webhookSignatureHeader]: createHmac('sha256', SECRET).update(body).digest('hex'),
	},
	guards: { signingSecret: SECRET },
});

test('10,000 signed updates with a tenth of them repeats from the whole history: each original starts one run, no repeat starts any', async () => {
	const sequence = deliveries(9_000, 0.1);
	expect(sequence.length).toBeGreaterThan(9_800);
	const workflow = triggerWorkflow([node]);
	const started: Array<{ started: boolean; duplicate: boolean }> = [];
	for (const { body, duplicate } of sequence)
		started.push({
			started: Boolean((await callWebhook(workflow, node, body, signed(body))).result.workflowData),
			duplicate,
		});
	expect(started.filter((call) => call.duplicate && call.started)).toHaveLength(0);
	expect(started.filter((call) => !call.duplicate && !call.started)).toHaveLength(0);
});

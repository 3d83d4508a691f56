/**
 * Two deliveries of the same tracking update at the same moment. n8n loads the workflow's static data
 * for each webhook request and saves it after the trigger answers, so each request sees a memory that
 * holds neither: modelled here by two Workflow objects with the same id and their own copy of the
 * static data, as n8n's webhook server makes them.
 */
import { createHmac } from 'node:crypto';
import type { INode } from 'n8n-workflow';

import { UNCONFIRMED } from '../../nodes/Starshipit/transport/api-reference';
import { triggerWorkflow, TRIGGER_CREDENTIALS } from '../harness/trigger-contexts';
import { callWebhook } from './webhook-call';

const SECRET = 'webhook-secret-for-parallel-tests';
const node: INode = {
	id: 'parallel',
	name: 'Starshipit Trigger',
	type: 'n8n-nodes-starshipit.starshipitTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId: 'b1c2d3e4-0000-4000-8000-0000000000cc',
	parameters: {},
	credentials: TRIGGER_CREDENTIALS,
};
const signed = (body: string) => ({
	headers: {
		[UNCONFIRMED.webhookSignatureHeader]: createHmac('sha256', SECRET).update(body).digest('hex'),
	},
	guards: { signingSecret: SECRET },
});
const update = (status: string) =>
	JSON.stringify({
		order_number: 'SO-77',
		tracking_number: 'T77',
		carrier_name: 'Australia Post',
		tracking_status: status,
		last_updated_date: `2026-11-27T10:0${status.length % 10}:00Z`,
	});

test('the same update delivered twice at once starts one run', async () => {
	const body = update('InTransit');
	const answers = await Promise.all([
		callWebhook(triggerWorkflow([node], 'one-workflow'), node, body, signed(body)),
		callWebhook(triggerWorkflow([node], 'one-workflow'), node, body, signed(body)),
	]);
	expect(answers.filter((answer) => answer.result.workflowData)).toHaveLength(1);
	expect(
		answers.filter(
			(answer) =>
				(answer.result.webhookResponse as { reason?: string } | undefined)?.reason === 'repeat',
		),
	).toHaveLength(1);
});

test('two different updates of one shipment delivered at once both start a run', async () => {
	const [first, second] = [update('OutForDelivery'), update('Delivered')];
	const answers = await Promise.all([
		callWebhook(triggerWorkflow([node], 'another-workflow'), node, first, signed(first)),
		callWebhook(triggerWorkflow([node], 'another-workflow'), node, second, signed(second)),
	]);
	expect(answers.filter((answer) => answer.result.workflowData)).toHaveLength(2);
});

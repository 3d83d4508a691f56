/**
 * Template 1 feeds "Write tracking back to your shop" from both triggers: for the same tracking update
 * they must give the same fields, so one set of expressions serves both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Expression, type IDataObject, type INode } from 'n8n-workflow';

import { normaliseTrackingEvent } from '../../nodes/shared/tracking/normalise';
import {
	poll,
	serveWebhook,
	triggerWorkflow,
	TRIGGER_CREDENTIALS,
} from '../harness/trigger-contexts';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

const SECRET = 'webhook-secret-for-tests';
const { sandbox, credentials } = useSandbox();

const webhookNode: INode = {
	id: 'webhook',
	name: 'Starshipit Trigger',
	type: 'n8n-nodes-starshipit.starshipitTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId: 'b1c2d3e4-0000-4000-8000-0000000000aa',
	parameters: {},
	credentials: TRIGGER_CREDENTIALS,
};
const pollNode: INode = {
	id: 'poll',
	name: 'Starshipit Poll Trigger',
	type: 'n8n-nodes-starshipit.starshipitPollTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: { event: 'trackingChanged' },
	credentials: { starshipitApi: { id: 'sandbox', name: 'Starshipit sandbox' } },
};

/** What each trigger starts a run with for one tracking update (the webhook and the next poll). */
async function bothTriggersOn(
	orderNumber: string,
	status: string,
): Promise<{ fromWebhook: IDataObject; fromPoll: IDataObject[] }> {
	const endpoint = await serveWebhook(triggerWorkflow([webhookNode]), webhookNode, {
		guards: { signingSecret: SECRET },
	});
	sandbox.setWebhook(endpoint.url, SECRET);
	const pollWorkflow = triggerWorkflow([pollNode]);
	const nextPoll = async () =>
		((await poll(pollWorkflow, pollNode, credentials()))?.[0] ?? []).map((item) => item.json);
	await nextPoll();
	await sandbox.setOrderStatus(orderNumber, status);
	await endpoint.close();
	return {
		fromWebhook: endpoint.calls[0].result.workflowData![0][0].json,
		fromPoll: await nextPoll(),
	};
}

test('tracking status changed: the poll trigger gives the webhook trigger’s fields and values for the same update', async () => {
	const { fromWebhook, fromPoll } = await bothTriggersOn(SEED.printedOrder, 'InTransit');
	// The shipped list's documented rows carry no last-updated time: the one field the poll cannot give.
	expect(fromPoll).toEqual([{ ...fromWebhook, last_updated: undefined }]);
	expect(fromWebhook).toMatchObject({
		order_number: SEED.printedOrder,
		carrier: 'Australia Post',
		status: 'InTransit',
		delivered: false,
	});
});

test('template 1: "Write tracking back to your shop" sends the same tracking from either trigger', async () => {
	const template = JSON.parse(
		readFileSync(
			join(__dirname, '../../templates/1-import-print-in-starshipit-tracking-back.json'),
			'utf8',
		),
	) as {
		nodes: Array<{ name: string; type: string; parameters: IDataObject }>;
		connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	};
	const writeBack = template.nodes.find(
		(node) => node.name === 'Write tracking back to your shop',
	)!;
	// The tracking triggers (the write-back alert has its own branch).
	const triggers = template.nodes.filter(
		(node) =>
			[webhookNode.type, pollNode.type].includes(node.type) &&
			node.parameters.event !== 'writebackFailed',
	);
	expect(triggers.map((node) => template.connections[node.name].main[0][0].node)).toEqual([
		writeBack.name,
		writeBack.name,
	]);

	const body = (json: IDataObject) =>
		JSON.parse(
			String(
				new Expression('UTC').resolveSimpleParameterValue(
					writeBack.parameters.jsonBody as string,
					{ $json: json } as never,
				),
			),
		);
	const { fromWebhook, fromPoll } = await bothTriggersOn(SEED.printedOrder, 'OutForDelivery');
	const expected = {
		order_number: SEED.printedOrder,
		tracking_number: 'SSI000000999',
		carrier: 'Australia Post',
		status: 'OutForDelivery',
	};
	expect(body(fromWebhook)).toEqual(expected);
	expect(body(fromPoll[0])).toEqual(expected);
});

test('a shipped-list row in the names Starshipit documents for it gives the same fields', () => {
	const documentedRow = {
		order_id: 712619554,
		order_date: '2026-06-01T07:29:07',
		shipped_date: '2026-06-02T01:00:00',
		order_number: '35905',
		reference: 'Web 35905',
		carrier: 'AusPost',
		carrier_name: 'Australia Post',
		carrier_service_code: '3D55',
		carrier_service_name: 'Parcel Post',
		tracking_number: 'T01234567890',
		tracking_short_status: 'Delivered',
		tracking_full_status: 'Delivered to front door',
	};
	expect(normaliseTrackingEvent(documentedRow)).toEqual({
		order_number: '35905',
		order_reference: 'Web 35905',
		tracking_number: 'T01234567890',
		carrier: 'Australia Post',
		service: '3D55',
		status: 'Delivered',
		delivered: true,
		shipment_date: '2026-06-02T01:00:00',
		last_updated: undefined,
	});
});

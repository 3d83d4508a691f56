/**
 * Both triggers in one workflow (template 1), with static data saved the way n8n saves it: whole, the
 * webhook trigger's copy loaded afresh for each request, the poll trigger's the one loaded when the
 * workflow was published (plus its own changes), written back each time a poll starts a run.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { UNCONFIRMED } from '../../nodes/Starshipit/transport/api-reference';
import { nodeTypes } from '../harness/node-types';
import { useSandbox } from '../harness/use-sandbox';
import { poll, TRIGGER_CREDENTIALS } from '../harness/trigger-contexts';
import { SEED, signBody, webhookPayload } from '../sandbox';
import { callWebhook } from './webhook-call';

const SECRET = 'webhook-secret-for-tests';
const { sandbox, credentials } = useSandbox();

const webhookNode: INode = {
	id: 'webhook',
	name: 'When Starshipit sends tracking',
	type: 'n8n-nodes-starshipit.starshipitTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId: 'b1c2d3e4-0000-4000-8000-0000000000cc',
	parameters: {},
	credentials: TRIGGER_CREDENTIALS,
};
const pollNode: INode = {
	id: 'poll',
	name: 'Every 15 minutes, catch missed updates',
	type: 'n8n-nodes-starshipit.starshipitPollTrigger',
	typeVersion: 1,
	position: [0, 200],
	parameters: { event: 'trackingChanged' },
	credentials: { starshipitApi: { id: 'sandbox', name: 'Starshipit sandbox' } },
};

/** The saved workflow: its static data as n8n's database holds it, and the two triggers working on copies. */
function publishedTemplate1() {
	let saved: IDataObject = {};
	const copy = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;
	const workflowWith = (staticData: IDataObject) =>
		new Workflow({
			id: 'template-1',
			nodes: [webhookNode, pollNode],
			connections: {},
			nodeTypes,
			active: true,
			staticData,
			settings: {},
		});
	const pollWorkflow = workflowWith(copy(saved));
	const saveWhole = (workflow: Workflow) => {
		if ((workflow.staticData as { __dataChanged?: boolean }).__dataChanged)
			saved = copy(workflow.staticData);
		(workflow.staticData as { __dataChanged?: boolean }).__dataChanged = false;
	};
	return {
		/** One poll; n8n saves the poll's copy whole when it starts a run. Returns what it started with. */
		async poll() {
			const result = await poll(pollWorkflow, pollNode, credentials());
			if (result) saveWhole(pollWorkflow);
			return (result?.[0] ?? []).map(
				(item) => `${String(item.json.order_number)}:${String(item.json.status)}`,
			);
		},
		/** One delivery of this body; whether it started a run. */
		async deliver(body: string) {
			const workflow = workflowWith(copy(saved));
			const answer = await callWebhook(workflow, webhookNode, body, {
				headers: { [UNCONFIRMED.webhookSignatureHeader]: signBody(body, SECRET) },
				guards: { signingSecret: SECRET },
			});
			saveWhole(workflow);
			return Boolean(answer.result.workflowData);
		},
	};
}

/** A tracking update, timed by the carrier a minute before Starshipit passes it on (as the triggers see it in life). */
async function carrierUpdate(orderNumber: string, status: string) {
	await sandbox.setOrderStatus(orderNumber, status);
	const order = sandbox.store.orders.find((row) => row.order_number === orderNumber)!;
	order.last_updated_date = new Date(Date.now() - 60_000).toISOString();
}

const currentUpdate = (orderNumber: string) =>
	JSON.stringify(
		webhookPayload(sandbox.store.orders.find((order) => order.order_number === orderNumber)!),
	);

test('a repeated webhook starts nothing after the poll trigger has saved the workflow’s static data whole', async () => {
	const workflow = publishedTemplate1();
	expect(await workflow.poll()).toEqual([]);
	await carrierUpdate(SEED.printedOrder, 'InTransit');
	const captured = currentUpdate(SEED.printedOrder);
	expect(await workflow.deliver(captured)).toBe(true);
	// Another order changes without its webhook: the poll starts a run, and n8n saves the poll's copy.
	await sandbox.setOrderStatus(SEED.domesticOrder, 'Printed');
	expect(await workflow.poll()).toContain(`${SEED.domesticOrder}:Printed`);
	expect(await workflow.deliver(captured)).toBe(false);
	// A real change still starts a run, and its own repeat is refused after the next save too.
	await carrierUpdate(SEED.printedOrder, 'Delivered');
	const delivered = currentUpdate(SEED.printedOrder);
	expect(await workflow.deliver(delivered)).toBe(true);
	await sandbox.setOrderStatus(SEED.multiItemOrder, 'Printed');
	await workflow.poll();
	expect([await workflow.deliver(delivered), await workflow.deliver(captured)]).toEqual([
		false,
		false,
	]);
});

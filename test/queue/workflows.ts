/** The queue-mode suite's and benchmark's workflows, each started by a production webhook (run on a worker). */
import { SANDBOX_CREDENTIAL, WEBHOOK_CREDENTIAL } from '../e2e/workspace';

const credentials = { starshipitApi: SANDBOX_CREDENTIAL };
export const IMPORT_PATH = 'queue-import';
export const LABEL_PATH = 'queue-label';
export const TRACKING_WEBHOOK_ID = '5a1b2c3d-0013-4000-8000-00000000a013';
/** The trigger's webhook credential holds this Signing Secret, and the sandbox signs with it (a test value, not a secret). */
export const TRACKING_SECRET = 'queue-webhook-secret-for-tests';
export const IMPORT_WORKFLOW = 'queueImport';
export const LABEL_WORKFLOW = 'queueLabel';
export const TRACKING_WORKFLOW = 'queueTracking';

function workflow(id: string, nodes: any[]) {
	const connections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	return {
		id,
		name: `queue ${id}`,
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const webhook = (path: string, webhookId: string) => ({
	id: 'w',
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId,
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
});

/** POST { prefix, count }: imports `count` orders numbered <prefix>-0, <prefix>-1, ... with Order > Import. */
export function importWorkflow() {
	return workflow(IMPORT_WORKFLOW, [
		webhook(IMPORT_PATH, '5a1b2c3d-0013-4000-8000-00000000a011'),
		{
			id: 'o',
			name: 'Orders',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				mode: 'raw',
				jsonOutput:
					'={{ { orders: Array.from({ length: $json.body.count }, (_, n) => ({ number: $json.body.prefix + "-" + n })) } }}',
				options: {},
			},
		},
		{
			id: 's',
			name: 'One per order',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'orders', options: {} },
		},
		{
			id: 'i',
			name: 'Import',
			type: 'n8n-nodes-starshipit.starshipit',
			typeVersion: 1,
			position: [600, 0],
			credentials,
			parameters: {
				resource: 'order',
				operation: 'import',
				orderNumber: '={{ $json.number }}',
				destinationName: 'Queue',
				destinationStreet: '1 Test St',
				destinationSuburb: 'Sydney',
				destinationCountry: 'Australia',
				destinationPostCode: '2000',
				itemsInput: 'none',
				items: {},
				packages: {},
				additionalFields: {},
			},
		},
	]);
}

/** POST { order }: Label > Create for that order number; the PDF in the `label` file field. */
export function labelWorkflow() {
	return workflow(LABEL_WORKFLOW, [
		webhook(LABEL_PATH, '5a1b2c3d-0013-4000-8000-00000000a012'),
		{
			id: 'l',
			name: 'Label',
			type: 'n8n-nodes-starshipit.starshipit',
			typeVersion: 1,
			position: [200, 0],
			credentials,
			parameters: {
				resource: 'label',
				operation: 'create',
				order: { __rl: true, mode: 'orderNumber', value: '={{ $json.body.order }}' },
				binaryPropertyName: 'label',
			},
		},
	]);
}

/** The Starshipit Trigger (its repeat memory on) and a node after it. */
export function trackingWorkflow() {
	return workflow(TRACKING_WORKFLOW, [
		{
			id: 't',
			name: 'Starshipit Trigger',
			type: 'n8n-nodes-starshipit.starshipitTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: TRACKING_WEBHOOK_ID,
			parameters: {},
			credentials: { starshipitWebhookApi: WEBHOOK_CREDENTIAL },
		},
		{
			id: 'n',
			name: 'Done',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [200, 0],
			parameters: {},
		},
	]);
}

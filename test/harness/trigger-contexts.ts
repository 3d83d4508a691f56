/**
 * Runs the trigger nodes the way n8n's webhook server and poller call them: n8n-core's WebhookContext
 * and PollContext over a Workflow whose static data persists between calls.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { HookContext, PollContext, WebhookContext } from 'n8n-core';

import { StarshipitPollTrigger } from '../../nodes/StarshipitPollTrigger/StarshipitPollTrigger.node';
import { StarshipitTrigger } from '../../nodes/StarshipitTrigger/StarshipitTrigger.node';
import { createAdditionalData } from './additional-data';
import { nodeTypes, registerNodeType } from './node-types';

registerNodeType('n8n-nodes-starshipit.starshipitTrigger', new StarshipitTrigger());
registerNodeType('n8n-nodes-starshipit.starshipitPollTrigger', new StarshipitPollTrigger());

let workflowsMade = 0;

/** What a Starshipit Webhook credential holds (credentials/StarshipitWebhookApi.credentials.ts). */
export interface WebhookGuards {
	signingSecret?: string;
	urlToken?: string;
}

/**
 * How a Starshipit Trigger node refers to its credential: an id and a name, all that the workflow JSON holds.
 * The values themselves reach the node through n8n's credentials helper (`guards` below).
 */
export const TRIGGER_CREDENTIALS = {
	starshipitWebhookApi: { id: 'starshipit-webhook', name: 'Starshipit webhook' },
};

/** What an execution hands the trigger: its credential's values, as n8n decrypts them. */
export const webhookAdditionalData = (guards: WebhookGuards = {}) =>
	createAdditionalData({ starshipitWebhookApi: { ...guards } });

/**
 * A published workflow holding these nodes, with empty static data. Each gets its own id, as each
 * workflow in n8n has, unless `id` names the workflow another copy stands for (n8n loads a workflow
 * anew, static data included, for every webhook request).
 */
export function triggerWorkflow(nodes: INode[], id = `trigger-test-${++workflowsMade}`): Workflow {
	return new Workflow({
		id,
		nodes,
		connections: {},
		nodeTypes,
		active: true,
		staticData: {},
		settings: {},
	});
}

/**
 * The node's `default` webhook as its description declares it, resolved the way n8n resolves it
 * (path and isFullPath may be expressions over the node's parameters), so the tests follow the
 * node rather than a copy of its path.
 */
function declaredWebhook(workflow: Workflow, node: INode): { path: string; isFullPath: boolean } {
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const webhook = nodeType.description.webhooks?.find((candidate) => candidate.name === 'default');
	if (!webhook) throw new Error(`${node.type} declares no default webhook`);
	const resolve = (value: string | boolean | undefined) =>
		workflow.expression.getSimpleParameterValue(node, value, 'internal', {}, undefined, false);
	return {
		path: String(resolve(webhook.path)).replace(/^\/+|\/+$/g, ''),
		isFullPath: resolve(webhook.isFullPath) === true,
	};
}

/** The path n8n serves a webhook node on: n8n-workflow's own getNodeWebhookPath over the declared webhook. */
export function webhookPath(workflow: Workflow, node: INode): string {
	const { path, isFullPath } = declaredWebhook(workflow, node);
	return NodeHelpers.getNodeWebhookPath(workflow.id, node, path, isFullPath);
}

/** The production URL of a webhook node: n8n-workflow's own getNodeWebhookUrl over the declared webhook. */
export function webhookUrl(workflow: Workflow, node: INode): string {
	const { path, isFullPath } = declaredWebhook(workflow, node);
	return NodeHelpers.getNodeWebhookUrl(
		createAdditionalData({}).webhookBaseUrl,
		workflow.id,
		node,
		path,
		isFullPath,
	);
}

/** The same URL as n8n-core reports it to the node's webhookMethods on activation, to cross-check webhookUrl(). */
export function activationWebhookUrl(workflow: Workflow, node: INode): string | undefined {
	return new HookContext(
		workflow,
		node,
		createAdditionalData({}),
		'trigger',
		'activate',
	).getNodeWebhookUrl('default');
}

export interface WebhookCall {
	status: number;
	result: IWebhookResponseData;
}

/**
 * A loopback HTTP endpoint in front of the webhook node, standing in for n8n's webhook server: it
 * keeps the raw body as n8n does (`rawBody`), calls the node's webhook() with a real WebhookContext,
 * and answers 200 unless the node answered itself. `keepRawBody: false` stands in for a server that
 * only hands the node the parsed JSON; `guards` are the values of the node's Starshipit Webhook credential.
 */
export async function serveWebhook(
	workflow: Workflow,
	node: INode,
	{ keepRawBody = true, guards = {} as WebhookGuards } = {},
): Promise<{ url: string; calls: WebhookCall[]; close: () => Promise<void> }> {
	const calls: WebhookCall[] = [];
	const nodeType = nodeTypes.getByName(node.type) as INodeType;
	const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			void (async () => {
				const rawBody = Buffer.concat(chunks);
				const body: unknown = JSON.parse(rawBody.toString() || '{}');
				const req = Object.assign(
					request,
					{ body, params: {}, query: {} },
					keepRawBody ? { rawBody } : {},
				);
				const res = Object.assign(response, {
					status: (code: number) => ((response.statusCode = code), res),
					json: (body: unknown) =>
						response
							.writeHead(response.statusCode, { 'content-type': 'application/json' })
							.end(JSON.stringify(body)),
				});
				const additionalData = webhookAdditionalData(guards);
				Object.assign(additionalData, { httpRequest: req, httpResponse: res });
				const webhookData = {
					httpMethod: 'POST',
					node: node.name,
					path: webhookPath(workflow, node),
					webhookDescription: {},
					workflowId: workflow.id,
				} as unknown as IWebhookData;
				const context = new WebhookContext(
					workflow,
					node,
					additionalData,
					'webhook',
					webhookData,
					[],
					null,
				);
				const result = await nodeType.webhook!.call(context);
				if (!result.noWebhookResponse)
					res.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
				calls.push({ status: response.statusCode, result });
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${webhookPath(workflow, node)}`,
		calls,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** One poll, as n8n's poller runs it on a published workflow (or 'manual' for "Fetch Test Event"). */
export async function poll(
	workflow: Workflow,
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	mode: 'trigger' | 'manual' = 'trigger',
) {
	const additionalData = createAdditionalData({ starshipitApi: credentials });
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	const nodeType = nodeTypes.getByName(node.type) as INodeType;
	return await nodeType.poll!.call(context);
}

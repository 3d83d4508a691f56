/**
 * Calls the webhook trigger's webhook() through n8n-core's real WebhookContext without a socket, for the
 * suites that send thousands of updates (serveWebhook in the harness does the same over loopback HTTP,
 * at a few milliseconds a request). The request is what n8n's webhook server hands a node: the parsed
 * body, the raw bytes, headers in lower case, the query; `guards` are the values of the node's Starshipit
 * Webhook credential.
 */
import type {
	IDataObject,
	INode,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	Workflow,
} from 'n8n-workflow';
import { WebhookContext } from 'n8n-core';

import { nodeTypes } from '../harness/node-types';
import { webhookAdditionalData, type WebhookGuards } from '../harness/trigger-contexts';

export interface WebhookAnswer {
	status: number;
	body: unknown;
	result: IWebhookResponseData;
}

export interface WebhookRequest {
	headers?: Record<string, string>;
	query?: IDataObject;
	guards?: WebhookGuards;
}

export async function callWebhook(
	workflow: Workflow,
	node: INode,
	rawBody: string,
	{ headers = {}, query = {}, guards = {} }: WebhookRequest = {},
): Promise<WebhookAnswer> {
	let body: unknown = rawBody;
	try {
		body = JSON.parse(rawBody);
	} catch {
		// Not JSON: the node gets the text, as n8n hands over a body it could not parse.
	}
	const answer = { status: 200, body: undefined as unknown };
	const lowerCaseHeaders = Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
	const req = { body, rawBody: Buffer.from(rawBody), headers: lowerCaseHeaders, query, params: {} };
	const res = {
		status: (code: number) => ((answer.status = code), res),
		json: (data: unknown) => ((answer.body = data), res),
		end: () => res,
	};
	const additionalData = Object.assign(webhookAdditionalData(guards), {
		httpRequest: req,
		httpResponse: res,
	});
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'tracking',
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
	const result = await (nodeTypes.getByName(node.type) as INodeType).webhook!.call(context);
	return {
		status: answer.status,
		body: result.noWebhookResponse ? answer.body : result.webhookResponse,
		result,
	};
}

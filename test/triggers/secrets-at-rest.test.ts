/**
 * Secrets at rest: the Starshipit Trigger's Signing Secret and URL Token live in its Starshipit Webhook credential,
 * which n8n stores encrypted, so the workflow a user exports, shares or keeps in its version history holds neither.
 * Here through n8n's engine (the webhook runs with the values from n8n's credentials helper); in a real n8n with
 * its own `export:workflow` in test/e2e/triggers.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { StarshipitTrigger } from '../../nodes/StarshipitTrigger/StarshipitTrigger.node';
import { UNCONFIRMED } from '../../nodes/Starshipit/transport/api-reference';
import { triggerWorkflow } from '../harness/trigger-contexts';
import { signBody } from '../sandbox';
import { callWebhook } from './webhook-call';

const SECRET = 'at-rest-signing-secret-for-tests';
const TOKEN = 'atRestUrlTokenForTests-0123456789';
const TRIGGER_TYPE = 'n8n-nodes-starshipit.starshipitTrigger';
const description = new StarshipitTrigger().description;
const template = JSON.parse(
	readFileSync(
		join(__dirname, '../../templates/1-import-print-in-starshipit-tracking-back.json'),
		'utf8',
	),
) as IDataObject & { id: string; nodes: INode[] };

/**
 * A node as n8n's editor saves it: on opening a workflow the editor resolves each node's parameters against its
 * description (n8n 2.40 editor-ui: normalizeWorkflowData → resolveNodeParameters → getNodeParameters), which keeps
 * only the fields the node declares.
 */
const asTheEditorSaves = (node: INode): INode => ({
	...node,
	parameters:
		NodeHelpers.getNodeParameters(
			description.properties,
			node.parameters,
			true,
			false,
			node,
			description,
		) ?? {},
});

const BODY = JSON.stringify({
	order_number: 'AT-REST-1',
	tracking_number: 'T1',
	tracking_status: 'InTransit',
	last_updated_date: '2026-11-25T00:00:00Z',
});

test('no field of the trigger can hold a secret: none is masked, and the credential it requires holds both', () => {
	expect(description.properties.filter((property) => property.typeOptions?.password)).toEqual([]);
	expect(description.properties.map((property) => property.name)).not.toEqual(
		expect.arrayContaining(['signingSecret']),
	);
	expect(description.properties.map((property) => property.name)).not.toEqual(
		expect.arrayContaining(['urlToken']),
	);
	expect(description.credentials).toEqual([
		expect.objectContaining({ name: 'starshipitWebhookApi', required: true }),
	]);
});

test('template 1 with both guards set: a signed update with the token starts a run, and the workflow as exported holds neither value', async () => {
	const trigger = asTheEditorSaves(template.nodes.find((node) => node.type === TRIGGER_TYPE)!);
	expect(trigger.credentials).toEqual({
		starshipitWebhookApi: { id: 'starshipitWebhookSandbox', name: 'Starshipit webhook (sandbox)' },
	});
	const workflow = triggerWorkflow([trigger], template.id);
	const guards = { signingSecret: SECRET, urlToken: TOKEN };
	const signed = { [UNCONFIRMED.webhookSignatureHeader]: signBody(BODY, SECRET) };

	expect(
		(
			await callWebhook(workflow, trigger, BODY, {
				headers: signed,
				query: { token: 'guessed' },
				guards,
			})
		).status,
	).toBe(401);
	expect(
		(await callWebhook(workflow, trigger, BODY, { query: { token: TOKEN }, guards })).status,
	).toBe(401);
	const answer = await callWebhook(workflow, trigger, BODY, {
		headers: signed,
		query: { token: TOKEN },
		guards,
	});
	expect(answer.status).toBe(200);
	expect(answer.result.workflowData?.[0][0].json).toMatchObject({
		order_number: 'AT-REST-1',
		status: 'InTransit',
	});

	// What n8n exports: the nodes as saved, and the workflow's static data (the trigger's repeat memory, now written).
	expect(Object.keys(workflow.staticData)).not.toHaveLength(0);
	const exported = JSON.stringify({
		...template,
		nodes: template.nodes.map((node) => (node.type === TRIGGER_TYPE ? trigger : node)),
		staticData: workflow.staticData,
	});
	expect(exported).not.toContain(SECRET);
	expect(exported).not.toContain(TOKEN);
});

test('a workflow saved by a pre-release build, both values in the node: they are not read, and the editor saves the workflow without them', async () => {
	const trigger = template.nodes.find((node) => node.type === TRIGGER_TYPE)!;
	const old: INode = {
		...trigger,
		credentials: undefined,
		parameters: { ...trigger.parameters, signingSecret: SECRET, urlToken: TOKEN },
	};
	const signed = { [UNCONFIRMED.webhookSignatureHeader]: signBody(BODY, SECRET) };
	const answer = await callWebhook(triggerWorkflow([old]), old, BODY, {
		headers: signed,
		query: { token: TOKEN },
	});
	expect(answer).toMatchObject({
		status: 401,
		body: { message: expect.stringMatching(/no Starshipit Webhook credential/) },
	});

	const saved = JSON.stringify(asTheEditorSaves(old));
	expect(saved).not.toContain(SECRET);
	expect(saved).not.toContain(TOKEN);
	expect(asTheEditorSaves(old).parameters).toMatchObject({ statuses: [], carrier: '' });
});

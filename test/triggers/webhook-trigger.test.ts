import { createHmac } from 'node:crypto';
import type { INode } from 'n8n-workflow';

import { UNCONFIRMED } from '../../nodes/Starshipit/transport/api-reference';
import { StarshipitWebhookApi } from '../../credentials/StarshipitWebhookApi.credentials';
import { StarshipitTrigger } from '../../nodes/StarshipitTrigger/StarshipitTrigger.node';
import {
	activationWebhookUrl,
	serveWebhook,
	triggerWorkflow,
	TRIGGER_CREDENTIALS,
	webhookUrl,
	type WebhookGuards,
} from '../harness/trigger-contexts';
import { callWebhook } from './webhook-call';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

const SECRET = 'webhook-secret-for-tests';
const { sandbox } = useSandbox();

const triggerNode = (
	parameters: INode['parameters'] = {},
	webhookId = 'b1c2d3e4-0000-4000-8000-000000000001',
): INode => ({
	id: webhookId,
	name: 'Starshipit Trigger',
	type: 'n8n-nodes-starshipit.starshipitTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId,
	parameters,
	credentials: TRIGGER_CREDENTIALS,
});
/** The trigger's Starshipit Webhook credential in most tests: a Signing Secret, no URL Token. */
const SIGNED: WebhookGuards = { signingSecret: SECRET };

/** Starts the webhook endpoint for one trigger node and points the sandbox's webhook at it. */
async function listen(
	parameters: INode['parameters'] = {},
	serveOptions: Parameters<typeof serveWebhook>[2] = {},
) {
	const node = triggerNode(parameters);
	const endpoint = await serveWebhook(triggerWorkflow([node]), node, {
		guards: SIGNED,
		...serveOptions,
	});
	sandbox.setWebhook(endpoint.url, SECRET);
	return endpoint;
}

test('a correctly signed update starts one run with the normalised payload', async () => {
	const endpoint = await listen();
	const answer = await sandbox.sendTrackingWebhook(SEED.printedOrder);
	await endpoint.close();
	expect(answer.status).toBe(200);
	const [call] = endpoint.calls;
	expect(call.result.workflowData?.[0][0].json).toMatchObject({
		order_number: SEED.printedOrder,
		tracking_number: 'SSI000000999',
		carrier: 'Australia Post',
		status: 'Printed',
		delivered: false,
	});
	expect(call.result.workflowData?.[0][0].json.raw).toBeUndefined();
});

test.each([
	['a wrong secret', { secret: 'someone-else' }],
	['no signature', { unsigned: true }],
	['a body changed after signing', { tamper: true }],
])('%s gets 401 and starts nothing', async (_name, options) => {
	const endpoint = await listen();
	const answer = await sandbox.sendTrackingWebhook(SEED.printedOrder, options);
	await endpoint.close();
	expect(answer.status).toBe(401);
	expect(endpoint.calls[0].result.workflowData).toBeUndefined();
});

test('with a secret set, a correctly signed update gets 401 and starts nothing when the raw body is unavailable', async () => {
	const endpoint = await listen({}, { keepRawBody: false });
	const answer = await sandbox.sendTrackingWebhook(SEED.printedOrder);
	await endpoint.close();
	expect(answer.status).toBe(401);
	expect(endpoint.calls[0].result).toEqual({ noWebhookResponse: true });
});

const SAMPLE_BODY = JSON.stringify({
	order_number: 'X-1',
	tracking_number: 'T1',
	tracking_status: 'InTransit',
	last_updated_date: '2026-11-25T00:00:00Z',
});
const sampleDigest = () => createHmac('sha256', SECRET).update(SAMPLE_BODY).digest();

/** Posts the sample body with this signature, in the header the node reads. */
async function sendSigned(url: string, signature: string): Promise<number> {
	const headers = {
		'content-type': 'application/json',
		[UNCONFIRMED.webhookSignatureHeader]: signature,
	};
	return (await fetch(url, { method: 'POST', headers, body: SAMPLE_BODY })).status;
}

test('uppercase hex and base64 signatures of the same digest are accepted', async () => {
	const endpoint = await listen();
	const digest = sampleDigest();
	expect(await sendSigned(endpoint.url, digest.toString('hex').toUpperCase())).toBe(200);
	expect(await sendSigned(endpoint.url, digest.toString('base64'))).toBe(200);
	const hex = digest.toString('hex');
	expect(await sendSigned(endpoint.url, hex.slice(0, 63) + (hex.endsWith('0') ? '1' : '0'))).toBe(
		401,
	);
	await endpoint.close();
});

test('a signature labelled "sha256=" is accepted in hex or base64; a wrong one so labelled is not', async () => {
	const endpoint = await listen();
	const digest = sampleDigest();
	expect(await sendSigned(endpoint.url, `sha256=${digest.toString('hex')}`)).toBe(200);
	expect(await sendSigned(endpoint.url, `SHA256=${digest.toString('base64')}`)).toBe(200);
	expect(
		await sendSigned(
			endpoint.url,
			`sha256=${createHmac('sha256', 'someone-else').update(SAMPLE_BODY).digest('hex')}`,
		),
	).toBe(401);
	expect(await sendSigned(endpoint.url, 'sha256=')).toBe(401);
	await endpoint.close();
});

test('with neither a Signing Secret nor a URL Token in the credential, no update starts a run: 401, saying what to set where', async () => {
	const endpoint = await listen({}, { guards: { signingSecret: '', urlToken: '  ' } });
	const answer = await sandbox.sendTrackingWebhook(SEED.printedOrder, { unsigned: true });
	await endpoint.close();
	expect(answer.status).toBe(401);
	expect(answer.body).toMatch(/Signing Secret or a URL Token in its Starshipit Webhook credential/);
	expect(endpoint.calls[0].result.workflowData).toBeUndefined();
});

test('with no credential chosen, no update starts a run: 401, saying to choose one', async () => {
	const { credentials: _none, ...node } = triggerNode();
	const answer = await callWebhook(triggerWorkflow([node]), node, SAMPLE_BODY, {
		headers: { [UNCONFIRMED.webhookSignatureHeader]: sampleDigest().toString('hex') },
	});
	expect(answer.status).toBe(401);
	expect(answer.body).toMatchObject({
		message: expect.stringMatching(/no Starshipit Webhook credential/),
	});
	expect(answer.result.workflowData).toBeUndefined();
});

test('a Signing Secret or URL Token left in the node by a pre-release build is not read: the credential decides', async () => {
	const node = triggerNode({
		signingSecret: SECRET,
		urlToken: 'k3Jd9-random-token-the-user-made-4Qz',
	});
	const signed = { [UNCONFIRMED.webhookSignatureHeader]: sampleDigest().toString('hex') };
	const bare: INode = { ...node, credentials: undefined };
	const withoutCredential = await callWebhook(triggerWorkflow([bare]), bare, SAMPLE_BODY, {
		headers: signed,
		query: { token: 'k3Jd9-random-token-the-user-made-4Qz' },
	});
	expect(withoutCredential.status).toBe(401);
	const withCredential = await callWebhook(triggerWorkflow([node]), node, SAMPLE_BODY, {
		headers: signed,
		guards: SIGNED,
	});
	expect(withCredential.status).toBe(200);
	expect(withCredential.result.workflowData).toBeDefined();
});

const URL_TOKEN = 'k3Jd9-random-token-the-user-made-4Qz';

test('with a URL Token and no Signing Secret: the URL with ?token= starts a run, without it or with another token 401', async () => {
	const node = triggerNode();
	const workflow = triggerWorkflow([node]);
	const send = async (query: Record<string, string>) =>
		await callWebhook(workflow, node, SAMPLE_BODY, { query, guards: { urlToken: URL_TOKEN } });
	const [right, none, wrong, longer] = [
		await send({ token: URL_TOKEN }),
		await send({}),
		await send({ token: 'guessed' }),
		await send({ token: `${URL_TOKEN}x` }),
	];
	expect([right.status, none.status, wrong.status, longer.status]).toEqual([200, 401, 401, 401]);
	expect([right, none, wrong, longer].map((answer) => Boolean(answer.result.workflowData))).toEqual(
		[true, false, false, false],
	);
});

test.each([
	['null', 'null'],
	['a list', '[{"order_number":"X-1"}]'],
	['text', 'Delivered'],
	['a number', '42'],
])('a correctly signed body that is %s answers 400 and starts nothing', async (_kind, body) => {
	const node = triggerNode();
	const answer = await callWebhook(triggerWorkflow([node]), node, body, {
		headers: {
			[UNCONFIRMED.webhookSignatureHeader]: createHmac('sha256', SECRET).update(body).digest('hex'),
		},
		guards: SIGNED,
	});
	expect(answer.status).toBe(400);
	expect(answer.body).toMatchObject({ message: expect.stringMatching(/JSON object/) });
	expect(answer.result.workflowData).toBeUndefined();
});

test('the editor: the trigger needs a Starshipit Webhook credential and its notice says the guards are set there', () => {
	const { credentials, properties } = new StarshipitTrigger().description;
	expect(credentials).toEqual([
		{ name: 'starshipitWebhookApi', required: true, testedBy: 'checkWebhookCredential' },
	]);
	const notice = properties.find(
		(property) => property.type === 'notice' && /Signing Secret/.test(property.displayName),
	);
	expect(notice?.displayName).toMatch(/Starshipit Webhook<\/b> credential/);
	expect(notice?.displayOptions).toBeUndefined();
	// The credential itself shows the warning while both are empty.
	const warning = new StarshipitWebhookApi().properties.find(
		(property) => property.type === 'notice',
	);
	expect(warning?.displayName).toMatch(/anyone who has its URL/);
	expect(warning?.displayOptions?.show).toEqual({ signingSecret: [''], urlToken: [''] });
});

test('status and carrier filters: only matching updates start a run', async () => {
	const endpoint = await listen({ statuses: ['Delivered'], carrier: 'australia post' });
	await sandbox.setOrderStatus(SEED.printedOrder, 'InTransit');
	await sandbox.setOrderStatus(SEED.printedOrder, 'Delivered');
	await endpoint.close();
	const started = endpoint.calls.filter((call) => call.result.workflowData);
	expect(endpoint.calls).toHaveLength(2);
	expect(started).toHaveLength(1);
	expect(started[0].result.workflowData?.[0][0].json).toMatchObject({
		status: 'Delivered',
		delivered: true,
	});

	const otherCarrier = await listen({ carrier: 'DHL Express' });
	await sandbox.sendTrackingWebhook(SEED.printedOrder);
	await otherCarrier.close();
	expect(otherCarrier.calls[0].result.workflowData).toBeUndefined();
});

test('the same event twice starts one run; Include Raw Payload adds the original', async () => {
	const endpoint = await listen({ options: { includeRaw: true } });
	await sandbox.sendTrackingWebhook(SEED.printedOrder);
	await sandbox.sendTrackingWebhook(SEED.printedOrder);
	await endpoint.close();
	expect(endpoint.calls.map((call) => Boolean(call.result.workflowData))).toEqual([true, false]);
	expect(endpoint.calls[0].result.workflowData?.[0][0].json.raw).toMatchObject({
		tracking_status: 'Printed',
	});
});

test('two trigger nodes get different webhook URLs (from the node description and each node’s webhookId)', () => {
	const first = triggerNode({}, '11111111-1111-4111-8111-111111111111');
	const second = { ...triggerNode({}, '22222222-2222-4222-8222-222222222222'), name: 'Second' };
	const workflow = triggerWorkflow([first, second]);
	const [firstUrl, secondUrl] = [first, second].map((node) => webhookUrl(workflow, node));
	expect(firstUrl).not.toBe(secondUrl);
	expect([firstUrl, secondUrl]).toEqual(
		[first, second].map((node) => activationWebhookUrl(workflow, node)),
	);
});

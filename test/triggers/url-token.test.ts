/**
 * A URL Token that a URL changes (issue 27): pasted raw into Starshipit, `+` arrives as a space and `&`, `#`
 * cut it short, so every update was refused with a bare "wrong token". The trigger refuses such a token
 * when the workflow is published and on every update, saying which characters and what to do.
 */
import type { INode, INodeType } from 'n8n-workflow';
import { HookContext } from 'n8n-core';

import { nodeTypes } from '../harness/node-types';
import {
	triggerWorkflow,
	TRIGGER_CREDENTIALS,
	webhookAdditionalData,
	type WebhookGuards,
} from '../harness/trigger-contexts';
import { callWebhook } from './webhook-call';

const node: INode = {
	id: 'token',
	name: 'Starshipit Trigger',
	type: 'n8n-nodes-starshipit.starshipitTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId: 'b1c2d3e4-0000-4000-8000-0000000000dd',
	parameters: {},
	credentials: TRIGGER_CREDENTIALS,
};
const BODY = JSON.stringify({
	order_number: 'SO-8',
	tracking_number: 'T8',
	carrier_name: 'Australia Post',
	tracking_status: 'InTransit',
	last_updated_date: '2026-11-27T10:00:00Z',
});

/** Each token, what a URL makes of it when pasted raw after ?token=, and the characters the message must name. */
const UNSAFE: Array<[string, string, RegExp]> = [
	['k3Jd9+random+token-made-by-hand-4Qz', 'k3Jd9 random token-made-by-hand-4Qz', /"\+"/],
	['k3Jd9&random-token-made-by-hand-4Qz', 'k3Jd9', /"&"/],
	['k3Jd9#random-token-made-by-hand-4Qz', 'k3Jd9', /"#"/],
	['k3Jd9%41random-token-made-by-hand-4Qz', 'k3Jd9Arandom-token-made-by-hand-4Qz', /"%"/],
	['k3Jd9 random token made by hand 4Qz', 'k3Jd9 random token made by hand 4Qz', /spaces/],
];

async function activate(guards: WebhookGuards): Promise<void> {
	const context = new HookContext(
		triggerWorkflow([node]),
		node,
		webhookAdditionalData(guards),
		'trigger',
		'activate',
	);
	await (nodeTypes.getByName(node.type) as INodeType).webhookMethods!.default!.checkExists!.call(
		context,
	);
}

test.each(UNSAFE)(
	'token %j: every update is refused with a message that names the problem, not the token',
	async (urlToken, arrives, named) => {
		for (const token of [arrives, urlToken]) {
			const answer = await callWebhook(triggerWorkflow([node]), node, BODY, {
				query: { token },
				guards: { urlToken },
			});
			expect(answer.status).toBe(401);
			expect(answer.result.workflowData).toBeUndefined();
			const message = String((answer.body as { message?: string }).message);
			expect(message).toMatch(named);
			expect(message).toMatch(/URL Token .* a URL changes.*only letters, digits, - and _/);
			expect(message).not.toContain(urlToken);
		}
	},
);

test.each(UNSAFE)(
	'token %j: publishing the workflow stops with the same reason',
	async (urlToken, _arrives, named) => {
		await expect(activate({ urlToken })).rejects.toThrow(named);
		await expect(activate({ urlToken })).rejects.toThrow(/only letters, digits, - and _/);
	},
);

test('a URL-safe token, a Signing Secret alone, or no credential: publishing goes ahead', async () => {
	await expect(
		activate({ urlToken: 'k3Jd9-random_token.the~user-made-4Qz' }),
	).resolves.toBeUndefined();
	await expect(activate({ signingSecret: 'whsec+with/any=characters' })).resolves.toBeUndefined();
	const bare = { ...node, credentials: undefined };
	const context = new HookContext(
		triggerWorkflow([bare]),
		bare,
		webhookAdditionalData({}),
		'trigger',
		'activate',
	);
	await expect(
		(nodeTypes.getByName(node.type) as INodeType).webhookMethods!.default!.checkExists!.call(
			context,
		),
	).resolves.toBe(true);
});

/**
 * Deliveries arriving together, with static data loaded and saved per request as n8n does (issue 27): n8n's
 * webhook server loads the workflow's static data for each request (live-webhooks.ts), runs the trigger, and
 * saves the whole of it afterwards (WorkflowStaticDataService.saveStaticData: one UPDATE, the last save wins).
 * Modelled here by a saved copy that every request loads at the same moment and saves after all have answered,
 * in either order. Before process-memory.ts, 19 of 20 updates were missing from the saved memory, and resent
 * 11 minutes later they started 19 runs again.
 */
import { createHmac } from 'node:crypto';
import type { IDataObject, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { UNCONFIRMED } from '../../nodes/Starshipit/transport/api-reference';
import { nodeTypes } from '../harness/node-types';
import { TRIGGER_CREDENTIALS } from '../harness/trigger-contexts';
import { callWebhook } from './webhook-call';

const SECRET = 'webhook-secret-for-simultaneous-tests';
const node: INode = {
	id: 'simultaneous',
	name: 'Starshipit Trigger',
	type: 'n8n-nodes-starshipit.starshipitTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId: 'b1c2d3e4-0000-4000-8000-0000000000ee',
	parameters: {},
	credentials: TRIGGER_CREDENTIALS,
};
const signed = (body: string) => ({
	headers: {
		[UNCONFIRMED.webhookSignatureHeader]: createHmac('sha256', SECRET).update(body).digest('hex'),
	},
	guards: { signingSecret: SECRET },
});
const update = (order: number, status = 'InTransit') =>
	JSON.stringify({
		order_number: `SO-${order}`,
		tracking_number: `T${order}`,
		carrier_name: 'Australia Post',
		tracking_status: status,
		last_updated_date: '2026-11-27T10:00:00Z',
	});

let workflowsMade = 0;

/** One published workflow as n8n's database holds it: its static data, saved as JSON. */
function savedWorkflow() {
	const id = `simultaneous-${++workflowsMade}`;
	let saved = '{}';
	/** Requests arriving together: each loads the saved static data first, then all run, then each saves (n8n saves only what changed). */
	async function together(
		bodies: string[],
		saveOrder: 'first-to-last' | 'last-to-first' = 'first-to-last',
	) {
		const workflows = bodies.map(
			() =>
				new Workflow({
					id,
					nodes: [node],
					connections: {},
					nodeTypes,
					active: true,
					staticData: JSON.parse(saved) as IDataObject,
					settings: {},
				}),
		);
		const answers = await Promise.all(
			bodies.map((body, index) => callWebhook(workflows[index], node, body, signed(body))),
		);
		const saving = saveOrder === 'first-to-last' ? workflows : [...workflows].reverse();
		for (const workflow of saving)
			if (workflow.staticData.__dataChanged === true) saved = JSON.stringify(workflow.staticData);
		return answers.filter((answer) => answer.result.workflowData).length;
	}
	/** Each request alone, one after the other. */
	async function oneByOne(bodies: string[]) {
		let runs = 0;
		for (const body of bodies) runs += await together([body]);
		return runs;
	}
	return { together, oneByOne };
}

/** The test's clock: it only moves forward, as a real one, so what a process keeps for 10 minutes expires as it would. */
let offset = 0;
const realNow = Date.now.bind(Date);
beforeAll(() => jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset));
afterAll(() => jest.restoreAllMocks());
/** The clock moves on, past anything a process keeps in memory (10 minutes). */
const minutesLater = (minutes: number) => void (offset += minutes * 60_000);

const twenty = Array.from({ length: 20 }, (_unused, index) => update(index));

test.each(['first-to-last', 'last-to-first'] as const)(
	'20 updates arriving together (saved %s) start 20 runs, and resent 11 minutes later none',
	async (saveOrder) => {
		const workflow = savedWorkflow();
		expect(await workflow.together(twenty, saveOrder)).toBe(20);
		minutesLater(11);
		expect(await workflow.together(twenty, saveOrder)).toBe(0);
		expect(await workflow.oneByOne(twenty)).toBe(0);
	},
);

test('2 updates together, then each resent alone 11 minutes later: no repeat', async () => {
	const workflow = savedWorkflow();
	expect(await workflow.together([update(1), update(2)], 'last-to-first')).toBe(2);
	minutesLater(11);
	expect(await workflow.oneByOne([update(1), update(2)])).toBe(0);
});

test('the same update twice together starts one run; a newer status of the same shipment still starts one', async () => {
	const workflow = savedWorkflow();
	expect(await workflow.together([update(7), update(7)])).toBe(1);
	expect(
		await workflow.together([update(7), update(7, 'Delivered').replace('10:00', '11:00')]),
	).toBe(1);
});

test('in waves: 5 groups of 20 arriving together, each group loading what the last saved, then all 100 resent: none starts again', async () => {
	const workflow = savedWorkflow();
	const hundred = Array.from({ length: 100 }, (_unused, index) => update(1000 + index));
	let runs = 0;
	for (let wave = 0; wave < 5; wave++)
		runs += await workflow.together(
			hundred.slice(wave * 20, wave * 20 + 20),
			wave % 2 ? 'last-to-first' : 'first-to-last',
		);
	expect(runs).toBe(100);
	minutesLater(11);
	expect(await workflow.together(hundred)).toBe(0);
});

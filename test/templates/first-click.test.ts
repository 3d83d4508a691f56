/**
 * "Execute workflow" at the first click runs the sample data: the trigger n8n's editor picks is the Manual Trigger,
 * or a trigger with sample data pinned (n8n then runs on the pinned data instead of waiting for a call). Templates 1
 * and 7 have several triggers: the one picked runs the template's subject (1: the import of the sample orders; 7: a
 * failure kept in the Data table, then replayed). The runs themselves, first and second click, are in real n8n in
 * test/e2e/first-click.e2e.test.ts. And the canvas is tidy: no node sits on a sticky note.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { autoSelectedTrigger } from '../harness/editor-rules';

interface TemplateNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: Record<string, any>;
	disabled?: boolean;
}
interface Template {
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	pinData?: Record<string, Array<{ json: any }>>;
}

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const all = readdirSync(TEMPLATES)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map(
		(file) => [file, JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as Template] as const,
	);
// Templates 2-6 and the WooCommerce one (the demo has its store); 9 needs a Shopify store, 0, 1 and 7 have tests below.
const templates = all.filter(([file]) => /^[2-68]-/.test(file));
const template = (number: number) => all.find(([file]) => file.startsWith(`${number}-`))![1];

test('templates 2 to 6 and 8 are all here', () => expect(templates).toHaveLength(6));

test.each(templates)(
	'%s: the trigger Execute workflow starts from runs sample data',
	(_file, workflow) => {
		const trigger = autoSelectedTrigger(workflow.nodes);
		expect(trigger).toBeDefined();
		const pinned = (workflow.pinData ?? {})[trigger!.name];
		if (trigger!.type !== 'n8n-nodes-base.manualTrigger') expect(pinned?.length).toBeGreaterThan(0);
	},
);

/** The nodes a run from `start` reaches, in the order they are first reached (every output followed). */
function reached(workflow: Template, start: string): string[] {
	const seen: string[] = [];
	const queue = [start];
	while (queue.length) {
		const name = queue.shift()!;
		if (seen.includes(name)) continue;
		seen.push(name);
		queue.push(...(workflow.connections[name]?.main ?? []).flat().map((target) => target.node));
	}
	return seen;
}

test('1: Execute workflow imports the sample orders pinned on the shop’s call (not the tracking rows)', () => {
	const workflow = template(1);
	const trigger = autoSelectedTrigger(workflow.nodes)!;
	expect(trigger.type).toBe('n8n-nodes-base.webhook');
	expect(reached(workflow, trigger.name)).toContain('Import into Starshipit');
	expect(reached(workflow, trigger.name)).not.toContain('Write tracking back to your shop');
	const call = workflow.pinData![trigger.name][0].json;
	expect(call.body.orders.map((order: { number: string }) => order.number)).toEqual([
		'WEB-1001',
		'WEB-1002',
		'WEB-1003',
	]);
	// The pinned call holds the same orders as the manual sample (what `n8n execute` and the Test button send).
	const manual = JSON.parse(
		workflow.nodes.find((node) => node.name === 'Orders from your shop')!.parameters
			.jsonOutput as string,
	);
	expect(call.body.orders).toEqual(manual.orders);
});

test('7: Execute workflow keeps a sample failure in the Data table, then replays it; only a run from the editor does', () => {
	const workflow = template(7);
	const trigger = autoSelectedTrigger(workflow.nodes)!;
	const path = reached(workflow, trigger.name);
	expect(path.indexOf('Keep the sample failure')).toBeGreaterThan(0);
	expect(path.indexOf('Replay the failed request')).toBeGreaterThan(
		path.indexOf('Keep the sample failure'),
	);
	const gate = workflow.nodes.find((node) => node.name === 'Clicked in the editor?')!;
	expect(JSON.stringify(gate.parameters)).toContain('$execution.mode');
	// True (a run from the editor) goes through the sample; false (published, every 15 minutes) straight to the replay.
	expect(workflow.connections[gate.name].main[0].map((target) => target.node)).toEqual([
		'A failed request (sample)',
	]);
	expect(workflow.connections[gate.name].main[1].map((target) => target.node)).toEqual([
		'Pending failed requests',
	]);
	// The sample's replay is the order of "Order from your system", as Create or Update would have stored it.
	const sample = JSON.parse(
		workflow.nodes.find((node) => node.name === 'A failed request (sample)')!.parameters
			.jsonOutput as string,
	);
	const order = JSON.parse(
		workflow.nodes.find((node) => node.name === 'Order from your system')!.parameters
			.jsonOutput as string,
	);
	expect(sample.details.replay).toMatchObject({
		resource: 'order',
		operation: 'createOrUpdate',
		parameters: { orderNumber: order.number, itemsList: order.lines },
	});
	// The sample is kept by the same Data table insert as a real failure.
	const keep = (name: string) => workflow.nodes.find((node) => node.name === name)!.parameters;
	expect(keep('Keep the sample failure')).toEqual(keep('Keep the failed request'));
});

/**
 * n8n's canvas draws a node as a 100 × 100 box at its position, with its name under it (about 40 px, a little wider
 * than the box), and a sticky note as its width × height from its position (default 240 × 160).
 */
function nodeBox(node: TemplateNode) {
	const [x, y] = node.position;
	return { left: x - 20, top: y, right: x + 120, bottom: y + 140 };
}
function stickyBox(node: TemplateNode) {
	const [x, y] = node.position;
	return {
		left: x,
		top: y,
		right: x + Number(node.parameters.width ?? 240),
		bottom: y + Number(node.parameters.height ?? 160),
	};
}
const overlap = (a: ReturnType<typeof nodeBox>, b: ReturnType<typeof nodeBox>) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test.each(all)('%s: no node sits on a sticky note', (_file, workflow) => {
	const stickies = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
	const nodes = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
	const covered = stickies.flatMap((sticky) =>
		nodes
			.filter((node) => overlap(nodeBox(node), stickyBox(sticky)))
			.map((node) => `${node.name} on ${sticky.name}`),
	);
	expect(covered).toEqual([]);
});

/**
 * Template 1 as a user opens it: the poll triggers run every 15 minutes (n8n's own interval, no cron
 * text), the write-back alert has its branch, and the canvas's big "Execute workflow" button never waits
 * for a call that does not come. n8n 2.40's editor picks the trigger that button starts from by type:
 * community triggers (ours) come before the Manual Trigger, so each of ours carries pinned sample data,
 * which a manual run uses instead of waiting (pinned data is ignored by published runs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, any>;
}
const template = JSON.parse(
	readFileSync(
		join(__dirname, '../../templates/1-import-print-in-starshipit-tracking-back.json'),
		'utf8',
	),
) as {
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	pinData?: Record<string, unknown[]>;
};
const starshipitTriggers = template.nodes.filter(
	(node) => node.type.startsWith('n8n-nodes-starshipit.') && /Trigger$/.test(node.type),
);

test('the poll triggers run every 15 minutes in n8n’s own interval mode', () => {
	const polls = starshipitTriggers.filter((node) => node.type.endsWith('PollTrigger'));
	expect(polls.length).toBeGreaterThanOrEqual(2);
	for (const node of polls)
		expect(node.parameters.pollTimes).toEqual({
			item: [{ mode: 'everyX', value: 15, unit: 'minutes' }],
		});
});

test('every Starshipit trigger the Execute workflow button may pick has sample data pinned, so a click never waits', () => {
	expect(starshipitTriggers).toHaveLength(3);
	for (const node of starshipitTriggers)
		expect(template.pinData?.[node.name]?.length).toBeGreaterThan(0);
});

test('a failed write-back to the shop has its own alert branch', () => {
	const alert = template.nodes.find((node) => node.parameters.event === 'writebackFailed')!;
	expect(template.connections[alert.name].main[0][0].node).toBe('Alert your team');
});

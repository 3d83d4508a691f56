/**
 * A template run twice on the same sample must not fail: every template that prints a label (Label > Create) first
 * asks "Already printed?" and sends printed orders to Label > Reprint. The runs themselves (first and second, with the
 * PDF from the reprint) are checked in real n8n by test/e2e/templates.e2e.test.ts; this is the fast check of the wiring.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, any>;
}
interface Template {
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const printing = readdirSync(TEMPLATES)
	// The six patterns leave their sample order printed. Template 0 archives what it made at the end of each run.
	.filter((file) => /^[1-6]-.*\.json$/.test(file))
	.map(
		(file) => [file, JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as Template] as const,
	)
	.filter(([, template]) => template.nodes.some(isLabel('create')));

function isLabel(operation: string) {
	return (node: TemplateNode) =>
		node.type === 'n8n-nodes-starshipit.starshipit' &&
		node.parameters.resource === 'label' &&
		node.parameters.operation === operation;
}

/** Every node reachable from `start` along the given outputs of the first node, then along every output. */
function reachable(template: Template, start: string, firstOutput: number): Set<string> {
	const seen = new Set<string>();
	const next = (name: string, outputs?: number) =>
		(template.connections[name]?.main ?? [])
			.flatMap((targets, index) => (outputs === undefined || index === outputs ? targets : []))
			.map((target) => target.node);
	const queue = next(start, firstOutput);
	while (queue.length) {
		const name = queue.shift()!;
		if (seen.has(name)) continue;
		seen.add(name);
		queue.push(...next(name));
	}
	return seen;
}

test('the templates that print a label are 2, 4 and 5', () => {
	expect(printing.map(([file]) => file.split('-')[0]).sort()).toEqual(['2', '4', '5']);
});

test.each(printing)(
	'%s: printed orders go to Label > Reprint, never to Label > Create',
	(_file, template) => {
		const gate = template.nodes.find((node) => node.name === 'Already printed?');
		expect(gate?.type).toBe('n8n-nodes-base.if');
		const whenPrinted = reachable(template, gate!.name, 0);
		const whenNot = reachable(template, gate!.name, 1);
		const names = (match: (node: TemplateNode) => boolean) =>
			template.nodes.filter(match).map((node) => node.name);
		for (const reprint of names(isLabel('reprint'))) expect(whenPrinted).toContain(reprint);
		expect(names(isLabel('reprint')).length).toBeGreaterThan(0);
		for (const create of names(isLabel('create'))) {
			expect(whenPrinted).not.toContain(create);
			expect(whenNot).toContain(create);
		}
		// Nothing that changes the order (Order > Update, Create or Update) comes after the gate on the printed branch.
		for (const write of names(
			(node) =>
				node.parameters.resource === 'order' &&
				['update', 'createOrUpdate'].includes(node.parameters.operation),
		)) {
			expect(whenPrinted).not.toContain(write);
		}
	},
);

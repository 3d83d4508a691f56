/**
 * What a new user sees of the nodes in n8n's editor before running anything: the node panel's entry,
 * the canvas subtitle, the order picker's modes and the Docs link. Checked on the node descriptions
 * with n8n-workflow's own expression engine and n8n's editor rules (cited where they are used).
 */
import type { INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { nodeTypes } from '../harness/node-types';
import { Starshipit } from '../../nodes/Starshipit/Starshipit.node';
import { StarshipitTrigger } from '../../nodes/StarshipitTrigger/StarshipitTrigger.node';
import { StarshipitPollTrigger } from '../../nodes/StarshipitPollTrigger/StarshipitPollTrigger.node';
import actionCodex from '../../nodes/Starshipit/Starshipit.node.json';
import triggerCodex from '../../nodes/StarshipitTrigger/StarshipitTrigger.node.json';
import pollCodex from '../../nodes/StarshipitPollTrigger/StarshipitPollTrigger.node.json';

const action = new Starshipit().description;
const triggers = [new StarshipitTrigger().description, new StarshipitPollTrigger().description];

/**
 * n8n's node panel (editor-ui useActionsGeneration, generateMergedNodesAndActions) folds a trigger whose
 * name minus "Trigger" is an action node's name into that node's entry, and shows the trigger's description
 * on it. This returns the entries and descriptions the panel shows for the package.
 */
function panelEntries(
	app: INodeTypeDescription,
	triggerNodes: INodeTypeDescription[],
): Array<{ name: string; description: string }> {
	const entries = [{ name: app.name, description: app.description }];
	for (const trigger of triggerNodes) {
		if (trigger.name.replace('Trigger', '') === app.name)
			entries[0].description = trigger.description;
		else entries.push({ name: trigger.name, description: trigger.description });
	}
	return entries;
}

describe('the node panel', () => {
	test('the Starshipit entry reads as the action node: its own description (print labels…), not “Starts the workflow when…”', () => {
		const [first] = panelEntries(action, triggers);
		expect(first.name).toBe('starshipit');
		expect(first.description.startsWith(action.description)).toBe(true);
		expect(first.description).toMatch(/print labels/);
	});

	test('searching for what a user wants to do (labels, shipping, tracking) finds the action node', () => {
		const alias = (actionCodex as { alias?: string[] }).alias ?? [];
		for (const word of ['label', 'shipping', 'tracking', 'courier', 'manifest'])
			expect(alias.join(' ').toLowerCase()).toContain(word);
	});

	test('the Docs link opens this package’s README on its repository (which links Starshipit’s user guide), not the developer API reference', () => {
		for (const codex of [actionCodex, triggerCodex, pollCodex]) {
			const docs = codex.resources.primaryDocumentation.map((link) => link.url);
			expect(docs.join(' ')).toMatch(
				/^https:\/\/github\.com\/n8n-nodes-starshipit\/n8n-nodes-starshipit#[a-z-]+$/,
			);
			expect(docs.join(' ')).not.toContain('api-docs');
		}
	});
});

describe('the canvas and the fields', () => {
	/** The subtitle as the editor shows it: n8n-workflow evaluates the expression against the node's parameters. */
	function subtitle(resource: string, operation: string): unknown {
		const node: INode = {
			id: '1',
			name: 'Starshipit',
			type: 'n8n-nodes-starshipit.starshipit',
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource, operation },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
		return workflow.expression.getSimpleParameterValue(
			node,
			action.subtitle as string,
			'internal',
			{},
		);
	}

	test.each([
		['order', 'createOrUpdate', 'Create or Update: Order'],
		['label', 'create', 'Create: Label'],
		['rate', 'getRates', 'Get Rates: Rate'],
		['product', 'sync', 'Sync: Product'],
	])('the canvas subtitle of %s › %s reads “%s”', (resource, operation, expected) => {
		expect(subtitle(resource, operation)).toBe(expected);
	});

	test('the order picker’s modes fit the editor’s mode selector (no longer than n8n’s own “From List”)', () => {
		const locators = action.properties.filter(
			(property): property is INodeProperties & { modes: NonNullable<INodeProperties['modes']> } =>
				property.type === 'resourceLocator' && Boolean(property.modes),
		);
		expect(locators.length).toBeGreaterThan(0);
		for (const locator of locators)
			for (const mode of locator.modes)
				expect(mode.displayName.length).toBeLessThanOrEqual('From List'.length);
	});
});

/**
 * Rules of n8n's editor (editor-ui, not published as a package) that decide what a new user sees, restated for
 * tests from n8n's source. Keep each beside a citation so it can be checked against a newer n8n.
 */

interface TemplateNode {
	name: string;
	type: string;
	disabled?: boolean;
}

/**
 * n8n's own triggers in its "Core Nodes" codex category (besides those with a priority below): the editor ranks
 * them 0. n8n's app triggers (WooCommerce, Shopify, ...) are not core: like community triggers, they rank 8.
 */
const CORE_TRIGGERS = new Set([
	'n8n-nodes-base.n8nTrigger',
	'n8n-nodes-base.localFileTrigger',
	'n8n-nodes-base.emailReadImap',
	'n8n-nodes-base.sseTrigger',
	'n8n-nodes-base.rssFeedReadTrigger',
	'n8n-nodes-base.mcpTrigger',
]);

/**
 * The trigger the big "Execute workflow" button starts from when a workflow is opened (editor-ui
 * `findTriggerNodeToAutoSelect`): Form Trigger 10, Webhook 9, other apps' triggers 8 (any node not in the "Core
 * Nodes" codex category, n8n's own app triggers included), Schedule 7, Manual 6, Execute Workflow Trigger 5, Error
 * Trigger 4, other core triggers 0. The sort is stable: among equals, the first in the workflow's node list wins.
 */
export function autoSelectedTrigger(nodes: TemplateNode[]): TemplateNode | undefined {
	const priorities: Record<string, number> = {
		'n8n-nodes-base.formTrigger': 10,
		'n8n-nodes-base.webhook': 9,
		'n8n-nodes-base.scheduleTrigger': 7,
		'n8n-nodes-base.manualTrigger': 6,
		'n8n-nodes-base.executeWorkflowTrigger': 5,
		'n8n-nodes-base.errorTrigger': 4,
	};
	const isTrigger = (node: TemplateNode) => node.type in priorities || /trigger$/i.test(node.type);
	const priority = (node: TemplateNode) =>
		priorities[node.type] ?? (CORE_TRIGGERS.has(node.type) ? 0 : 8);
	return nodes
		.filter(isTrigger)
		.sort((a, b) => priority(b) - priority(a))
		.find((node) => !node.disabled);
}

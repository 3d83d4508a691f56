import type {
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
	INodeExecutionData,
	IExecuteFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { Starshipit } from '../../nodes/Starshipit/Starshipit.node';

/**
 * Stands in for n8n's Manual Trigger + a "set items" node: starts the workflow and emits the
 * items a test gives it in its `items` parameter, so the node under test sees real input items.
 */
class TestItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['trigger'],
		version: 1,
		description: 'Emits the items of its parameter',
		defaults: { name: 'Input' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | object[];
		const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as object[];
		return [list.map((json) => ({ json: json as INodeExecutionData['json'] }))];
	}
}

/**
 * The node as an AI agent's tool: n8n builds `<name>Tool` from a `usableAsTool` node by cloning it with the name
 * suffixed (n8n's NodeTypes.getByNameAndVersion and convertNodeToAiTool). Outputs stay `main` here so the test
 * engine runs its execute as a tool call does.
 */
function asAiTool(node: INodeType): INodeType {
	const description = {
		...node.description,
		name: `${node.description.name}Tool`,
		displayName: `${node.description.displayName} Tool`,
	};
	return Object.create(node, { description: { value: description } }) as INodeType;
}

const registry: Record<string, INodeType> = {
	'n8n-nodes-starshipit.starshipit': new Starshipit(),
	'n8n-nodes-starshipit.starshipitTool': asAiTool(new Starshipit()),
	'test.testItems': new TestItems(),
};

/** Registers further node types (the triggers) under their package-qualified name. */
export function registerNodeType(type: string, node: INodeType): void {
	registry[type] = node;
}

export const nodeTypes: INodeTypes = {
	getByName(type: string): INodeType | IVersionedNodeType {
		const node = registry[type];
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	},
	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type) as INodeType;
	},
	getKnownTypes() {
		return {};
	},
} as INodeTypes;

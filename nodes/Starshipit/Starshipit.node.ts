import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources, route } from './actions/router';
import { loadOptions, listSearch } from './methods';

const RESOURCE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Failed Request', value: 'failedRequest', description: 'Run a failed write again from its error item, safely' },
	{ name: 'Label', value: 'label', description: 'Print shipping labels and get label files' },
	{ name: 'Manifest', value: 'manifest', description: 'Hand printed orders over to the carrier' },
	{ name: 'Order', value: 'order', description: 'Orders waiting to be shipped, or shipped' },
	{ name: 'Product', value: 'product', description: 'The Product Catalogue: SKUs, weights, dimensions, customs data' },
	{ name: 'Rate', value: 'rate', description: 'Live shipping prices and the delivery services available' },
	{ name: 'Tracking', value: 'tracking', description: 'Where a shipment is now' },
];

export class Starshipit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Starshipit',
		name: 'starshipit',
		icon: { light: 'file:starshipit.svg', dark: 'file:starshipit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and update orders, get rates, print labels, manifest, track shipments and sync products in Starshipit',
		defaults: { name: 'Starshipit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'starshipitApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCE_OPTIONS,
				default: 'order',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			{
				displayName: 'Read-Only Mode',
				name: 'readOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to refuse every operation that would change Starshipit (useful when an AI agent uses this node as a tool)',
			},
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}

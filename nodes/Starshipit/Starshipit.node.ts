import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources, route } from './actions/router';
import { checkTargetAccountCredential } from './transport';
import { loadOptions, listSearch } from './methods';

/**
 * In the order of a shipping day, not alphabetical: n8n's node panel lists the actions resource by
 * resource in this order, so it opens with orders and ends with Failed Request (issue 26). Values are
 * what saved workflows hold: never change them.
 */
const RESOURCE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Order', value: 'order', description: 'Orders waiting to be shipped, or shipped' },
	{
		name: 'Rate',
		value: 'rate',
		description: 'Live shipping prices and the delivery services available',
	},
	{
		name: 'Label',
		value: 'label',
		description: 'Print shipping labels and packing slips, and get label files',
	},
	{ name: 'Manifest', value: 'manifest', description: 'Hand printed orders over to the carrier' },
	{ name: 'Tracking', value: 'tracking', description: 'Where a shipment is now' },
	{
		name: 'Product',
		value: 'product',
		description: 'The Product Catalogue: SKUs, weights, dimensions, customs data',
	},
	{
		name: 'Address Book',
		value: 'addressBook',
		description: 'Saved addresses: your warehouses, return desks and regular customers',
	},
	{
		name: 'Failed Request',
		value: 'failedRequest',
		description: 'Run a failed write again from its error item, safely',
	},
];

/** "Create or Update: Order" rather than the stored values ("createOrUpdate: order"): each pair's labels, looked up on the canvas. */
function canvasSubtitle(): string {
	const labels: Record<string, string> = {};
	for (const resource of RESOURCE_OPTIONS) {
		const picker = resources[String(resource.value)]?.description.find(
			(property) => property.name === 'operation',
		);
		for (const operation of (picker?.options ?? []) as INodePropertyOptions[])
			labels[`${String(resource.value)}:${String(operation.value)}`] =
				`${operation.name}: ${resource.name}`;
	}
	return `={{ ${JSON.stringify(labels)}[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] + ": " + $parameter["resource"] }}`;
}
const CANVAS_SUBTITLE = canvasSubtitle();

export class Starshipit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Starshipit',
		name: 'starshipit',
		icon: { light: 'file:starshipit.svg', dark: 'file:starshipit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: CANVAS_SUBTITLE,
		description:
			'Create and update orders, get rates, print labels, manifest, track shipments and sync products in Starshipit',
		defaults: { name: 'Starshipit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'starshipitApi', required: true },
			// The account Order > Assign to Another Account moves orders to: a type of its own, as n8n lists a type once.
			{
				name: 'starshipitTargetAccountApi',
				required: true,
				testedBy: 'checkTargetAccountCredential',
				displayOptions: { show: { resource: ['order'], operation: ['assign'] } },
			},
		],
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
				// Only where it helps: in the AI-agent tool form (n8n's @tool display rule), on by default. In a workflow a
				// user picks the operation, so a switch that only refuses it is left out of the form.
				displayName: 'Read-Only Mode',
				name: 'readOnly',
				type: 'boolean',
				default: true,
				displayOptions: { show: { '@tool': [true] } },
				description:
					'Whether to refuse every operation that would change Starshipit (create, update, print, manifest, delete), so the agent can only read. Turn it off only if the agent may make changes.',
			},
		],
	};

	methods = { loadOptions, listSearch, credentialTest: { checkTargetAccountCredential } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}

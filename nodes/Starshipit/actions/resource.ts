import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule, ResourceModule } from './types';

export interface OperationEntry {
	/** Shown in the operation list, e.g. "Create". */
	name: string;
	/** Value stored in the workflow, e.g. "create". */
	value: string;
	/** One sentence an AI agent can act on. */
	description: string;
	/** Text shown on the canvas, e.g. "Create an order". */
	action: string;
	module: OperationModule;
}

/** Builds a resource from its operations: the picker first, then each operation's own fields. */
export function defineResource(
	resource: string,
	defaultOperation: string,
	entries: OperationEntry[],
): ResourceModule {
	const options: INodePropertyOptions[] = entries.map(({ name, value, description, action }) => ({
		name,
		value,
		description,
		action,
	}));
	const picker: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	const fields = entries.flatMap(({ value, module }) =>
		module.description.map((property) => ({
			...property,
			displayOptions: {
				...property.displayOptions,
				show: { ...property.displayOptions?.show, resource: [resource], operation: [value] },
			},
		})),
	);
	return {
		description: [picker, ...fields],
		operations: Object.fromEntries(entries.map(({ value, module }) => [value, module])),
	};
}

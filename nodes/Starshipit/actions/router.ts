import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failedRequestResource } from './failedRequest';
import { withSupportFields, withSupportFieldsOnError } from './failures/support-fields';
import { operationResources } from './operations';
import type { ResourceModule } from './types';

export const resources: Record<string, ResourceModule> = {
	...operationResources,
	failedRequest: failedRequestResource,
};

/** Picks the operation the user chose and runs it over all input items. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation === '__CUSTOM_API_CALL__') {
		throw new NodeOperationError(
			this.getNode(),
			'Custom API calls are not supported by this node',
			{
				description:
					'Use the HTTP Request node with the "Starshipit API" credential for endpoints this node does not cover.',
			},
		);
	}
	const module = resources[resource]?.operations[operation];
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not known`,
		);
	}
	// An agent's tool (type `…starshipitTool`) is read-only unless turned off; a workflow node only if it was set.
	const readOnlyByDefault = this.getNode().type.endsWith('Tool');
	if (module.writes && this.getNodeParameter('readOnly', 0, readOnlyByDefault) === true) {
		throw new NodeOperationError(
			this.getNode(),
			`Read-only mode is on: "${operation}" would change Starshipit, so it was refused`,
			{
				description: 'Turn "Read-Only Mode" off on this node to allow changes.',
			},
		);
	}
	const failed = { resource, operation, module };
	try {
		return [withSupportFields.call(this, failed, await module.execute.call(this, items))];
	} catch (error) {
		throw withSupportFieldsOnError.call(this, failed, error);
	}
}

import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
} from 'n8n-workflow';

import { runWorkflow, type NodeRunResult } from '../harness/run-workflow';
import { SANDBOX_OTHER_ACCOUNT_API_KEY } from '../sandbox';

/** The name the user gave the target credential: what the output calls the other account. */
export const TARGET_CREDENTIAL_NAME = 'Warehouse B';

export interface AssignRun {
	parameters: IDataObject;
	input?: IDataObject[];
	/** The Starshipit API credential (sandboxCredentials). */
	credentials: ICredentialDataDecryptedObject;
	/** The Starshipit Target Account credential's data; null: none chosen on the node. */
	target?: ICredentialDataDecryptedObject | null;
	continueOnFail?: boolean;
}

/**
 * Input → Starshipit (Order > Assign to Another Account) through n8n's engine, with both credentials chosen on the
 * node as the editor saves them: runNode's twin for a node with a second credential.
 */
export async function runAssign(options: AssignRun): Promise<NodeRunResult> {
	const target =
		options.target === undefined ? { apiKey: SANDBOX_OTHER_ACCOUNT_API_KEY } : options.target;
	const parameters: IDataObject = { resource: 'order', operation: 'assign', ...options.parameters };
	const nodes: INode[] = [
		{
			id: 'input',
			name: 'Input',
			type: 'test.testItems',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.input ?? [{}]) },
		},
		{
			id: 'node',
			name: 'Starshipit',
			type:
				parameters.readOnly === undefined
					? 'n8n-nodes-starshipit.starshipit'
					: 'n8n-nodes-starshipit.starshipitTool',
			typeVersion: 1,
			position: [200, 0],
			parameters: parameters as INode['parameters'],
			credentials: {
				starshipitApi: { id: 'cred-1', name: 'Starshipit sandbox' },
				...(target
					? { starshipitTargetAccountApi: { id: 'cred-2', name: TARGET_CREDENTIAL_NAME } }
					: {}),
			},
			onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
		},
	];
	const connections: IConnections = {
		Input: { main: [[{ node: 'Starshipit', type: 'main', index: 0 }]] },
	};
	const credentials = {
		starshipitApi: options.credentials,
		...(target ? { starshipitTargetAccountApi: target } : {}),
	};
	const run = await runWorkflow({ nodes, connections }, credentials);
	const taskData = run.data.resultData.runData.Starshipit?.[0];
	const error = taskData?.error ?? run.data.resultData.error;
	return {
		items: taskData?.data?.main?.[0] ?? [],
		errorItems: taskData?.data?.main?.[1] ?? [],
		error: error ? (error as unknown as NodeRunResult['error']) : undefined,
		run,
	};
}

/** Orders picked by number, one per input item, as the Order field maps them. */
export const orderFromItem = {
	order: { __rl: true, mode: 'orderNumber', value: '={{ $json.number }}' },
};
/** Orders picked by Starshipit ID, one per input item. */
export const orderIdFromItem = { order: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };

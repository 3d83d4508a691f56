import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { createAdditionalData } from './additional-data';
import { nodeTypes } from './node-types';
import { ensureBinaryDataService } from './binary-data';

export interface WorkflowDefinition {
	nodes: INode[];
	connections: IConnections;
}

/** The running execution, as n8n holds it: `cancel()` is how n8n stops an execution. */
export type RunningExecution = ReturnType<WorkflowExecute['processRunExecutionData']>;

/**
 * Runs a workflow through n8n-core's WorkflowExecute, the engine n8n itself runs, with
 * credentials held in memory. Node code is the real code; HTTP goes wherever the credential
 * points (the sandbox on loopback).
 */
export async function runWorkflow(
	workflowData: WorkflowDefinition,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	mode: WorkflowExecuteMode = 'manual',
	onStart?: (execution: RunningExecution) => void,
): Promise<IRun> {
	await ensureBinaryDataService();
	const workflow = new Workflow({
		id: 'test',
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks(mode, '1', {
		id: 'test',
		nodes: workflowData.nodes,
		connections: workflowData.connections,
	} as never);
	let resolveRun: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const additionalData = createAdditionalData(credentials, hooks);
	// The first node starts the run, as a Manual Trigger does in the editor.
	const startNode = workflow.getNode(workflowData.nodes[0].name);
	if (!startNode) throw new Error('The test workflow has no nodes');
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	} as unknown as IRunExecutionData;
	const execution = new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	onStart?.(execution);
	await execution;
	return await finished;
}

export interface RunNodeOptions {
	parameters: IDataObject;
	input?: IDataObject[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** n8n's Settings > On Error; wins over continueOnFail. "continueErrorOutput" sends failed items to a second output. */
	onError?: INode['onError'];
	type?: string;
	/** Called as the run starts, with the execution (a test that cancels it, as n8n does when a user stops it). */
	onStart?: (execution: RunningExecution) => void;
}

export interface NodeRunResult {
	/** The node's first output, or [] when it failed. */
	items: INodeExecutionData[];
	/** The error output's items (only with onError "continueErrorOutput"). */
	errorItems: INodeExecutionData[];
	/** The error that stopped the node, if any. */
	error?: { message: string; description?: string | null; context?: IDataObject; name?: string };
	run: IRun;
}

/** Read-Only Mode is a field of the AI-agent tool form only: a test that sets it runs the node as that tool. */
function nodeTypeFor(parameters: IDataObject): string {
	return parameters.readOnly === undefined
		? 'n8n-nodes-starshipit.starshipit'
		: 'n8n-nodes-starshipit.starshipitTool';
}

/** Runs one Starshipit node on the given input items: Input → Starshipit. */
export async function runNode(options: RunNodeOptions): Promise<NodeRunResult> {
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
			type: options.type ?? nodeTypeFor(options.parameters),
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: { starshipitApi: { id: 'cred-1', name: 'Starshipit sandbox' } },
			onError:
				options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow'),
		},
	];
	const connections: IConnections = {
		Input: { main: [[{ node: 'Starshipit', type: 'main', index: 0 }]] },
	};
	const run = await runWorkflow(
		{ nodes, connections },
		{ starshipitApi: options.credentials },
		'manual',
		options.onStart,
	);
	const taskData = run.data.resultData.runData.Starshipit?.[0];
	const error = taskData?.error ?? run.data.resultData.error;
	return {
		items: taskData?.data?.main?.[0] ?? [],
		errorItems: taskData?.data?.main?.[1] ?? [],
		error: error ? (error as unknown as NodeRunResult['error']) : undefined,
		run,
	};
}

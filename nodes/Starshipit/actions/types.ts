import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { AttemptedAction } from '../transport';

/** One operation of one resource: its fields and what it does with the input items. */
export interface OperationModule {
	description: INodeProperties[];
	/** Changes something in Starshipit: refused when the node is in read-only mode. */
	writes: boolean;
	/**
	 * What it attempts, for the support fields of a failure that never reached Starshipit (a request's
	 * failure names its own). Every write sets it; a read leaves it out ("read").
	 */
	action?: AttemptedAction;
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** A resource: the operation picker and the operations behind it. */
export interface ResourceModule {
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}

import { defineResource } from '../resource';
import type { ResourceModule } from '../types';
import { replayFailedOperation } from './replayFailed.operation';

/** "Failed Request": runs a failed write again from its error item. Takes the node's resources to find the write. */
export function replayResource(resources: () => Record<string, ResourceModule>): ResourceModule {
	return defineResource('failedRequest', 'replay', [
		{
			name: 'Replay',
			value: 'replay',
			description: 'Run a failed write again from its error item; an order that reached Starshipit meanwhile is reported, not created twice',
			action: 'Replay a failed request',
			module: replayFailedOperation(resources),
		},
	]);
}

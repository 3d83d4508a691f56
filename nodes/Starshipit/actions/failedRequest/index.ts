import { defineResource } from '../resource';
import type { ResourceModule } from '../types';
import { replayOperation } from './replay.operation';

/** "Failed Request": runs a failed write again from its error item. */
export const failedRequestResource: ResourceModule = defineResource('failedRequest', 'replay', [
	{
		name: 'Replay',
		value: 'replay',
		description:
			'Run a failed write again from its error item; an order that reached Starshipit meanwhile is reported, not created twice',
		action: 'Replay a failed request',
		module: replayOperation,
	},
]);

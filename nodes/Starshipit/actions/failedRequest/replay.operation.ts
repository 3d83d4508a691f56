import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../helpers/items';
import { errorItem, isFailed } from '../failures/mark';
import { actionOf, completeSupportContext, type ReplayPayload } from '../failures/support-fields';
import { operationResources } from '../operations';
import type { OperationModule } from '../types';
import { settleLanded } from './landed';

const description: INodeProperties[] = [
	{
		displayName:
			'Runs a failed write again from its error item: the same operation with the same input, through the same checks. What Starshipit already holds is compared with what the failed request meant to write: only what is missing is sent, and an order or product is never created twice.',
		name: 'replayNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Failed Request',
		name: 'replayData',
		type: 'json',
		default: '={{ $json.replay ?? $json.details?.replay }}',
		required: true,
		description:
			'The "replay" field of a failed item (as it came out of the error output, or as stored in a table as text)',
	},
];

/** Writes that need more than this node's credential to run again. */
const NOT_REPLAYED_HERE = new Set(['order.assign']);

interface ReadPayload {
	payload: ReplayPayload;
	module: OperationModule;
}

/** Reads and checks the stored replay of one item: which write, with which input. */
function readPayload(this: IExecuteFunctions, itemIndex: number): ReadPayload {
	const refuse = (message: string) =>
		new NodeOperationError(this.getNode(), `${message} (item ${itemIndex + 1})`, {
			itemIndex,
			description:
				'Map the "replay" field of a failed Starshipit item into "Failed Request", e.g. {{ $json.replay }}.',
		});
	let raw = this.getNodeParameter('replayData', itemIndex, undefined) as unknown;
	if (typeof raw === 'string') {
		try {
			raw = JSON.parse(raw);
		} catch {
			throw refuse(
				'Failed Request is not the "replay" field of a failed item: it is text that is not JSON',
			);
		}
	}
	const payload = raw as Partial<ReplayPayload> | undefined;
	if (
		!payload ||
		typeof payload !== 'object' ||
		typeof payload.resource !== 'string' ||
		typeof payload.operation !== 'string' ||
		typeof payload.parameters !== 'object' ||
		payload.parameters === null
	) {
		throw refuse('Failed Request is empty or is not the "replay" field of a failed item');
	}
	const module = operationResources[payload.resource]?.operations[payload.operation];
	if (!module?.writes)
		throw refuse(
			`"${payload.resource} > ${payload.operation}" is not a Starshipit write that can be replayed`,
		);
	// Assign needs the target account's credential, which only Order > Assign shows: it runs again from there.
	if (NOT_REPLAYED_HERE.has(`${payload.resource}.${payload.operation}`)) {
		throw refuse(
			'A failed Order > Assign to Another Account is run again with Order > Assign (it needs the target account’s credential, which only that operation has)',
		);
	}
	return { payload: payload as ReplayPayload, module };
}

/**
 * This node's context, seen by the replayed operation as if it ran on one item whose fields hold the
 * stored input. The stored values are used as they are: no expression in them is evaluated again.
 */
function replayContext(
	context: IExecuteFunctions,
	payload: ReplayPayload,
	item: INodeExecutionData,
): IExecuteFunctions {
	const parameters: IDataObject = {
		...payload.parameters,
		resource: payload.resource,
		operation: payload.operation,
	};
	const valueAt = (path: string) =>
		path
			.split('.')
			.reduce<unknown>(
				(value, key) =>
					value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
				parameters,
			);
	const overrides: Partial<IExecuteFunctions> = {
		getInputData: () => [item],
		getNodeParameter: ((name: string, _itemIndex: number, fallback?: unknown) =>
			valueAt(name) ?? fallback) as IExecuteFunctions['getNodeParameter'],
		// The stored input is the node's fields for the replayed operation (already resolved: no expressions).
		getNode: () => ({ ...context.getNode(), parameters: parameters as INodeParameters }),
		// The replay decides what a failure becomes; the operation only reports it.
		continueOnFail: () => false,
	};
	return new Proxy(context, {
		get(target, property) {
			if (property in overrides) return overrides[property as keyof IExecuteFunctions];
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(target)
				: value;
		},
	});
}

/** Runs one stored write again: reported if Starshipit holds it already, else the operation itself, paired to this item. */
async function replayOne(
	this: IExecuteFunctions,
	payload: ReplayPayload,
	module: OperationModule,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const item = this.getInputData()[itemIndex];
	const context = replayContext(this, payload, item);
	const settled = await settleLanded.call(context, payload);
	if (settled) return [{ json: settled, pairedItem: { item: itemIndex } }];
	const results = await module.execute.call(context, [item]);
	const refused = results.find(isFailed);
	if (refused)
		throw new NodeOperationError(
			this.getNode(),
			`Starshipit: ${String(refused.json.error ?? refused.json.reason ?? 'the replay failed')}`,
			{ itemIndex },
		);
	return results.map((result) => ({
		...result,
		json: { replayed: true, ...result.json },
		pairedItem: { item: itemIndex },
	}));
}

/** A failed replay: its fields completed from the stored input, and its replay kept, so it can run again. */
function failedReplay(
	this: IExecuteFunctions,
	error: unknown,
	read: ReadPayload | undefined,
	itemIndex: number,
): Error {
	const nodeError = asNodeError.call(this, error, itemIndex) as Error & { context: IDataObject };
	nodeError.context ??= {};
	// The replayed operation saw one item (its item 1): n8n must show the error against this item.
	nodeError.context.itemIndex = itemIndex;
	if (read) {
		const { payload, module } = read;
		nodeError.context.supportContext = completeSupportContext(
			nodeError.context.supportContext as IDataObject | undefined,
			actionOf(module),
			payload.parameters,
		);
		nodeError.context.replay = payload;
	}
	return nodeError;
}

/**
 * Failed Request > Replay, for the writes of the other resources (operations.ts). It names no action
 * of its own: a failed replay carries the action of the write it ran again.
 */
export const replayOperation: OperationModule = {
	description,
	writes: true,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			let read: ReadPayload | undefined;
			try {
				read = readPayload.call(this, itemIndex);
				output.push(...(await replayOne.call(this, read.payload, read.module, itemIndex)));
			} catch (error) {
				const nodeError = failedReplay.call(this, error, read, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push(errorItem(nodeError, itemIndex));
			}
		}
		return output;
	},
};

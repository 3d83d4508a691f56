import {
	NodeHelpers,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeApiError,
} from 'n8n-workflow';

import { asNodeError } from '../../helpers/items';
import type { OperationModule } from '../types';
import { failureOf, isFailed, unmarked } from './mark';

/** What a failed write needs to run again: the operation and its checked input, never a key. */
export interface ReplayPayload extends IDataObject {
	resource: string;
	operation: string;
	parameters: IDataObject;
}

/**
 * The guide's "action" (what was attempted) for a failure that never reached Starshipit (a request
 * failure names its own): the operation's own `action`, "read" for a read.
 */
export function actionOf(module: OperationModule): string {
	return module.action ?? 'read';
}

/** The payload a replay takes. Exported so that operations with their own outcome items (Import) can attach it too. */
export function replayPayload(
	resource: string,
	operation: string,
	parameters: IDataObject,
): ReplayPayload {
	return { resource, operation, parameters };
}

/**
 * One item's values of the operation's own fields, as n8n resolved them (expressions already
 * evaluated), so a replay sends the same input through the same checks. Credentials are never fields.
 */
export function operationInput(
	this: IExecuteFunctions,
	module: OperationModule,
	itemIndex: number,
): IDataObject {
	const parameters: IDataObject = {};
	const node = this.getNode();
	for (const property of module.description) {
		if (property.type === 'notice' || property.name in parameters) continue;
		// A field the user's choices hide (the JSON order while fields are used, a list while rows are) is not input.
		if (!NodeHelpers.displayParameter(node.parameters, property, node, null)) continue;
		try {
			parameters[property.name] = this.getNodeParameter(
				property.name,
				itemIndex,
				property.default,
			) as IDataObject[string];
		} catch {
			// An expression that fails for this item is left out: the replay then says which field is missing.
		}
	}
	return parameters;
}

/** The source system's order number in an operation's input, wherever that operation keeps it. */
function orderNumberIn(parameters: IDataObject): string | null {
	if (typeof parameters.orderNumber === 'string' && parameters.orderNumber)
		return parameters.orderNumber;
	const locator = parameters.order as { mode?: string; value?: unknown } | undefined;
	if (locator?.mode === 'orderNumber' && locator.value) return String(locator.value);
	return null;
}

/** The Starshipit order ID in an operation's input, when the user named the order by it. */
function starshipitOrderIdIn(parameters: IDataObject): string | null {
	const locator = parameters.order as { mode?: string; value?: unknown } | undefined;
	if ((locator?.mode === 'id' || locator?.mode === 'list') && locator.value)
		return String(locator.value);
	if (parameters.orderId !== undefined && parameters.orderId !== '')
		return String(parameters.orderId);
	return null;
}

/**
 * The guide's fields, always all of them: a failure before anything was sent has no endpoint, method
 * or status (null), and the order is named from the input when the request did not name it.
 */
export function completeSupportContext(
	existing: IDataObject | undefined,
	action: string,
	parameters: IDataObject,
): IDataObject {
	const context: IDataObject = {
		action,
		method: null,
		endpoint: null,
		status: null,
		networkError: null,
		sourceOrderId: null,
		starshipitOrderId: null,
		retries: 0,
		timestamp: new Date().toISOString(),
		responseBody: null,
		...existing,
	};
	context.sourceOrderId ??= orderNumberIn(parameters);
	context.starshipitOrderId ??= starshipitOrderIdIn(parameters);
	return context;
}

export interface FailedOperation {
	resource: string;
	operation: string;
	module: OperationModule;
}

/** Completes one error with the guide's fields and, for a write, its replay (kept if already set). */
function completeError(
	this: IExecuteFunctions,
	failed: FailedOperation,
	error: Error,
	itemIndex: number,
): IDataObject {
	const holder = error as Error & { context?: IDataObject };
	holder.context ??= {};
	const parameters = operationInput.call(this, failed.module, itemIndex);
	holder.context.supportContext = completeSupportContext(
		holder.context.supportContext as IDataObject | undefined,
		actionOf(failed.module),
		parameters,
	);
	if (failed.module.writes)
		holder.context.replay ??= replayPayload(failed.resource, failed.operation, parameters);
	return holder.context;
}

/** The error that stops the node (no Continue On Fail) carries the same fields as an error item. */
export function withSupportFieldsOnError(
	this: IExecuteFunctions,
	failed: FailedOperation,
	error: unknown,
): Error {
	const nodeError = asNodeError.call(this, error, 0);
	const itemIndex = Number(
		(nodeError as NodeApiError | NodeOperationError).context?.itemIndex ?? 0,
	);
	completeError.call(this, failed, nodeError, itemIndex);
	return nodeError;
}

function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : (paired?.item ?? 0);
}

/**
 * The error behind an item marked failed (mark.ts): an error item's own error, or for a batch
 * outcome (Import, Create or Update, Sync) one made from its fields.
 */
function failureIn(this: IExecuteFunctions, item: INodeExecutionData): Error | undefined {
	if (!isFailed(item)) return undefined;
	const error = failureOf(item);
	if (error) return error;
	const outcome = new NodeOperationError(
		this.getNode(),
		String(item.json.error ?? item.json.reason ?? 'failed'),
		{ itemIndex: pairedIndex(item) },
	);
	if (item.json.supportContext) outcome.context.supportContext = item.json.supportContext;
	return outcome;
}

/**
 * n8n sends an item to the error output only when every key of its json is `error`, `message` or
 * `details` (it then puts the input item's fields beside them); an item with `item.error` set loses
 * its json. So there the fields go under `details`.
 */
function forErrorOutput(json: IDataObject, error: Error): IDataObject {
	const { error: message, ...details } = json;
	return { error: message ?? error.message, details };
}

/**
 * Every failed item of every operation gets the guide's fields and, for a write, its replay. With
 * "Continue (using error output)" the item is shaped so that n8n sends it there.
 */
export function withSupportFields(
	this: IExecuteFunctions,
	failed: FailedOperation,
	output: INodeExecutionData[],
): INodeExecutionData[] {
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
	return output.map((item) => {
		const error = failureIn.call(this, item);
		if (!error) return item;
		const context = completeError.call(this, failed, error, pairedIndex(item));
		const json: IDataObject = { ...unmarked(item.json), supportContext: context.supportContext };
		if (context.replay) json.replay ??= context.replay;
		return { ...item, json: toErrorOutput ? forErrorOutput(json, error) : json };
	});
}

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { orderLocator } from '../../descriptions/orderLocator';
import { asNodeError, withItemNamed } from '../../helpers/items';
import {
	readCredentials,
	readTargetAccountKey,
	starshipitErrorText,
	starshipitRequest,
	targetAccountName,
	UNCONFIRMED,
} from '../../transport';
import { errorItem } from '../failures/mark';
import { fetchOrder, findArchivedOrder, orderReference, type OrderReference } from '../orderReads';
import type { OperationModule } from '../types';

const description: INodeProperties[] = [
	{
		displayName:
			'Moves each order to another Starshipit account (another warehouse’s, or a child account), chosen as the Starshipit Target Account API credential above. The order then belongs to that account: its rules, carriers and printing apply, and this account (and every workflow using its credential) no longer finds it. To move it back, run this operation with the two accounts’ credentials swapped.',
		name: 'assignNotice',
		type: 'notice',
		default: '',
	},
	{
		...orderLocator,
		description:
			'The order to move, in the account of the Starshipit API credential. All input items are moved in one request.',
	},
];

/** One input item's order, once found in this account. */
interface Entry {
	itemIndex: number;
	order: IDataObject;
}

const numberOf = (order: IDataObject) => String(order.order_number ?? order.order_id);

/** The order in this account in any status (archived ones by number only), or undefined. */
async function findInThisAccount(
	this: IExecuteFunctions,
	reference: OrderReference,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const byId = reference.order_id !== undefined ? { order_id: reference.order_id } : reference;
	const current =
		(await fetchOrder.call(this, byId, 'Unshipped', itemIndex)) ??
		(await fetchOrder.call(this, byId, 'Shipped', itemIndex));
	if (current || reference.order_number === undefined) return current;
	return await findArchivedOrder.call(this, { order_number: reference.order_number }, itemIndex);
}

/** The order of one item, checked and found in this account before anything is sent. */
async function readEntry(this: IExecuteFunctions, itemIndex: number): Promise<Entry> {
	const reference = orderReference.call(this, itemIndex);
	const order = await findInThisAccount.call(this, reference, itemIndex);
	if (!order) {
		const byId = reference.order_id !== undefined;
		throw new NodeOperationError(
			this.getNode(),
			`Starshipit has no order ${byId ? 'with ID' : 'numbered'} ${byId ? reference.order_id : reference.order_number} in this account (item ${itemIndex + 1}): nothing was assigned`,
			{
				itemIndex,
				description:
					'The order must be in the account of the Starshipit API credential (the one it moves from). Check the order, and that it was not moved already.',
			},
		);
	}
	return { itemIndex, order };
}

/** The same order in two items (by number in one, by ID in another, say) would be moved once and reported twice. */
function refuseRepeats(this: IExecuteFunctions, entries: Entry[]): void {
	const firstItem = new Map<string, number>();
	for (const entry of entries) {
		const id = String(entry.order.order_id);
		const first = firstItem.get(id);
		if (first !== undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`Order ${numberOf(entry.order)} is in item ${first + 1} and item ${entry.itemIndex + 1}: nothing was sent to Starshipit`,
				{
					itemIndex: entry.itemIndex,
					description:
						'Each order may appear once. Remove the repeated item (for example with a Remove Duplicates node) and run the node again.',
				},
			);
		}
		firstItem.set(id, entry.itemIndex);
	}
}

/** The target account's key, refused when it is this account's own (the request would move nothing). */
async function keys(this: IExecuteFunctions): Promise<{ current: string; target: string }> {
	const target = await readTargetAccountKey(this);
	const current = String((await readCredentials(this)).apiKey ?? '').trim();
	if (target === current) {
		throw new NodeOperationError(
			this.getNode(),
			'The Starshipit Target Account API credential holds the API key of this same account',
			{
				description:
					'It must hold the API key of the account the orders should move to (in that account: Settings > API > API Key). Nothing was sent to Starshipit.',
			},
		);
	}
	return { current, target };
}

/** The one request's failure, as this item's own error: a copy, so that each item names its own order and item. */
function requestErrorFor(
	this: IExecuteFunctions,
	requestError: unknown,
	entry: Entry,
): Error & { description?: string } {
	const original = asNodeError.call(this, requestError, entry.itemIndex) as Error & {
		context?: IDataObject;
	};
	const copy = Object.assign(
		Object.create(Object.getPrototypeOf(original) as object) as Error & { context?: IDataObject },
		original,
	);
	copy.message = original.message;
	copy.stack = original.stack;
	copy.context = { ...original.context, itemIndex: entry.itemIndex };
	return withItemNamed(copy, entry.itemIndex, numberOf(entry.order)) as Error;
}

/** Reading an order back failed: what is known (the request's failure, or the read's) and that the move is not. */
function unknownOutcome(
	this: IExecuteFunctions,
	entry: Entry,
	requestError: unknown,
	readError: unknown,
): Error {
	const error = requestErrorFor.call(this, requestError ?? readError, entry);
	const unknown = `Whether order ${numberOf(entry.order)} moved is not known (reading it back failed): look for it in both Starshipit accounts before running the node again.`;
	error.description = [error.description, unknown].filter(Boolean).join(' ');
	return error;
}

/** Why an order the request named is still here: Starshipit's words when it gave any. */
function notMoved(
	this: IExecuteFunctions,
	entry: Entry,
	requestError: unknown,
	answer: IDataObject | undefined,
): Error {
	const number = numberOf(entry.order);
	if (requestError) return requestErrorFor.call(this, requestError, entry);
	const { message, details } = starshipitErrorText(answer);
	const stillHere = `Order ${number} was not assigned: it is still in this account.`;
	if (message)
		return new NodeOperationError(
			this.getNode(),
			`Starshipit: ${message} (order ${number}, item ${entry.itemIndex + 1})`,
			{ itemIndex: entry.itemIndex, description: [details, stillHere].filter(Boolean).join(' ') },
		);
	return new NodeOperationError(
		this.getNode(),
		`Starshipit answered that order ${number} was assigned, but it is still in this account (item ${entry.itemIndex + 1})`,
		{
			itemIndex: entry.itemIndex,
			description: 'Look at the order in both Starshipit accounts before running the node again.',
		},
	);
}

/** One request for every found order; whatever it answered, each order counts as moved only once this account no longer holds it. */
async function assignAll(
	this: IExecuteFunctions,
	entries: Entry[],
	accountKeys: { current: string; target: string },
): Promise<Map<number, INodeExecutionData | Error>> {
	const { ordersKey, orderId, currentKey, newKey } = UNCONFIRMED.assign;
	const [first] = entries;
	let answer: IDataObject | undefined;
	let requestError: unknown;
	try {
		answer = await starshipitRequest.call(this, {
			endpoint: 'ordersAssign',
			body: {
				[ordersKey]: entries.map((entry) => ({
					[orderId]: entry.order.order_id,
					[currentKey]: accountKeys.current,
					[newKey]: accountKeys.target,
				})),
			},
			action: 'updated',
			write: { answersEachRecord: true },
			sourceOrderId: numberOf(first.order),
			starshipitOrderId: first.order.order_id as number,
			itemIndex: first.itemIndex,
		});
	} catch (error) {
		requestError = error;
	}
	const outcomes = new Map<number, INodeExecutionData | Error>();
	for (const entry of entries) {
		let stillHere: IDataObject | undefined;
		try {
			stillHere = await findInThisAccount.call(
				this,
				{
					order_id: entry.order.order_id as number,
					order_number: entry.order.order_number as string | undefined,
				},
				entry.itemIndex,
			);
		} catch (readError) {
			outcomes.set(entry.itemIndex, unknownOutcome.call(this, entry, requestError, readError));
			continue;
		}
		if (stillHere) outcomes.set(entry.itemIndex, notMoved.call(this, entry, requestError, answer));
		else {
			const json: IDataObject = {
				order_id: entry.order.order_id,
				order_number: entry.order.order_number,
				assigned: true,
				target_account: targetAccountName(this) ?? null,
				status: entry.order.status ?? null,
			};
			outcomes.set(entry.itemIndex, { json, pairedItem: { item: entry.itemIndex } });
		}
	}
	return outcomes;
}

/** `POST /api/orders/assign`: every input order in one request, checked before and read back after. */
export const assignOrdersOperation: OperationModule = {
	description,
	writes: true,
	action: 'update',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const accountKeys = await keys.call(this);
		const outcomes = new Map<number, INodeExecutionData | Error>();
		const entries: Entry[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				entries.push(await readEntry.call(this, itemIndex));
			} catch (error) {
				outcomes.set(itemIndex, asNodeError.call(this, error, itemIndex));
			}
		}
		if (entries.length) {
			try {
				refuseRepeats.call(this, entries);
				for (const [itemIndex, outcome] of await assignAll.call(this, entries, accountKeys))
					outcomes.set(itemIndex, outcome);
			} catch (error) {
				for (const entry of entries)
					outcomes.set(entry.itemIndex, asNodeError.call(this, error, entry.itemIndex));
			}
		}
		return report.call(this, items.length, outcomes);
	},
};

/** One result per input item, in order: a failure stops the node (saying which orders did move) unless Continue On Fail is on. */
function report(
	this: IExecuteFunctions,
	count: number,
	outcomes: Map<number, INodeExecutionData | Error>,
): INodeExecutionData[] {
	const ordered = Array.from({ length: count }, (_, itemIndex) => outcomes.get(itemIndex)!);
	const failure = ordered.find((outcome): outcome is Error => outcome instanceof Error);
	if (failure && !this.continueOnFail()) {
		const moved = ordered
			.filter((outcome): outcome is INodeExecutionData => !(outcome instanceof Error))
			.map((outcome) => String(outcome.json.order_number));
		if (moved.length) {
			const described = failure as Error & { description?: string };
			described.description = [
				described.description,
				`Moved to the other account all the same: ${moved.join(', ')}.`,
			]
				.filter(Boolean)
				.join(' ');
		}
		throw failure;
	}
	return ordered.map((outcome, itemIndex) =>
		outcome instanceof Error ? errorItem(outcome, itemIndex) : outcome,
	);
}

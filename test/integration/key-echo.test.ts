import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';
import {
	SANDBOX_API_KEY,
	SANDBOX_OTHER_ACCOUNT_API_KEY,
	SANDBOX_SUBSCRIPTION_KEY,
	SEED,
} from '../sandbox';
import { runAssign } from './assign-fixtures';
import { byNumber, newOrderFromItem as newOrder } from './order-fixtures';

// A server (Starshipit or a proxy in front of it) that echoes the keys back in its error answer, in
// every form one may take: nothing of either key reaches the run data, the error or an output item,
// and the message still says what went wrong. Order > Assign sends a third key, the other account's
// (Starshipit Target Account credential): masked the same way.
const { sandbox, credentials } = useSandbox();

const base64 = (text: string) => Buffer.from(text).toString('base64');
const base64url = (text: string) => Buffer.from(text).toString('base64url');
const hex = (text: string) => Buffer.from(text).toString('hex');
const alternating = (text: string) =>
	text.replace(/./g, (character, at: number) =>
		at % 2 ? character.toUpperCase() : character.toLowerCase(),
	);

/** Each form a key may be echoed in: the key as it is, re-cased, encoded, split, or a piece of 8 of its characters. */
const FORMS: Record<string, (key: string) => string> = {
	exact: (key) => key,
	upper: (key) => key.toUpperCase(),
	'mixed case': alternating,
	base64: (key) => base64(key),
	base64url: (key) => base64url(`~~${key}??`),
	'inside a longer base64 text': (key) => base64(`The gateway refused apikey=${key} for this call`),
	'URL-encoded': (key) => encodeURIComponent(`${key}/?`),
	'URL-encoded twice': (key) => encodeURIComponent(encodeURIComponent(`${key}/?`)),
	'basic-auth': (key) => base64(`starshipit:${key}`),
	hex: (key) => hex(key),
	'hex, upper-case': (key) => hex(key).toUpperCase(),
	'split over lines': (key) => `${key.slice(0, 11)}\n${key.slice(11)}`,
	'a piece of 8': (key) => key.slice(6, 14),
	'a piece of 8, upper-case': (key) => key.slice(-8).toUpperCase(),
};

const WHAT_WENT_WRONG = 'Request refused by the gateway';
/** The keys a run of this operation sends: Assign sends the other account's too. */
const keysOf = (operation: string) =>
	operation === 'assign'
		? [SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY, SANDBOX_OTHER_ACCOUNT_API_KEY]
		: [SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY];
const echoing = (form: (key: string) => string, operation: string) => ({
	success: false,
	errors: [
		{
			message: `${WHAT_WENT_WRONG}: ${form(SANDBOX_API_KEY)}`,
			details: `seen with ${form(SANDBOX_SUBSCRIPTION_KEY)}`,
		},
		`also ${form(SANDBOX_SUBSCRIPTION_KEY)} and ${form(SANDBOX_API_KEY)}`,
		...(operation === 'assign'
			? [
					{
						message: `moving to ${form(SANDBOX_OTHER_ACCOUNT_API_KEY)}`,
						details: form(SANDBOX_OTHER_ACCOUNT_API_KEY),
					},
				]
			: []),
	],
});

interface Operation {
	resource: string;
	operation: string;
	parameters: IDataObject;
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** The request the echoing answer comes back to. */
	method: string;
	path: string;
}

const OPERATIONS: Record<string, Operation> = {
	'Order > Create': {
		resource: 'order',
		operation: 'create',
		parameters: newOrder,
		input: [{ number: 'ECHO-1' }],
		method: 'POST',
		path: '/api/orders',
	},
	'Order > Import (Continue On Fail)': {
		resource: 'order',
		operation: 'import',
		parameters: newOrder,
		input: [{ number: 'ECHO-2' }],
		continueOnFail: true,
		method: 'POST',
		path: '/api/orders/import',
	},
	'Order > Create or Update': {
		resource: 'order',
		operation: 'createOrUpdate',
		parameters: newOrder,
		input: [{ number: 'ECHO-3' }],
		method: 'POST',
		path: '/api/orders',
	},
	'Order > Get': {
		resource: 'order',
		operation: 'get',
		parameters: byNumber(SEED.domesticOrder),
		method: 'GET',
		path: '/api/orders',
	},
	'Label > Create': {
		resource: 'label',
		operation: 'create',
		parameters: byNumber(SEED.domesticOrder),
		method: 'POST',
		path: '/api/orders/shipment',
	},
	'Product > Sync': {
		resource: 'product',
		operation: 'sync',
		parameters: {
			sku: '={{ $json.sku }}',
			fields: { title: '={{ $json.title }}', weight: '={{ $json.weight }}' },
		},
		input: [{ sku: 'ECHO-SKU', title: 'Echo', weight: 1 }],
		method: 'POST',
		path: '/api/products',
	},
	'Rate > Get Rates': {
		resource: 'rate',
		operation: 'getRates',
		method: 'POST',
		path: '/api/rates',
		parameters: {
			street: '1 George Street',
			suburb: 'Sydney',
			state: 'NSW',
			postCode: '2000',
			countryCode: 'AU',
			packages: { package: [{ weight: 2 }] },
		},
	},
	'Tracking > Get': {
		resource: 'tracking',
		operation: 'get',
		parameters: { lookupBy: 'trackingNumber', trackingNumber: 'SSI000000999' },
		method: 'GET',
		path: '/api/track',
	},
	'Order > Assign to Another Account': {
		resource: 'order',
		operation: 'assign',
		parameters: byNumber(SEED.domesticOrder),
		method: 'POST',
		path: '/api/orders/assign',
	},
};

/** Every piece of `text` of `length` characters (or the whole when shorter), lower-cased. */
const windows = (text: string, length: number) => {
	const lower = text.toLowerCase();
	if (lower.length <= length) return [lower];
	return Array.from({ length: lower.length - length + 1 }, (_, at) => lower.slice(at, at + length));
};
/** The text as seen, and as it reads once decoded: each base64 or hex run (at every alignment), URL-decoded once and twice. */
function readings(seen: string): string[] {
	const decoded: string[] = [seen];
	for (const run of seen.match(/[A-Za-z0-9+/_-]{12,}/g) ?? []) {
		for (let shift = 0; shift < 4; shift++)
			decoded.push(Buffer.from(run.slice(shift), 'base64').toString('latin1'));
	}
	for (const run of seen.match(/[0-9a-fA-F]{16,}/g) ?? [])
		decoded.push(
			Buffer.from(run, 'hex').toString('latin1'),
			Buffer.from(run.slice(1), 'hex').toString('latin1'),
		);
	const urlDecoded = (text: string) =>
		text.replace(/(%[0-9a-fA-F]{2})+/g, (part) => {
			try {
				return decodeURIComponent(part);
			} catch {
				return part;
			}
		});
	decoded.push(urlDecoded(seen), urlDecoded(urlDecoded(seen)));
	return decoded.map((text) => text.toLowerCase());
}

/**
 * What must appear nowhere, as it is or once decoded: any 8 characters in a row of any key. The
 * sandbox's keys are made of words, so a piece the same run shows with no key echoed ("description")
 * is not a leak.
 */
const leaksIn = (seen: string, baseline: string, keys: string[]) => {
	const texts = readings(seen);
	const pieces = keys
		.flatMap((key) => windows(key, 8))
		.filter((piece) => !baseline.includes(piece));
	return [...new Set(pieces.filter((piece) => texts.some((text) => text.includes(piece))))];
};

/** Runs the operation against an answer with this body; everything the run and its error show, as one text. */
async function runAgainst(operation: Operation, status: number, body: unknown) {
	sandbox.faults.add({
		method: operation.method,
		path: operation.path,
		kind: 'status',
		status,
		body,
	});
	const options = {
		parameters: {
			resource: operation.resource,
			operation: operation.operation,
			...operation.parameters,
		},
		input: operation.input ?? [{}],
		credentials: credentials({ maxRetries: 0 }),
		continueOnFail: operation.continueOnFail ?? false,
	};
	// Assign runs with its second credential, the other account's key (assign-fixtures).
	const result =
		operation.operation === 'assign' ? await runAssign(options) : await runNode(options);
	sandbox.reset();
	const { error, run } = result;
	return {
		...result,
		seen:
			JSON.stringify(run) +
			JSON.stringify(error ?? null) +
			String((error as { stack?: string } | undefined)?.stack ?? ''),
	};
}

const baselines = new Map<string, string>();
async function baselineOf(name: string, status: number): Promise<string> {
	const key = `${name} ${status}`;
	if (!baselines.has(key))
		baselines.set(
			key,
			readings(
				(
					await runAgainst(
						OPERATIONS[name],
						status,
						echoing(() => 'no key here', OPERATIONS[name].operation),
					)
				).seen,
			).join('\n'),
		);
	return baselines.get(key)!;
}

const cases = Object.keys(OPERATIONS).flatMap((operation) =>
	Object.keys(FORMS).flatMap((form) => [
		[operation, form, 400],
		[operation, form, 200],
	]),
) as Array<[string, string, number]>;

test.each(cases)(
	'%s, the keys echoed %s in an HTTP %d answer: masked everywhere, the message kept',
	async (name, formName, status) => {
		const baseline = await baselineOf(name, status);
		const { operation } = OPERATIONS[name];
		const { items, error, seen } = await runAgainst(
			OPERATIONS[name],
			status,
			echoing(FORMS[formName], operation),
		);
		expect(leaksIn(seen, baseline, keysOf(operation))).toEqual([]);
		// Still said: what went wrong, where the user reads it (the error, or the failed item under Continue On Fail).
		const told = error
			? `${error.message} ${error.description ?? ''}`
			: JSON.stringify(items.map((item) => item.json));
		expect(told).toContain(WHAT_WENT_WRONG);
	},
);

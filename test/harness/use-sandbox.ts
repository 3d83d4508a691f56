import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { runNode, type NodeRunResult, type RunNodeOptions } from './run-workflow';
import { sandboxCredentials } from './sandbox-credentials';

export interface UseSandboxOptions {
	/** sandbox.reset() after each test: the seed back; faults, recorded requests, webhook and rate limit cleared. Default true. */
	resetAfterEach?: boolean;
	/** A new sandbox for each test instead of one for the file (or the describe block). Default false. */
	perTest?: boolean;
	/** Passed to startSandbox; the port is always 0 (any free one). */
	start?: Omit<SandboxOptions, 'port'>;
}

export interface SandboxSetup {
	/** The running sandbox. The same object for the whole file: it reads whichever sandbox the hooks started. */
	sandbox: Sandbox;
	/** A Starshipit API credential pointing at the sandbox (sandboxCredentials). */
	credentials(overrides?: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject;
	/** Runs one Starshipit node (runNode) with the sandbox credential unless the options give one. */
	run(
		options: Omit<RunNodeOptions, 'credentials'> & { credentials?: ICredentialDataDecryptedObject },
	): Promise<NodeRunResult>;
	/** Runs one operation: `resource` and `operation` go in front of the other parameters. */
	runOperation(
		resource: string,
		operation: string,
		parameters: IDataObject,
		input?: IDataObject[],
		continueOnFail?: boolean,
	): Promise<NodeRunResult>;
}

/**
 * Starts a sandbox on loopback for the tests of this file (or of the describe block it is called in),
 * resets it after each test and closes it at the end, with jest's hooks. Call it where the hooks belong:
 * at the top of the file or of a describe block, never inside a test.
 */
export function useSandbox(options: UseSandboxOptions = {}): SandboxSetup {
	const { resetAfterEach = true, perTest = false, start = {} } = options;
	let current: Sandbox | undefined;
	const started = (): Sandbox => {
		if (!current)
			throw new Error(
				'No sandbox is running: useSandbox() starts one in its beforeAll, so read it inside a test or hook',
			);
		return current;
	};
	const open = async () => void (current = await startSandbox({ ...start, port: 0 }));
	const close = async () => await started().close();
	if (perTest) {
		beforeEach(open);
		afterEach(close);
	} else {
		beforeAll(open);
		if (resetAfterEach) afterEach(() => started().reset());
		afterAll(close);
	}
	const credentials = (overrides: ICredentialDataDecryptedObject = {}) =>
		sandboxCredentials(started(), overrides);
	const run: SandboxSetup['run'] = (runOptions) =>
		runNode({ ...runOptions, credentials: runOptions.credentials ?? credentials() });
	return {
		sandbox: liveView(started),
		credentials,
		run,
		runOperation: (resource, operation, parameters, input = [{}], continueOnFail = false) =>
			run({ parameters: { resource, operation, ...parameters }, input, continueOnFail }),
	};
}

/** A Sandbox whose every member reads the one running now, so a file can hold it in a const before it starts. */
function liveView(current: () => Sandbox): Sandbox {
	return {
		get url() {
			return current().url;
		},
		get store() {
			return current().store;
		},
		get settings() {
			return current().settings;
		},
		get requests() {
			return current().requests;
		},
		get deviations() {
			return current().deviations;
		},
		get inbox() {
			return current().inbox;
		},
		get stats() {
			return current().stats;
		},
		get faults() {
			return current().faults;
		},
		setRateLimit: (perSecond) => current().setRateLimit(perSecond),
		setWebhook: (url, secret) => current().setWebhook(url, secret),
		setOrderStatus: (idOrNumber, trackingStatus) =>
			current().setOrderStatus(idOrNumber, trackingStatus),
		sendTrackingWebhook: (orderNumber, sendOptions) =>
			current().sendTrackingWebhook(orderNumber, sendOptions),
		seedBulkOrders: (count) => current().seedBulkOrders(count),
		reset: () => current().reset(),
		close: () => current().close(),
	};
}

import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The second Starshipit account (Order > Assign to Another Account): its API key, from a credential of
 * its own (credentials/StarshipitTargetAccountApi.credentials.ts), read once per node run. Once read, the
 * key is one of the keys every request of that run masks in whatever comes back (request.ts), since the
 * assign request sends it and an answer may echo it.
 */
export const TARGET_ACCOUNT_CREDENTIAL_TYPE = 'starshipitTargetAccountApi';

const keysByContext = new WeakMap<object, Promise<string>>();

/** The keys of other accounts read in this node run: masked like the run's own keys. */
const readKeys = new WeakMap<object, string[]>();
export function targetAccountKeysIn(context: object): string[] {
	return readKeys.get(context) ?? [];
}

const CHOOSE_IT =
	'In this node, pick (or create) a Starshipit Target Account API credential holding the API key of the account that should receive the orders (in that account: Settings > API > API Key). Nothing was sent to Starshipit.';

/** The credential as n8n gives it; its own errors ("Node does not have any credentials set…") become one plain error. */
async function readTargetAccountCredential(context: IExecuteFunctions): Promise<string> {
	const missing = () =>
		new NodeOperationError(
			context.getNode(),
			'Choose the Starshipit account to move the orders to: no Starshipit Target Account API credential is set',
			{ description: CHOOSE_IT },
		);
	if (!context.getNode().credentials?.[TARGET_ACCOUNT_CREDENTIAL_TYPE]) throw missing();
	let credentials: ICredentialDataDecryptedObject;
	try {
		credentials = await context.getCredentials(TARGET_ACCOUNT_CREDENTIAL_TYPE);
	} catch {
		// n8n's text names the credential type's internal name, never a key; ours says what to do.
		throw missing();
	}
	const key = typeof credentials.apiKey === 'string' ? credentials.apiKey.trim() : '';
	if (!key) {
		throw new NodeOperationError(
			context.getNode(),
			'The Starshipit Target Account API credential has no API key',
			{ description: CHOOSE_IT },
		);
	}
	readKeys.set(context, [...targetAccountKeysIn(context), key]);
	return key;
}

/** The target account's API key, read once per node run (a database read each time in n8n). */
export function readTargetAccountKey(context: IExecuteFunctions): Promise<string> {
	let key = keysByContext.get(context);
	if (!key) {
		key = readTargetAccountCredential(context);
		keysByContext.set(context, key);
	}
	return key;
}

/** The name the user gave the target credential: what the output calls the account (never its key). */
export function targetAccountName(context: IExecuteFunctions): string | undefined {
	return context.getNode().credentials?.[TARGET_ACCOUNT_CREDENTIAL_TYPE]?.name ?? undefined;
}

/**
 * "Test" on the Starshipit Target Account API credential (the Starshipit node's `testedBy`). Nothing is sent:
 * Starshipit answers no request without a subscription key, which this credential does not hold (the assign
 * request is sent with the Starshipit API credential's). So it checks what can be checked here, and says so.
 */
export async function checkTargetAccountCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const key = typeof credential.data?.apiKey === 'string' ? credential.data.apiKey.trim() : '';
	if (!key)
		return {
			status: 'Error',
			message:
				'Paste the API key of the account that should receive the orders (in that account: Settings > API > API Key).',
		};
	if (/\s/.test(key))
		return {
			status: 'Error',
			message:
				'The API key holds a space or a line break: copy it again from Settings > API in the other account.',
		};
	return {
		status: 'OK',
		message:
			'The key is set. Starshipit checks it when Order > Assign to Another Account runs (n8n cannot test it on its own: Starshipit also asks for a subscription key).',
	};
}

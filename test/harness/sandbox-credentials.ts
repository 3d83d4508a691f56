import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY, type Sandbox } from '../sandbox';

/** A credential pointing at the sandbox; fast by default so tests do not wait on the pacing. */
export function sandboxCredentials(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		apiKey: SANDBOX_API_KEY,
		subscriptionApiKey: SANDBOX_SUBSCRIPTION_KEY,
		baseUrl: sandbox.url,
		rateLimitTier: 'custom',
		customRateLimit: 1000,
		maxRetries: 3,
		...overrides,
	};
}

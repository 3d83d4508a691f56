import type { ICredentialDataDecryptedObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import type { ExecutionLifecycleHooks } from 'n8n-core';

import { TestCredentialsHelper } from './credentials-helper';

/** What n8n hands every execution: where its URLs are and how to reach credentials. */
export function createAdditionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		executionId: '1',
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		variables: {},
		currentNodeParameters: undefined,
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

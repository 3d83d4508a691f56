export {
	startSandbox,
	SANDBOX_API_KEY,
	SANDBOX_SUBSCRIPTION_KEY,
	type Sandbox,
	type SandboxOptions,
} from './server';
export { SANDBOX_OTHER_ACCOUNT_API_KEY } from './accounts';
export { SEED, ACCOUNT } from './seed';
export { signBody, webhookPayload } from './webhooks';
export type { SandboxOrder, SandboxProduct, Fault, RecordedRequest, Deviation } from './types';

export { startSandbox, SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY, type Sandbox, type SandboxOptions } from './server';
export { SEED, ACCOUNT } from './seed';
export { signBody, webhookPayload } from './webhooks';
export type { SandboxOrder, SandboxProduct, Fault, RecordedRequest, Deviation } from './types';

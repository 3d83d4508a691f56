/**
 * Not secrets: the sandbox's fixed keys, so that tests and the demo can use them in the open. The sandbox
 * answers for one account (the API key); Order > Assign to Another Account moves orders to a second one,
 * known only by its API key (GUESSES.assignOrders).
 */
export const SANDBOX_API_KEY = 'sandbox-api-key-not-a-secret';
export const SANDBOX_SUBSCRIPTION_KEY = 'sandbox-subscription-key-not-a-secret';
export const SANDBOX_OTHER_ACCOUNT_API_KEY = 'sandbox-other-account-key-not-a-secret';

/** The body fields that carry account keys (the assign request): never recorded as sent. */
export const KEY_FIELDS = ['current_api_key', 'new_api_key'];

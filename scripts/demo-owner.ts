/** The demo's local owner account (a throwaway login for the local demo, not a secret). */
export const DEMO_OWNER = { email: 'demo@example.com', password: 'Demo-password-1' };

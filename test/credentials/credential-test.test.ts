import { startSandbox, SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY, type Sandbox } from '../sandbox';
import { testCredential } from '../harness/credential-tester';
import { sandboxCredentials } from '../harness/sandbox-credentials';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterAll(async () => await sandbox.close());

describe('the Starshipit credential test (as the editor runs it)', () => {
	test('passes with the right keys', async () => {
		await expect(testCredential('starshipitApi', sandboxCredentials(sandbox))).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	test('says the API key is wrong when Starshipit refuses it', async () => {
		const result = await testCredential('starshipitApi', sandboxCredentials(sandbox, { apiKey: 'wrong-api-key' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/API key/);
		expect(result.message).not.toContain('wrong-api-key');
	});

	test('says the subscription key is wrong when the gateway refuses it', async () => {
		const result = await testCredential('starshipitApi', sandboxCredentials(sandbox, { subscriptionApiKey: 'wrong-sub' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/subscription key/);
	});

	test('sends both keys in the documented headers', async () => {
		sandbox.requests.length = 0;
		await testCredential('starshipitApi', sandboxCredentials(sandbox));
		const [request] = sandbox.requests;
		expect(request.path).toBe('/api/orders/unshipped');
		// The sandbox redacts the keys it records; that it answered 200 proves both matched.
		expect(request.status).toBe(200);
		expect(JSON.stringify(sandbox.requests)).not.toContain(SANDBOX_API_KEY);
		expect(JSON.stringify(sandbox.requests)).not.toContain(SANDBOX_SUBSCRIPTION_KEY);
	});
});

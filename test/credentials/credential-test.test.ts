import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from '../sandbox';
import { testCredential } from '../harness/credential-tester';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';

const { sandbox } = useSandbox({ resetAfterEach: false });

describe('the Starshipit credential test (as the editor runs it)', () => {
	test('passes with the right keys', async () => {
		await expect(testCredential('starshipitApi', sandboxCredentials(sandbox))).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	test('says the API key is wrong when Starshipit refuses it', async () => {
		const result = await testCredential(
			'starshipitApi',
			sandboxCredentials(sandbox, { apiKey: 'wrong-api-key' }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/API key/);
		expect(result.message).not.toContain('wrong-api-key');
	});

	test('says the subscription key is wrong when the gateway refuses it', async () => {
		const result = await testCredential(
			'starshipitApi',
			sandboxCredentials(sandbox, { subscriptionApiKey: 'wrong-sub' }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/subscription key/);
		expect(result.message).not.toContain('wrong-sub');
	});

	test('sends both keys in the documented headers only: not in the URL or body, not in what the editor shows', async () => {
		sandbox.requests.length = 0;
		const result = await testCredential('starshipitApi', sandboxCredentials(sandbox));
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request.path).toBe('/api/orders/unshipped');
		// The sandbox answers 200 only when both headers hold the right keys (it does not record headers).
		expect(request.status).toBe(200);
		// What it does record (path, query, body) and what the editor shows must not carry a key.
		for (const key of [SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY])
			expect(JSON.stringify({ result, request })).not.toContain(key);
	});
});

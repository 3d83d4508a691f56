import { runNode } from '../harness/run-workflow';

test('the engine runs the node', async () => {
	const result = await runNode({
		parameters: { resource: 'tracking', operation: 'nope' },
		credentials: { apiKey: 'a', subscriptionApiKey: 'b', baseUrl: 'http://127.0.0.1:9' },
	});
	expect(result.error?.message).toContain('not known');
});

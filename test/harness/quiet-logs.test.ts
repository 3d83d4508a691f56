import { runNode } from './run-workflow';

/** `npm test` prints only real failures: a node failing on purpose writes nothing to the terminal. */
test('an expected node error is not printed by n8n’s logger', async () => {
	const written: string[] = [];
	const capture = (chunk: unknown) => (written.push(String(chunk)), true);
	const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
	const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
	try {
		const result = await runNode({
			parameters: { resource: 'tracking', operation: 'nope' },
			credentials: { apiKey: 'a', subscriptionApiKey: 'b', baseUrl: 'http://127.0.0.1:9' },
		});
		expect(result.error?.message).toContain('not known');
	} finally {
		stdout.mockRestore();
		stderr.mockRestore();
	}
	expect(written.join('')).not.toContain('not known');
});

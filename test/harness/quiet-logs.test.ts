import { runNode } from './run-workflow';

/** `npm test` prints only real failures: a node failing on purpose writes nothing to the terminal. */
test('an expected node error is not printed by n8n’s logger', async () => {
	const written: string[] = [];
	const capture = (chunk: unknown) => (written.push(String(chunk)), true);
	// n8n's logger writes through console.log (jest buffers that, so the process's streams never see it) and the streams.
	const spies = [
		jest.spyOn(process.stdout, 'write').mockImplementation(capture),
		jest.spyOn(process.stderr, 'write').mockImplementation(capture),
		...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			jest
				.spyOn(console, method)
				.mockImplementation((...args: unknown[]) => void capture(args.join(' '))),
		),
	];
	try {
		const result = await runNode({
			parameters: { resource: 'tracking', operation: 'nope' },
			credentials: { apiKey: 'a', subscriptionApiKey: 'b', baseUrl: 'http://127.0.0.1:9' },
		});
		expect(result.error?.message).toContain('not known');
	} finally {
		for (const spy of spies) spy.mockRestore();
	}
	expect(written.join('')).not.toContain('not known');
});

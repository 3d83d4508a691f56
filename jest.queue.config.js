/** The queue-mode suite: Postgres, Redis, an n8n main and workers with the packed package (test/queue). */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	// Not *.test.ts: the fast suite (jest.config.js) must not pick it up.
	testMatch: ['**/*.queue.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 900000,
	maxWorkers: 1,
	// Node's global fetch keeps idle keep-alive sockets to the stopped n8n; they must not hold CI.
	forceExit: true,
};

/** The real-n8n suite: a pinned n8n with the packed package, run by n8n's own CLI and server. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	// Installing n8n the first time takes minutes; each CLI run takes seconds.
	testTimeout: 900000,
	maxWorkers: 1,
	// Node's global fetch keeps idle keep-alive sockets to the stopped n8n; they must not hold CI.
	forceExit: true,
};

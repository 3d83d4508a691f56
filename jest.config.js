/** The fast suite: node code through n8n's engine against the sandbox on loopback. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 30000,
	// The strict sandbox: a test fails when it leaves a request the API notes do not document.
	setupFilesAfterEnv: ['<rootDir>/test/harness/strict-sandbox.ts'],
};

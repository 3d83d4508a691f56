const { SLOW_SUITES } = require('./jest.suites.js');

/** The fast suite: node code through n8n's engine against the sandbox on loopback (the slow suites: test:slow). */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: [
		'/node_modules/',
		'\\.e2e\\.test\\.ts$',
		...SLOW_SUITES.map((path) => `<rootDir>/${path}`),
	],
	// Jest's default on two cores is one worker; the tests mostly wait on loopback, so two share the cores well.
	maxWorkers: 2,
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 30000,
	// The strict sandbox: a test fails when it leaves a request the API notes do not document.
	setupFilesAfterEnv: ['<rootDir>/test/harness/strict-sandbox.ts'],
	// n8n's logger prints the errors that tests provoke on purpose: silent unless N8N_LOG_LEVEL is set.
	setupFiles: ['<rootDir>/test/harness/quiet-logs.ts'],
};

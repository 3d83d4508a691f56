/**
 * Loaded before every test file (jest.config.js, setupFilesAfterEnv): a test fails when any sandbox
 * it used recorded a request the API notes do not document, unless the test said it meant to
 * (expectDeviations) or the deviation is a temporary allowance (test/sandbox/strict/known-deviations.ts).
 */
import { appendFileSync } from 'node:fs';

import { startCollecting } from '../sandbox/strict/registry';
import { deviationProblems, takeAllowedDeviations } from './deviations';

startCollecting();

function failOnDeviations() {
	const problems = deviationProblems();
	if (problems) throw new Error(problems);
}

// Registered before the test file's own hooks, so this runs before a file's afterEach resets its sandbox
// (and the registry keeps what a reset clears anyway).
afterEach(failOnDeviations);
// What a file's afterAll (or its last test's late requests) sent.
afterAll(failOnDeviations);

// `STRICT_SANDBOX_REPORT=file npx jest`: one JSON line per deviation a temporary allowance let through,
// so the lead can see which allowances still fire (and delete the others).
afterAll(() => {
	const allowed = takeAllowedDeviations();
	const report = process.env.STRICT_SANDBOX_REPORT;
	if (report && allowed.length)
		appendFileSync(
			report,
			allowed
				.map(
					(deviation) => `${JSON.stringify({ file: expect.getState().testPath, ...deviation })}\n`,
				)
				.join(''),
		);
});

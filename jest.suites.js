/**
 * The slow suites: they mostly wait (back-offs, timeouts, rate limits, large bursts) rather than compute.
 * `npm test` leaves them out so that it stays quick on two cores; `npm run test:slow` runs them, and so does
 * .ci/run. Paths are relative to the repository.
 */
module.exports.SLOW_SUITES = [
	'test/faults/fault-matrix.test.ts', // every write job under every fault (about 70 s)
	'test/transport/shared-limit.test.ts', // several processes sharing one rate limit (the lanes)
	'test/transport/rate-limit-budget.test.ts',
	'test/integration/late-write.test.ts', // writes that land after the client gave up
	'test/triggers/poll-bursts.test.ts',
	'test/triggers/poll-bursts-large.test.ts', // up to 20,000 orders between two polls
	'test/triggers/announced-memory.test.ts',
	'test/validation/malformed-input.test.ts', // the malformed corpus
	'test/validation/malformed-lists.test.ts',
];

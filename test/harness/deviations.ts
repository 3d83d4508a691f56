/**
 * The strict sandbox's check, for tests: a test that means to send a request the API notes do not
 * document says so with expectDeviations(); any other deviation fails the test (see
 * strict-sandbox.ts, loaded by jest.config.js).
 */
import type { Deviation, Sandbox } from '../sandbox';
import { isKnownDeviation } from '../sandbox/strict/known-deviations';
import { takeDeviations, type Recorded } from '../sandbox/strict/registry';

export interface DeviationPattern {
	method?: string;
	path?: string;
	kind?: Deviation['kind'];
	/** Matches `what` (a string must appear in it). */
	what?: RegExp | string;
}

interface Expected {
	sandbox: string;
	pattern: DeviationPattern;
	seen: boolean;
}

let expected: Expected[] = [];
/** The temporary allowances this file's tests used (for STRICT_SANDBOX_REPORT). */
const allowedSoFar: Deviation[] = [];

/** The deviations let through by a temporary allowance so far in this file, and forget them. */
export const takeAllowedDeviations = () => allowedSoFar.splice(0, allowedSoFar.length);

/**
 * This test sends these deviations on purpose: each pattern must match at least one deviation the
 * sandbox records during the test (or the test fails), and they are not reported.
 */
export function expectDeviations(sandbox: Sandbox, ...patterns: DeviationPattern[]) {
	for (const pattern of patterns) expected.push({ sandbox: sandbox.url, pattern, seen: false });
}

export function matchesPattern(deviation: Deviation, pattern: DeviationPattern): boolean {
	if (pattern.method && pattern.method !== deviation.method) return false;
	if (pattern.path && pattern.path !== deviation.path) return false;
	if (pattern.kind && pattern.kind !== deviation.kind) return false;
	if (pattern.what === undefined) return true;
	return typeof pattern.what === 'string'
		? deviation.what.includes(pattern.what)
		: pattern.what.test(deviation.what);
}

/** The deviations that are neither temporarily allowed (known-deviations.ts) nor expected. */
export const unexpectedDeviations = (deviations: Deviation[]) =>
	deviations.filter((deviation) => !isKnownDeviation(deviation));

const describeDeviation = (deviation: Deviation) =>
	`  ${deviation.method} ${deviation.path}: ${deviation.what}${deviation.refused ? ' (refused, 400)' : ''}`;

/** After a test: what went wrong with its deviations, or undefined. Forgets them and the expectations. */
export function deviationProblems(): string | undefined {
	const recorded = takeDeviations();
	const notExpected = recorded.filter((row) => !isExpected(row));
	const unexpected = notExpected.filter((row) => !isKnownDeviation(row.deviation));
	allowedSoFar.push(
		...notExpected.filter((row) => isKnownDeviation(row.deviation)).map((row) => row.deviation),
	);
	const missed = expected.filter((row) => !row.seen);
	expected = [];
	const lines: string[] = [];
	if (unexpected.length) {
		lines.push(
			'The sandbox received requests the API notes do not document (test/sandbox/strict/reference.ts):',
		);
		lines.push(...[...new Set(unexpected.map((row) => describeDeviation(row.deviation)))]);
		lines.push(
			'A test that means to send them says so: expectDeviations(sandbox, { what: ... }) from test/harness/deviations.ts.',
		);
	}
	if (missed.length)
		lines.push(
			`Expected deviations that never came: ${missed.map((row) => JSON.stringify(row.pattern, (_key, value) => (value instanceof RegExp ? String(value) : value))).join(', ')}`,
		);
	return lines.length ? lines.join('\n') : undefined;
}

/** Whether the test expected this deviation; every expectation it matches counts as seen. */
function isExpected(row: Recorded): boolean {
	const matching = expected.filter(
		(entry) => entry.sandbox === row.sandbox && matchesPattern(row.deviation, entry.pattern),
	);
	for (const entry of matching) entry.seen = true;
	return matching.length > 0;
}

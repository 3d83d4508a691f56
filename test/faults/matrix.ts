import type { Fault } from '../sandbox';
import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { startSandbox } from '../sandbox';
import { JOBS, type Job } from './jobs';

/**
 * The fault matrix: every write job under every fault the sandbox can inject, counted by what the
 * sandbox holds afterwards. Max Retries is 4 (the credential's default) and the request timeout 1.5 s:
 * a fault hitting 3 attempts is within the retries (with one to spare, so a slow machine does not make
 * a cell fail) and one hitting 10 is beyond them. A 429 does not count against Max Retries: it is waited
 * out for the credential's Wait When Rate-Limited, 6 s here, so the storm (1,000 refusals) outlasts it.
 */
export const MAX_RETRIES = 4;
export const TIMEOUT_SECONDS = 1.5;
const WITHIN = 3;
const BEYOND = 10;
/** A 429 is waited out until the credential's budget is spent: a short one here, so a storm ends the cell in seconds. */
const RATE_LIMIT_WAIT_MINUTES = 0.1;
const STORM = 1000;

export interface FaultCase {
	name: string;
	/** Within Max Retries: nothing may be lost. Beyond: every loss must be told. */
	withinRetries: boolean;
	fault: Omit<Fault, 'method' | 'path'>;
}

const rateLimited = { statusCode: 429, message: 'Rate limit is exceeded.' };
const serverError = (status: number, times: number, withinRetries: boolean): FaultCase => ({
	name: `${status} ×${times}${withinRetries ? '' : ' (beyond retries)'}`,
	withinRetries,
	fault: { kind: 'status', status, times },
});

export const FAULTS: FaultCase[] = [
	{
		name: '429 ×3 with Retry-After',
		withinRetries: true,
		fault: {
			kind: 'status',
			status: 429,
			times: WITHIN,
			retryAfterSeconds: 1,
			body: { ...rateLimited, message: 'Rate limit is exceeded. Try again in 1 seconds.' },
		},
	},
	{
		name: '429 ×3 without Retry-After',
		withinRetries: true,
		fault: { kind: 'status', status: 429, times: WITHIN, body: rateLimited },
	},
	{
		name: '429 storm (beyond the wait budget)',
		withinRetries: false,
		fault: { kind: 'status', status: 429, times: STORM, body: rateLimited },
	},
	...[500, 502, 503, 504].flatMap((status) => [
		serverError(status, WITHIN, true),
		serverError(status, BEYOND, false),
	]),
	{
		name: 'dropped before processing ×3',
		withinRetries: true,
		fault: { kind: 'drop', times: WITHIN },
	},
	{
		name: 'dropped after the write ×3',
		withinRetries: true,
		fault: { kind: 'drop-after-write', times: WITHIN },
	},
	{
		name: 'no answer until the timeout ×3',
		withinRetries: true,
		fault: { kind: 'timeout', times: WITHIN },
	},
	{
		name: 'answer after the client gave up ×3',
		withinRetries: true,
		fault: { kind: 'late-answer', times: WITHIN, delayMs: TIMEOUT_SECONDS * 1000 + 500 },
	},
	// Issue 27: a write Starshipit processes only after the client gave up, so a read back at once misses it.
	{
		name: 'write lands 4.5 s after the client gave up',
		withinRetries: true,
		fault: { kind: 'slow', times: 1, delayMs: TIMEOUT_SECONDS * 1000 + 4500 },
	},
];

export interface CellResult {
	job: string;
	fault: string;
	withinRetries: boolean;
	records: number;
	present: number;
	/** Absent, or not holding the values sent (an update not made), and the node said so. */
	lostAndTold: number;
	/** Absent or not holding the values sent, yet reported written. */
	lostSilently: number;
	duplicated: number;
	itemsFailed: number;
	/** Why the node stopped, if it did. */
	error?: string;
	seconds: number;
}

/** One cell: a fresh sandbox, the job's setup, the fault on each of its write requests, one node run, then a count. */
export async function runCell(job: Job, faultCase: FaultCase): Promise<CellResult> {
	const started = Date.now();
	const sandbox = await startSandbox({ port: 0 });
	try {
		job.prepare?.(sandbox);
		for (const write of job.writes) sandbox.faults.add({ ...faultCase.fault, ...write } as Fault);
		const credentials = sandboxCredentials(sandbox, {
			maxRetries: MAX_RETRIES,
			timeoutSeconds: TIMEOUT_SECONDS,
			rateLimitWaitMinutes: RATE_LIMIT_WAIT_MINUTES,
		});
		const result = await runNode({
			parameters: job.parameters,
			input: job.input,
			credentials,
			continueOnFail: true,
		});
		// A write the sandbox is still processing (a slow fault) is counted after it landed.
		if (faultCase.fault.kind === 'slow')
			await new Promise((resolve) =>
				setTimeout(
					resolve,
					Math.max(0, started + (faultCase.fault.delayMs ?? 0) + 500 - Date.now()),
				),
			);
		const checks = job.check(sandbox, result);
		const told = (index: number) => !checks[index].reportedOk;
		return {
			job: job.name,
			fault: faultCase.name,
			withinRetries: faultCase.withinRetries,
			records: checks.length,
			present: checks.filter((check) => check.present).length,
			lostAndTold: checks.filter((check, index) => !check.present && told(index)).length,
			lostSilently: checks.filter((check, index) => !check.present && !told(index)).length,
			duplicated: checks.filter((check) => check.copies > 1).length,
			itemsFailed: result.error
				? checks.length
				: checks.filter((check, index) => told(index)).length,
			error: result.error?.message,
			seconds: (Date.now() - started) / 1000,
		};
	} finally {
		await sandbox.close();
	}
}

/**
 * Every cell, many at a time: each waits on backoffs and timeouts far more than it computes. The
 * slowest (faults beyond the retries, timeouts) start first, so the whole matrix takes about as long
 * as its slowest cell.
 */
export async function runMatrix(concurrency = 35): Promise<CellResult[]> {
	const cells = JOBS.flatMap((job) => FAULTS.map((faultCase) => ({ job, faultCase })));
	const slow = (faultCase: FaultCase) =>
		!faultCase.withinRetries || faultCase.fault.kind === 'timeout' ? 0 : 1;
	const order = cells
		.map((_cell, index) => index)
		.sort((a, b) => slow(cells[a].faultCase) - slow(cells[b].faultCase));
	const results: CellResult[] = new Array(cells.length);
	let next = 0;
	const worker = async () => {
		while (next < order.length) {
			const index = order[next++];
			results[index] = await runCell(cells[index].job, cells[index].faultCase);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return results;
}

/** The matrix as a Markdown table, one row per cell. */
export function matrixTable(results: CellResult[]): string {
	const lines = [
		'| Job | Fault | Records | Present | Lost and told | Lost silently | Duplicated | Items failed |',
		'|---|---|---|---|---|---|---|---|',
		...results.map(
			(cell) =>
				`| ${cell.job} | ${cell.fault} | ${cell.records} | ${cell.present} | ${cell.lostAndTold} | ${cell.lostSilently} | ${cell.duplicated} | ${cell.itemsFailed} |`,
		),
	];
	return lines.join('\n');
}

import { FAULTS, runMatrix, type CellResult } from './matrix';
import { JOBS } from './jobs';

// Every write job under every injected fault, counted by what the sandbox holds: never a duplicate,
// never a record reported written that is absent or not updated, nothing lost while the fault stays
// within Max Retries, and beyond it every loss told. `npm run faults` prints the same cells as a table.
let results: CellResult[];
beforeAll(async () => {
	results = await runMatrix();
}, 150_000);

const cell = (job: string, fault: string) =>
	results.find((row) => row.job === job && row.fault === fault) as CellResult;

describe.each(JOBS.map((job) => job.name))('%s', (job) => {
	test.each(FAULTS.map((faultCase) => [faultCase.name, faultCase.withinRetries] as const))(
		'%s',
		(fault, withinRetries) => {
			const result = cell(job, fault);
			expect({ duplicated: result.duplicated, lostSilently: result.lostSilently }).toEqual({
				duplicated: 0,
				lostSilently: 0,
			});
			if (withinRetries)
				expect({ lost: result.records - result.present, error: result.error }).toEqual({
					lost: 0,
					error: undefined,
				});
			else expect(result.lostAndTold + result.present).toBe(result.records);
		},
	);
});

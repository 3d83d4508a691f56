/**
 * `npm run faults`: the fault matrix (test/faults) as a table: every write job under every fault the
 * sandbox injects, counted by what the sandbox holds afterwards. The jest suite asserts the same cells.
 */
import { MAX_RETRIES, TIMEOUT_SECONDS, matrixTable, runMatrix } from '../test/faults/matrix';

async function main() {
	const started = Date.now();
	const results = await runMatrix();
	console.log(
		`\nMax Retries ${MAX_RETRIES}, request timeout ${TIMEOUT_SECONDS} s, 429s waited out for 6 s; each cell a fresh sandbox on loopback (${((Date.now() - started) / 1000).toFixed(0)} s in all).\n`,
	);
	console.log(matrixTable(results));
	const bad = results.filter(
		(cell) =>
			cell.duplicated || cell.lostSilently || (cell.withinRetries && cell.present < cell.records),
	);
	console.log(
		`\n${bad.length === 0 ? 'Every cell: 0 duplicated, 0 lost silently, 0 lost within Max Retries.' : `${bad.length} cells break the rules.`}`,
	);
	process.exit(bad.length ? 1 : 0);
}

void main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});

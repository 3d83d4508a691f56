import { credentialReads } from '../harness/credentials-helper';
import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';

// In queue mode every credential read is a database query, and each await of one lets other executions'
// work run first: with a second read, a busy worker's first request went 1.0-1.3 s after the Import node
// started instead of 0.6-0.9 s (`npm run bench:queue -- --workers=1 --rate=2 --trace`). Our node reads the
// credential once per node run; n8n's authenticated request reads it once more for each request it sends,
// which is n8n's to decide.
const { sandbox, credentials } = useSandbox();

const destination = {
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	itemsInput: 'none',
};

async function readsFor(operation: string, count: number) {
	const input = Array.from({ length: count }, (_, n) => ({ number: `CR-${operation}-${n}` }));
	const before = { reads: credentialReads.count, requests: sandbox.requests.length };
	const { items, error } = await runNode({
		parameters: {
			resource: 'order',
			operation,
			orderNumber: '={{ $json.number }}',
			...destination,
		},
		input,
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	expect(items).toHaveLength(count);
	expect(
		sandbox.store.orders.filter((order) => order.order_number.startsWith(`CR-${operation}-`)),
	).toHaveLength(count);
	return {
		reads: credentialReads.count - before.reads,
		requests: sandbox.requests.length - before.requests,
	};
}

test.each([
	['import', 120],
	['create', 3],
])(
	'Order > %s reads the credential once, besides the one read n8n makes per request',
	async (operation, count) => {
		const { reads, requests } = await readsFor(operation, count);
		expect(requests).toBeGreaterThan(0);
		expect(reads).toBe(requests + 1);
	},
);

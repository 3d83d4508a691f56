/**
 * One n8n "process" sharing a key with others: runs a Starshipit node through n8n-core's engine and the real
 * transport, in a process of its own (its own throttle), against the sandbox it is given.
 * Usage: node -r ts-node/register/transpile-only lane-process.ts <sandbox URL> <items> <requests per second> <job>
 *   <job> is a tracking number (Tracking > Get for each item, one request per item), or `import:<prefix>:<runs>`
 *   (<runs> executions at once, each an Order > Import of <items> orders numbered <prefix>-<run>-<n>: one request per
 *   50 orders, as a queue-mode worker running <runs> imports at a time).
 * Prints "ready" once loaded, starts on a line on its standard input (so that several start together),
 * then prints one JSON line: how many items came back and the first error, if any.
 */
import { runNode, type NodeRunResult } from '../harness/run-workflow';
import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from '../sandbox';

function trackingRun(items: number, trackingNumber: string) {
	return {
		parameters: {
			resource: 'tracking',
			operation: 'get',
			lookupBy: 'trackingNumber',
			trackingNumber,
		},
		input: Array.from({ length: items }, (_, index) => ({ index })),
	};
}

function importRun(items: number, prefix: string) {
	return {
		parameters: {
			resource: 'order',
			operation: 'import',
			orderNumber: '={{ $json.number }}',
			destinationName: 'Lane',
			destinationStreet: '1 Test St',
			destinationSuburb: 'Sydney',
			destinationCountry: 'Australia',
			destinationPostCode: '2000',
			itemsInput: 'none',
			items: {},
			packages: {},
			additionalFields: {},
		},
		input: Array.from({ length: items }, (_, index) => ({ number: `${prefix}-${index}` })),
	};
}

async function main() {
	const [url, items, rate, job] = process.argv.slice(2);
	const credentials = {
		apiKey: SANDBOX_API_KEY,
		subscriptionApiKey: SANDBOX_SUBSCRIPTION_KEY,
		baseUrl: url,
		rateLimitTier: 'custom',
		customRateLimit: Number(rate),
		maxRetries: 0,
	};
	const [kind, prefix, runs] = job.split(':');
	const jobs =
		kind === 'import'
			? Array.from({ length: Number(runs) }, (_, run) =>
					importRun(Number(items), `${prefix}-${run}`),
				)
			: [trackingRun(Number(items), job)];
	process.stdout.write('ready\n');
	await new Promise((resolve) => process.stdin.once('data', resolve));
	const results: NodeRunResult[] = await Promise.all(
		jobs.map(async (one) => await runNode({ ...one, credentials })),
	);
	const error = results.find((result) => result.error)?.error?.message ?? null;
	process.stdout.write(
		`${JSON.stringify({ items: results.reduce((sum, result) => sum + result.items.length, 0), error })}\n`,
	);
}

void main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stdout.write(`${JSON.stringify({ items: 0, error: error.message })}\n`);
		process.exit(1);
	},
);

/**
 * One n8n "process" for the shared-limit test: runs Tracking > Get for N items through n8n-core's engine
 * and the real transport, in a process of its own (its own throttle), against the sandbox it is given.
 * Usage: node -r ts-node/register/transpile-only lane-process.ts <sandbox URL> <items> <requests per second>
 * Prints "ready" once loaded, starts on a line on its standard input (so that several start together),
 * then prints one JSON line: how many items came back and the error, if any.
 */
import { runNode } from '../harness/run-workflow';
import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from '../sandbox';

async function main() {
	const [url, items, rate, trackingNumber] = process.argv.slice(2);
	process.stdout.write('ready\n');
	await new Promise((resolve) => process.stdin.once('data', resolve));
	const result = await runNode({
		parameters: { resource: 'tracking', operation: 'get', lookupBy: 'trackingNumber', trackingNumber },
		input: Array.from({ length: Number(items) }, (_, index) => ({ index })),
		credentials: { apiKey: SANDBOX_API_KEY, subscriptionApiKey: SANDBOX_SUBSCRIPTION_KEY, baseUrl: url, rateLimitTier: 'custom', customRateLimit: Number(rate), maxRetries: 0 },
	});
	process.stdout.write(`${JSON.stringify({ items: result.items.length, error: result.error?.message ?? null })}\n`);
}

void main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stdout.write(`${JSON.stringify({ items: 0, error: error.message })}\n`);
		process.exit(1);
	},
);

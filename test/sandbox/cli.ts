/** `npm run sandbox [-- --port 4010 --rate 2 --data .sandbox-data.json]`: a local Starshipit with demo data. */
import { startSandbox, SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from './index';

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

void (async () => {
	const rate = option('rate');
	const sandbox = await startSandbox({
		port: Number(option('port') ?? process.env.SANDBOX_PORT ?? 4010),
		rateLimitPerSecond: rate ? Number(rate) : null,
		dataFile: option('data'),
	});
	console.log(`Starshipit sandbox listening on ${sandbox.url}`);
	console.log(`  API key:          ${SANDBOX_API_KEY}`);
	console.log(`  Subscription key: ${SANDBOX_SUBSCRIPTION_KEY}`);
	console.log(
		`  ${sandbox.store.orders.length} orders, ${sandbox.store.products.length} products seeded. Ctrl+C stops it.`,
	);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})();

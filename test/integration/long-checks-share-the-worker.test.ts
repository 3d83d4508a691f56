import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { startSandbox, type Sandbox } from '../sandbox';

// Order > Import and Product > Sync check every item before sending anything. In queue mode one worker
// runs several executions on one thread: a check of hundreds of items in one go held back the answers
// other executions were waiting for, and the rate pacing counted them late (one worker at 2/s, `npm run
// bench:queue -- --workers=1 --trace`: the second second's requests went 0.6 s late). The check now lets
// other work run between batches of items; here a timer stands for that other work.
let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterEach(() => sandbox.reset());
afterAll(async () => await sandbox.close());

/** How many times a timer got its turn between the start of the run and Starshipit's first request. */
async function turnsBeforeFirstRequest(parameters: IDataObject, input: IDataObject[]): Promise<number> {
	const before = sandbox.requests.length;
	let turns = 0;
	let running = true;
	const tick = () => {
		if (!running || sandbox.requests.length > before) return;
		turns++;
		setTimeout(tick, 0);
	};
	setTimeout(tick, 0);
	const { error } = await runNode({ parameters, input, credentials: sandboxCredentials(sandbox) });
	running = false;
	expect(error).toBeUndefined();
	expect(sandbox.requests.length).toBeGreaterThan(before);
	return turns;
}

const importOrders = {
	resource: 'order', operation: 'import', orderNumber: '={{ $json.number }}',
	destinationName: 'Sam Lee', destinationStreet: '5 King Street', destinationSuburb: 'Newtown', destinationPostCode: '2042', destinationCountry: 'Australia',
};
const syncProducts = { resource: 'product', operation: 'sync', sku: '={{ $json.sku }}', fields: { title: '={{ $json.title }}', weight: 1 } };

// The timer also gets a few turns while n8n starts the run (3-5 here), so half the breaks are asked for;
// before the breaks, the long check gave it none (a difference of 0 or less).
test.each([
	['Order > Import', 1000, importOrders, (n: number) => ({ number: `TURN-${n}` })],
	['Product > Sync', 400, syncProducts, (n: number) => ({ sku: `TURN-${n}`, title: `Thing ${n}` })],
])('%s: other work gets turns while %d items are checked', async (_name, count, parameters, item) => {
	const alone = await turnsBeforeFirstRequest(parameters, [item(0)]);
	sandbox.reset();
	const many = await turnsBeforeFirstRequest(parameters, Array.from({ length: count }, (_, n) => item(n)));
	expect(many - alone).toBeGreaterThanOrEqual(count / 50 / 2);
});

import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { SEED, startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterAll(async () => await sandbox.close());

const track = (parameters: Record<string, string>) =>
	runNode({ parameters: { resource: 'tracking', operation: 'get', ...parameters }, input: [{}], credentials: sandboxCredentials(sandbox) });

test('a delivered order says delivered, with its events oldest first', async () => {
	const { items } = await track({ lookupBy: 'orderNumber', orderNumber: SEED.deliveredOrder, output: 'shipment' });
	expect(items[0].json).toMatchObject({ delivered: true, tracking_status: 'Delivered' });
	const events = await track({ lookupBy: 'orderNumber', orderNumber: SEED.deliveredOrder, output: 'events' });
	expect(events.items.map((item) => item.json.status)).toEqual(['Printed', 'InTransit', 'Delivered']);
});

test('a shipment on its way is not delivered', async () => {
	const { items } = await track({ lookupBy: 'trackingNumber', trackingNumber: 'SSI000000999', output: 'shipment' });
	expect(items[0].json).toMatchObject({ delivered: false, order_number: SEED.printedOrder });
});

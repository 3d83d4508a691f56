import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';

const { sandbox } = useSandbox({ resetAfterEach: false });

const track = (parameters: Record<string, string>) =>
	runNode({
		parameters: { resource: 'tracking', operation: 'get', ...parameters },
		input: [{}],
		credentials: sandboxCredentials(sandbox),
	});

test('a delivered order says delivered, with its events oldest first', async () => {
	const { items } = await track({
		lookupBy: 'orderNumber',
		orderNumber: SEED.deliveredOrder,
		output: 'shipment',
	});
	expect(items[0].json).toMatchObject({ delivered: true, tracking_status: 'Delivered' });
	const events = await track({
		lookupBy: 'orderNumber',
		orderNumber: SEED.deliveredOrder,
		output: 'events',
	});
	expect(events.items.map((item) => item.json.status)).toEqual([
		'Printed',
		'InTransit',
		'Delivered',
	]);
});

test('a shipment on its way is not delivered', async () => {
	const { items } = await track({
		lookupBy: 'trackingNumber',
		trackingNumber: 'SSI000000999',
		output: 'shipment',
	});
	expect(items[0].json).toMatchObject({ delivered: false, order_number: SEED.printedOrder });
});

describe('a shipment Starshipit does not have is an error that names the item, never a silent end', () => {
	afterEach(() => sandbox.faults.clear());

	test('an order without a label: Starshipit’s own words', async () => {
		const { items, error } = await track({
			lookupBy: 'orderNumber',
			orderNumber: SEED.domesticOrder,
			output: 'shipment',
		});
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/No shipment found/);
	});

	test('an answer with no results', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/api/track',
			kind: 'status',
			status: 200,
			body: { success: true, results: null },
		});
		const { error } = await track({
			lookupBy: 'trackingNumber',
			trackingNumber: 'SSI000000404',
			output: 'events',
		});
		expect(error?.message).toBe(
			'Starshipit has no shipment for tracking number SSI000000404 (item 1)',
		);
	});
});

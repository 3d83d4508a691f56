import { runNode } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';

// Issue 27, point 2: Order > Mark as Shipped on 20 orders, one write landing 4.5 s after the client
// gave up (a 1.5 s Timeout, as the fault matrix runs). Read back at once, the shipment is not there
// yet; sent again, it landed twice. A write that got no answer is now given time to land before it
// is read back the last time, and is sent again only if it is still not there.
const { sandbox } = useSandbox({ perTest: true });

const TIMEOUT_SECONDS = 1.5;
const LANDS_AFTER_GIVING_UP_MS = 4500;
const SHIPMENTS = Array.from({ length: 20 }, (_, n) => ({
	number: `LATE-${n + 1}`,
	tracking: `TRKLATE${String(n + 1).padStart(4, '0')}`,
}));
const parameters = {
	resource: 'order',
	operation: 'markShipped',
	orderNumber: '={{ $json.number }}',
	recipientName: 'Sam Lee',
	carrier: 'AusPost',
	trackingNumber: '={{ $json.tracking }}',
	country: 'Australia',
	postCode: '2042',
};
const credentials = () =>
	sandboxCredentials(sandbox, { maxRetries: 4, timeoutSeconds: TIMEOUT_SECONDS });
const held = (number: string) =>
	sandbox.store.orders.filter((order) => order.order_number === number && order.tracking_only);
const writes = () =>
	sandbox.requests.filter(
		(request) => request.method === 'POST' && request.path === '/api/orders/shipped',
	);

test.each([
	['the write is processed after the client gave up (slow)', 'slow'],
	[
		'the write is processed at once, its answer comes after the client gave up (late-answer)',
		'late-answer',
	],
] as const)(
	'Mark as Shipped x20, %s: every order marked shipped once, none failed',
	async (_name, kind) => {
		const nth = 7;
		// Faults are taken in turn: the first six writes go through at once, the seventh item's is late.
		for (let n = 1; n < nth; n++)
			sandbox.faults.add({
				method: 'POST',
				path: '/api/orders/shipped',
				kind: 'slow',
				delayMs: 0,
				times: 1,
			});
		sandbox.faults.add({
			method: 'POST',
			path: '/api/orders/shipped',
			kind,
			delayMs: TIMEOUT_SECONDS * 1000 + LANDS_AFTER_GIVING_UP_MS,
			times: 1,
		});
		const { items, error } = await runNode({
			parameters,
			input: SHIPMENTS,
			credentials: credentials(),
			continueOnFail: true,
		});
		// Long enough for the late write to have landed, whatever the node did.
		await new Promise((resolve) => setTimeout(resolve, LANDS_AFTER_GIVING_UP_MS + 1000));
		expect(error).toBeUndefined();
		expect(items.filter((item) => item.json.error !== undefined)).toEqual([]);
		expect(SHIPMENTS.map(({ number }) => held(number).length)).toEqual(SHIPMENTS.map(() => 1));
		SHIPMENTS.forEach(({ number, tracking }, index) => {
			expect(held(number)[0].tracking_number).toBe(tracking);
			expect(items[index].json).toMatchObject({
				success: true,
				order_number: number,
				order_id: held(number)[0].order_id,
			});
		});
		expect(writes()).toHaveLength(SHIPMENTS.length);
	},
	60_000,
);

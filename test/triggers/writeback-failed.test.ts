/** Poll Trigger event "Write-back to Your Store Failed": one run per order whose tracking did not reach the shop. */
import type { INode } from 'n8n-workflow';

import { UNCONFIRMED } from '../../nodes/Starshipit/transport/api-reference';
import { useSandbox } from '../harness/use-sandbox';
import { poll, triggerWorkflow } from '../harness/trigger-contexts';
import { SEED } from '../sandbox';

const { sandbox, credentials } = useSandbox();

function publishedPoller() {
	const node: INode = {
		id: 'poll',
		name: 'Write-back failed',
		type: 'n8n-nodes-starshipit.starshipitPollTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { event: 'writebackFailed' },
		credentials: { starshipitApi: { id: 'sandbox', name: 'Starshipit sandbox' } },
	};
	const workflow = triggerWorkflow([node]);
	return async (mode: 'trigger' | 'manual' = 'trigger') =>
		((await poll(workflow, node, credentials(), mode))?.[0] ?? []).map((item) => item.json);
}

const FAILED = UNCONFIRMED.writeback.failedValues[0];

function writeBack(orderNumber: string, status: string, details = '') {
	const order = sandbox.store.orders.find((row) => row.order_number === orderNumber)!;
	Object.assign(order, {
		writeback_status: status,
		writeback_details: details,
		integration_source_name: 'My Shopify store',
		last_updated_date: new Date().toISOString(),
	});
}

test('one run per order whose write-back failed, with its number, shop and reason; failures from before publishing start nothing', async () => {
	writeBack(SEED.deliveredOrder, FAILED, 'Old failure');
	const next = publishedPoller();
	expect(await next()).toEqual([]);
	writeBack(SEED.printedOrder, FAILED, 'Shopify: fulfillment already exists');
	const [alert, ...others] = await next();
	expect(others).toEqual([]);
	expect(alert).toMatchObject({
		order_number: SEED.printedOrder,
		shop: 'My Shopify store',
		reason: 'Shopify: fulfillment already exists',
		tracking_number: 'SSI000000999',
	});
	expect(await next()).toEqual([]);
	const asked = sandbox.requests.filter((request) => request.path === '/api/orders').at(-1)!;
	expect(asked.query.filter).toBe(
		`${UNCONFIRMED.writeback.filterColumn}:::${UNCONFIRMED.writeback.filterValue}`,
	);
});

test('an order whose write-back is fixed and then fails again starts a new run; "Fetch Test Event" shows failed orders', async () => {
	const next = publishedPoller();
	await next();
	writeBack(SEED.printedOrder, FAILED, 'Store offline');
	expect(await next()).toHaveLength(1);
	writeBack(SEED.printedOrder, 'Success');
	expect(await next()).toEqual([]);
	writeBack(SEED.printedOrder, FAILED, 'Store offline again');
	expect((await next()).map((item) => item.reason)).toEqual(['Store offline again']);
	expect((await next('manual')).map((item) => item.order_number)).toEqual([SEED.printedOrder]);
});

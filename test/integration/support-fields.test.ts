import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode, type RunNodeOptions } from '../harness/run-workflow';
import { sandboxCredentials } from '../harness/sandbox-credentials';
import { useSandbox } from '../harness/use-sandbox';
import { SEED } from '../sandbox';
import { byNumber, newOrderFromItem as newOrder } from './order-fixtures';

// Starshipit's integration guide: every failed request names the source order, the Starshipit order,
// endpoint, method, status, Starshipit's answer, retries, time and the action; a failed write also
// carries what is needed to run it again. Checked for each write, in n8n's three error settings.
const { sandbox } = useSandbox();

interface WriteCase {
	name: string;
	resource: string;
	operation: string;
	parameters: IDataObject;
	input: IDataObject[];
	fault: { method: string; path: string };
	action: string;
	sourceOrderId: string | null;
}

const writes: WriteCase[] = [
	{
		name: 'Order > Create',
		resource: 'order',
		operation: 'create',
		parameters: newOrder,
		input: [{ number: 'WEB-9101' }],
		fault: { method: 'POST', path: '/api/orders' },
		action: 'create',
		sourceOrderId: 'WEB-9101',
	},
	{
		name: 'Order > Create or Update',
		resource: 'order',
		operation: 'createOrUpdate',
		parameters: newOrder,
		input: [{ number: 'WEB-9102' }],
		fault: { method: 'POST', path: '/api/orders' },
		action: 'create',
		sourceOrderId: 'WEB-9102',
	},
	{
		name: 'Order > Update',
		resource: 'order',
		operation: 'update',
		parameters: {
			...byNumber(SEED.domesticOrder),
			updateFields: { reference: 'R-1' },
			verify: false,
		},
		input: [{}],
		fault: { method: 'PUT', path: '/api/orders' },
		action: 'update',
		sourceOrderId: SEED.domesticOrder,
	},
	{
		name: 'Order > Delete',
		resource: 'order',
		operation: 'delete',
		parameters: byNumber(SEED.domesticOrder),
		input: [{}],
		fault: { method: 'DELETE', path: '/api/orders/delete' },
		action: 'delete',
		sourceOrderId: SEED.domesticOrder,
	},
	{
		name: 'Order > Archive',
		resource: 'order',
		operation: 'archive',
		parameters: byNumber(SEED.printedOrder),
		input: [{}],
		fault: { method: 'POST', path: '/api/orders/archive' },
		action: 'archive',
		sourceOrderId: SEED.printedOrder,
	},
	{
		name: 'Order > Mark as Shipped',
		resource: 'order',
		operation: 'markShipped',
		parameters: {
			orderNumber: 'ERP-9103',
			recipientName: 'Sam Lee',
			carrier: 'AusPost',
			trackingNumber: '33ABC1234567',
			country: 'Australia',
			postCode: '2042',
		},
		input: [{}],
		fault: { method: 'POST', path: '/api/orders/shipped' },
		action: 'create',
		sourceOrderId: 'ERP-9103',
	},
	{
		name: 'Label > Create',
		resource: 'label',
		operation: 'create',
		parameters: byNumber(SEED.domesticOrder),
		input: [{}],
		fault: { method: 'POST', path: '/api/orders/shipment' },
		action: 'label',
		sourceOrderId: SEED.domesticOrder,
	},
	{
		name: 'Order > Restore',
		resource: 'order',
		operation: 'restore',
		parameters: byNumber(SEED.printedOrder),
		input: [{}],
		fault: { method: 'POST', path: '/api/orders/restore' },
		action: 'restore',
		sourceOrderId: SEED.printedOrder,
	},
	{
		name: 'Order > Set Carrier for Many',
		resource: 'order',
		operation: 'setCarrier',
		parameters: { orderId: '={{ $json.order_id }}', carrierId: '9', serviceCode: 'PL' },
		input: [{ order_id: 1001 }],
		fault: { method: 'PUT', path: '/api/orders/batchupdate' },
		action: 'update',
		sourceOrderId: null,
	},
	{
		name: 'Label > Create Return',
		resource: 'label',
		operation: 'createReturn',
		parameters: byNumber(SEED.printedOrder),
		input: [{}],
		fault: { method: 'POST', path: '/api/orders/shipment/clone' },
		action: 'create',
		sourceOrderId: SEED.printedOrder,
	},
	{
		name: 'Manifest > Create',
		resource: 'manifest',
		operation: 'create',
		parameters: { manifestBy: 'orders', orderId: '999' },
		input: [{}],
		fault: { method: 'POST', path: '/api/orders/manifest' },
		action: 'manifest',
		sourceOrderId: null,
	},
	{
		name: 'Product > Update',
		resource: 'product',
		operation: 'update',
		parameters: { sku: 'MUG-BLUE', updateFields: { weight: 0.45 } },
		input: [{}],
		fault: { method: 'PUT', path: '/api/products/update' },
		action: 'update',
		sourceOrderId: null,
	},
	{
		name: 'Product > Delete',
		resource: 'product',
		operation: 'delete',
		parameters: { sku: 'POSTER-A2' },
		input: [{}],
		fault: { method: 'DELETE', path: '/api/products/delete' },
		action: 'delete',
		sourceOrderId: null,
	},
	{
		name: 'Product > Create',
		resource: 'product',
		operation: 'create',
		parameters: { sku: 'NEW-9104', title: 'New thing' },
		input: [{}],
		fault: { method: 'POST', path: '/api/products' },
		action: 'create',
		sourceOrderId: null,
	},
	{
		name: 'Product > Sync',
		resource: 'product',
		operation: 'sync',
		parameters: { sku: 'NEW-9105', title: 'New thing' },
		input: [{}],
		fault: { method: 'POST', path: '/api/products' },
		action: 'sync',
		sourceOrderId: null,
	},
];

const runWrite = (write: WriteCase, onError: RunNodeOptions['onError']) =>
	runNode({
		parameters: { resource: write.resource, operation: write.operation, ...write.parameters },
		input: write.input,
		credentials: sandboxCredentials(sandbox, { maxRetries: 0 }),
		onError,
	});

/** The guide's fields, wherever the failure is shown. */
function expectGuideFields(context: IDataObject | undefined, write: WriteCase) {
	expect(context).toMatchObject({
		action: write.action,
		method: write.fault.method,
		endpoint: write.fault.path,
		status: 503,
		sourceOrderId: write.sourceOrderId,
		retries: 0,
		responseBody: expect.objectContaining({ success: false }),
	});
	expect(Object.keys(context ?? {})).toEqual(
		expect.arrayContaining(['starshipitOrderId', 'timestamp']),
	);
	expect(Date.parse(String(context?.timestamp))).not.toBeNaN();
}

/** What a replay needs: the operation and the checked input, never a key. */
function expectReplay(item: INodeExecutionData, write: WriteCase) {
	const replay = item.json.replay as IDataObject;
	expect(replay).toMatchObject({ resource: write.resource, operation: write.operation });
	expect(replay.parameters).toEqual(expect.any(Object));
	const text = JSON.stringify(replay);
	expect(text).not.toContain('sandbox-api-key');
	expect(text).not.toContain('{{');
	if (write.sourceOrderId && (write.parameters as IDataObject).orderNumber)
		expect((replay.parameters as IDataObject).orderNumber).toBe(write.sourceOrderId);
}

describe.each(writes)(
	'$name: a failed write carries the guide’s fields and its replay',
	(write) => {
		beforeEach(() =>
			sandbox.faults.add({ ...write.fault, kind: 'status', status: 503, times: 10 }),
		);

		test('without Continue On Fail: the error that stops the node carries them', async () => {
			const { error } = await runWrite(write, 'stopWorkflow');
			expectGuideFields(error?.context?.supportContext as IDataObject, write);
			expect(error?.context?.replay).toMatchObject({
				resource: write.resource,
				operation: write.operation,
			});
		});

		test('Continue (using regular output): the error item carries them', async () => {
			const { items } = await runWrite(write, 'continueRegularOutput');
			expect(items).toHaveLength(1);
			expect(items[0].json.error).toEqual(expect.any(String));
			expectGuideFields(items[0].json.supportContext as IDataObject, write);
			expectReplay(items[0], write);
			// Manifest > Create sends all items in one request: its failure pairs with every one of them.
			expect([items[0].pairedItem].flat()).toEqual([{ item: 0 }]);
		});

		test('Continue (using error output): the item goes to the error output with them, beside the input', async () => {
			const { items, errorItems } = await runWrite(write, 'continueErrorOutput');
			expect(items).toHaveLength(0);
			expect(errorItems).toHaveLength(1);
			// n8n sends an item there only when its fields are `error`, `message`, `details`: the rest sits under details.
			const { details } = errorItems[0].json as { details: IDataObject };
			expectGuideFields(details.supportContext as IDataObject, write);
			expectReplay({ json: details }, write);
			expect(errorItems[0].json).toMatchObject({ ...write.input[0], error: expect.any(String) });
		});
	},
);

test('a failure before anything is sent (a missing field) still names the order, the action and the operation', async () => {
	const { items } = await runNode({
		parameters: {
			resource: 'order',
			operation: 'create',
			...newOrder,
			destinationCountry: 'Atlantis',
		},
		input: [{ number: 'WEB-9106' }],
		credentials: sandboxCredentials(sandbox),
		continueOnFail: true,
	});
	expect(items[0].json.supportContext).toMatchObject({
		action: 'create',
		sourceOrderId: 'WEB-9106',
		endpoint: null,
		method: null,
		status: null,
		retries: 0,
	});
	expect(items[0].json.replay).toMatchObject({
		resource: 'order',
		operation: 'create',
		parameters: expect.objectContaining({
			orderNumber: 'WEB-9106',
			destinationCountry: 'Atlantis',
		}),
	});
	expect(sandbox.requests).toHaveLength(0);
});

test('a failed read carries the guide’s fields but no replay (there is nothing to write again)', async () => {
	sandbox.faults.add({ method: 'GET', path: '/api/track', kind: 'status', status: 503, times: 10 });
	const { items } = await runNode({
		parameters: {
			resource: 'tracking',
			operation: 'get',
			lookupBy: 'orderNumber',
			orderNumber: SEED.printedOrder,
		},
		credentials: sandboxCredentials(sandbox, { maxRetries: 0 }),
		continueOnFail: true,
	});
	expect(items[0].json.supportContext).toMatchObject({
		action: 'read',
		endpoint: '/api/track',
		status: 503,
	});
	expect(items[0].json.replay).toBeUndefined();
});

test('Import: a failed order’s outcome carries the guide’s fields and its own replay (one order, not the batch)', async () => {
	sandbox.faults.add({
		method: 'POST',
		path: '/api/orders/import',
		kind: 'status',
		status: 503,
		times: 10,
	});
	const { items, errorItems } = await runNode({
		parameters: { resource: 'order', operation: 'import', ...newOrder },
		input: [{ number: 'WEB-9107' }, { number: 'WEB-9108' }],
		credentials: sandboxCredentials(sandbox, { maxRetries: 0 }),
		onError: 'continueErrorOutput',
	});
	expect(items).toHaveLength(0);
	expect(errorItems.map((item) => (item.json.details as IDataObject).supportContext)).toEqual([
		expect.objectContaining({
			action: 'create',
			endpoint: '/api/orders/import',
			status: 503,
			sourceOrderId: 'WEB-9107',
		}),
		expect.objectContaining({
			action: 'create',
			endpoint: '/api/orders/import',
			status: 503,
			sourceOrderId: 'WEB-9108',
		}),
	]);
	expect((errorItems[1].json.details as IDataObject).replay).toMatchObject({
		resource: 'order',
		operation: 'import',
		parameters: { orderNumber: 'WEB-9108' },
	});
});

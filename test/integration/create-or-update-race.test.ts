import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run-workflow';
import { useSandbox } from '../harness/use-sandbox';

// Issue 27, point 7: two Create or Update runs on the same new orders at once. Both look each order
// up, find nothing, and create it; Starshipit takes the first create and answers the second "Order
// ... already exists". That answer now means "update it": the order is read and brought in line.
const { sandbox, credentials } = useSandbox();

const NUMBERS = Array.from({ length: 20 }, (_, n) => `RACE-${n + 1}`);
const parameters = {
	resource: 'order',
	operation: 'createOrUpdate',
	orderNumber: '={{ $json.number }}',
	destinationName: 'Sam Lee',
	destinationStreet: '={{ $json.street }}',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	itemsInput: 'none',
};
const run = (street: string, continueOnFail = false) =>
	runNode({
		parameters,
		input: NUMBERS.map((number) => ({ number, street })),
		credentials: credentials(),
		continueOnFail,
	});
const held = (number: string) =>
	sandbox.store.orders.filter((order) => order.order_number === number);
const creates = () =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/orders');

test('the same 20 new orders, two runs at once: none fails, each order is stored once, one run created it and the other found it unchanged', async () => {
	const runs = await Promise.all([run('5 King Street'), run('5 King Street')]);
	for (const { error } of runs) expect(error).toBeUndefined();
	// The race happened: some creates were refused as "already exists" (else the test proves nothing).
	expect(creates().filter((request) => request.status !== 200).length).toBeGreaterThan(0);
	NUMBERS.forEach((number, index) => {
		const outcomes = runs.map(({ items }) => (items[index].json as IDataObject).outcome).sort();
		expect({ number, outcomes }).toEqual({ number, outcomes: ['created', 'unchanged'] });
		expect(held(number)).toHaveLength(1);
		for (const { items } of runs)
			expect(items[index].json).toMatchObject({
				order_number: number,
				order_id: held(number)[0].order_id,
			});
	});
});

test('two runs at once with different values: the later run updates what the earlier created; none fails', async () => {
	const runs = await Promise.all([run('5 King Street', true), run('9 New Street', true)]);
	NUMBERS.forEach((number, index) => {
		const outcomes = runs.map(({ items }) => (items[index].json as IDataObject).outcome);
		expect(held(number)).toHaveLength(1);
		expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
		expect(outcomes.filter((outcome) => outcome === 'updated')).toHaveLength(1);
		// Held as the run that wrote last sent it.
		const last = outcomes.indexOf('updated');
		expect(held(number)[0].destination.street).toBe(last === 0 ? '5 King Street' : '9 New Street');
	});
});

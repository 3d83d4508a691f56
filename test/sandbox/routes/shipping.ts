import { pdfDocument, zplDocument } from '../pdf';
import { ACCOUNT } from '../seed';
import type { Json, SandboxOrder } from '../types';
import { fail, isoNow, ok, pageOf, toInt, type Route, type RouteRequest } from './envelope';
import { findOrder } from './orders';

const DOMESTIC = new Set(['AU', 'Australia']);
const isInternational = (order: SandboxOrder) =>
	!DOMESTIC.has(String(order.destination.country ?? ''));

/** Customs data Starshipit needs before it books an international shipment. */
function customsProblems(order: SandboxOrder): string[] {
	if (!isInternational(order)) return [];
	return order.items.flatMap((item, index) => [
		...(item.description ? [] : [`Item ${index + 1}: description is required for customs`]),
		...(Number(item.value) > 0 ? [] : [`Item ${index + 1}: value is required for customs`]),
	]);
}

function labelFiles(request: RouteRequest, order: SandboxOrder) {
	const lines = [
		`${order.carrier_name}  ${order.carrier_service_code}`,
		`Order ${order.order_number}`,
		`Tracking ${order.tracking_number}`,
		String(order.destination.name),
	];
	if (request.settings.labelFormat === 'zpl')
		return { labels: [Buffer.from(zplDocument(lines)).toString('base64')], label_types: ['ZPL'] };
	return { labels: [pdfDocument(lines).toString('base64')], label_types: ['Label'] };
}

function setTracking(request: RouteRequest, order: SandboxOrder, status: string, details: string) {
	order.tracking_status = status;
	order.tracking_events.push({ event_datetime: isoNow(request.now), status, details });
	order.last_updated_date = isoNow(request.now);
	request.settings.onTrackingChange?.(order.order_number);
}

/** Book the shipment: a tracking number, the order becomes Printed. */
export function printOrder(request: RouteRequest, order: SandboxOrder, carrier?: Json) {
	const number = request.store.nextTrackingNumber++;
	order.carrier = String(carrier?.carrier || order.carrier || ACCOUNT.carrier);
	order.carrier_name = order.carrier === ACCOUNT.carrier ? ACCOUNT.carrierName : order.carrier;
	order.carrier_service_code = String(
		carrier?.carrier_service_code ||
			order.carrier_service_code ||
			(isInternational(order) ? 'INTL' : 'PP'),
	);
	order.tracking_number = `SSI${String(number).padStart(9, '0')}`;
	order.tracking_url = `https://track.example/${order.tracking_number}`;
	order.status = 'Printed';
	order.shipment_date = isoNow(request.now);
	setTracking(request, order, 'Printed', 'Label printed');
}

const createLabel: Route = (request) => {
	const { body, store } = request;
	const order = findOrder(store, body.order_id, body.order_number);
	if (!order || order.archived)
		return fail(
			404,
			'Order not found',
			`No order with ${body.order_id ? `id ${String(body.order_id)}` : `number ${String(body.order_number ?? '')}`}`,
		);
	if (body.reprint === true) {
		if (!order.tracking_number)
			return fail(400, 'The order has no label to reprint', 'Create the label first');
	} else {
		if (order.status !== 'Unshipped')
			return fail(
				400,
				`Order ${order.order_number} is already printed`,
				'Send reprint: true to get its label again',
			);
		const problems = customsProblems(order);
		if (problems.length) return fail(400, 'Customs information is incomplete', problems.join('; '));
		if (Array.isArray(body.packages) && body.packages.length)
			order.packages = body.packages as Json[];
		printOrder(request, order, body);
	}
	return ok({
		order_id: order.order_id,
		order_number: order.order_number,
		carrier_name: order.carrier_name,
		carrier_service_code: order.carrier_service_code,
		tracking_numbers: [order.tracking_number],
		...labelFiles(request, order),
	});
};

/** The orders of a batch body (`order_ids`), in its order, or the refusal naming the first unknown one. */
function batchOrders(request: RouteRequest): {
	orders?: SandboxOrder[];
	refusal?: ReturnType<typeof fail>;
} {
	const ids = request.body.order_ids;
	if (!Array.isArray(ids) || !ids.length) return { refusal: fail(400, 'order_ids is required') };
	const orders = ids.map((id) => findOrder(request.store, id));
	const missing = orders.findIndex((order) => !order || order.archived);
	if (missing >= 0)
		return { refusal: fail(404, 'Order not found', `No order with id ${String(ids[missing])}`) };
	return { orders: orders as SandboxOrder[] };
}

/**
 * POST /api/orders/shipments: books every order of the batch (or, with `reprint`, returns the labels
 * made before). The answer has no tracking numbers (documented); one label per order, in the order of
 * `order_ids` (GUESSES.batchLabelOrder). One order that cannot be booked refuses the whole batch.
 */
const labelsForOrders: Route = (request) => {
	const { orders, refusal } = batchOrders(request);
	if (!orders) return refusal!;
	if (request.body.reprint === true) {
		const unprinted = orders.find((order) => !order.tracking_number);
		if (unprinted)
			return fail(
				400,
				'The order has no label to reprint',
				`Order ${unprinted.order_number}: create the label first`,
			);
	} else {
		const printed = orders.find((order) => order.status !== 'Unshipped');
		if (printed)
			return fail(
				400,
				`Order ${printed.order_number} is already printed`,
				'Send reprint: true to get its label again',
			);
		for (const order of orders) {
			const problems = customsProblems(order);
			if (problems.length)
				return fail(
					400,
					'Customs information is incomplete',
					`Order ${order.order_number}: ${problems.join('; ')}`,
				);
		}
		for (const order of orders) printOrder(request, order);
	}
	return ok({
		labels: orders.map((order) => {
			const files = labelFiles(request, order);
			return { label_type: files.label_types[0], label_base64_string: files.labels[0] };
		}),
	});
};

/** POST /api/orders/packingslips: one PDF, a page section per order (or, with `summary`, one pick list for all). */
const packingSlips: Route = (request) => {
	const { orders, refusal } = batchOrders(request);
	if (!orders) return refusal!;
	const lines =
		request.body.summary === true
			? [
					'Packing summary',
					...orders.flatMap((order) =>
						order.items.map(
							(item) =>
								`${String(item.quantity ?? 1)} x ${String(item.sku ?? item.description ?? '')}`,
						),
					),
				]
			: orders.flatMap((order) => [
					`Packing slip ${order.order_number}`,
					...order.items.map(
						(item) =>
							`${String(item.quantity ?? 1)} x ${String(item.sku ?? item.description ?? '')}`,
					),
				]);
	return ok({ label_type: 'PackingSlip', pdf: pdfDocument(lines).toString('base64') });
};

/**
 * POST /api/orders/shipment/replace ("Re-do"): the printed label is cancelled and a new one booked
 * on the same order, with a new tracking number (GUESSES.redoAnswer). A manifested order cannot be redone.
 */
const replace: Route = (request) => {
	const order = findOrder(request.store, request.body.order_id);
	if (!order || order.archived)
		return fail(404, 'Order not found', `No order with id ${String(request.body.order_id ?? '')}`);
	if (order.status === 'Unshipped')
		return fail(400, `Order ${order.order_number} has no label to redo`, 'Create its label first');
	if (order.manifest_number)
		return fail(
			400,
			`Order ${order.order_number} has been manifested`,
			'A manifested shipment cannot be redone',
		);
	const replaced = order.tracking_number;
	order.status = 'Unshipped';
	order.tracking_events.push({
		event_datetime: isoNow(request.now),
		status: 'Cancelled',
		details: `Label ${String(replaced)} replaced`,
	});
	printOrder(request, order);
	return ok({ order });
};

const clone: Route = (request) => {
	const order = findOrder(request.store, request.body.order_id);
	if (!order) return fail(404, 'Order not found');
	const isReturn = request.body.to_return_shipment === true;
	const id = request.store.nextOrderId++;
	const copy: SandboxOrder = {
		...structuredClone(order),
		order_id: id,
		order_number: `${order.order_number}-${isReturn ? 'R' : 'C'}${id}`,
		status: 'Unshipped',
		archived: false,
		return_order: isReturn,
		tracking_events: [],
		last_updated_date: isoNow(request.now),
		tracking_number: undefined,
		tracking_url: undefined,
		tracking_status: undefined,
		manifest_number: undefined,
		shipment_date: undefined,
	};
	request.store.orders.push(copy);
	return ok({ order: copy });
};

function manifest(request: RouteRequest, orders: SandboxOrder[], carrier: string) {
	const id = request.store.nextManifestId++;
	const number = `M-${1000 + id}`;
	for (const order of orders) {
		order.status = 'Shipped';
		order.manifest_number = number;
		setTracking(request, order, 'Dispatched', `Manifested on ${number}`);
	}
	request.store.manifests.push({
		id,
		name: `${carrier} ${number}`,
		date: isoNow(request.now),
		number,
		numberArticles: orders.length,
		numberConsignments: orders.length,
		fileName1: `manifest-${number}.pdf`,
		fileName2: '',
		carrierId: carrier,
		orderNumbers: orders.map((order) => order.order_number),
	});
	return {
		number,
		pdf: manifestPdf(
			number,
			orders.map((order) => order.order_number),
		),
	};
}

const manifestPdf = (number: string, orderNumbers: string[]) =>
	pdfDocument([
		`Manifest ${number}`,
		...orderNumbers.map((orderNumber) => `Order ${orderNumber}`),
	]).toString('base64');

const manifestOrders: Route = (request) => {
	const ids = request.body.order_ids;
	if (!Array.isArray(ids) || !ids.length) return fail(400, 'order_ids is required');
	const orders = ids.map((id) => findOrder(request.store, id));
	const notReady = orders.findIndex((order) => order?.status !== 'Printed');
	if (notReady >= 0)
		return fail(
			400,
			'Only printed, unmanifested orders can be manifested',
			`Order id ${String(ids[notReady])} is not ready`,
		);
	const { pdf } = manifest(request, orders as SandboxOrder[], String(orders[0]?.carrier));
	return ok({ label_type: 'Manifest', pdf });
};

const manifestCarrier: Route = (request) => {
	const carrier = String(request.body.carrier ?? '');
	if (!carrier) return fail(400, 'carrier is required');
	const ready = request.store.orders.filter(
		(order) => order.status === 'Printed' && !order.archived && order.carrier === carrier,
	);
	if (ready.length) manifest(request, ready, carrier);
	return ok({ records_manifested: ready.length });
};

/** POST /api/manifests/shipments: a manifest for the printed orders named by tracking number (or, with `use_order_numbers`, order number). */
const manifestShipments: Route = (request) => {
	const numbers = request.body.tracking_numbers;
	if (!Array.isArray(numbers) || !numbers.length) return fail(400, 'tracking_numbers is required');
	const byOrderNumber = request.body.use_order_numbers === true;
	const orders = numbers.map((number) =>
		request.store.orders.find(
			(order) =>
				!order.archived &&
				(byOrderNumber ? order.order_number === number : order.tracking_number === number),
		),
	);
	const missing = orders.findIndex((order) => !order);
	if (missing >= 0)
		return fail(
			404,
			'Shipment not found',
			`No printed shipment has ${byOrderNumber ? 'order' : 'tracking'} number ${String(numbers[missing])}`,
		);
	const notReady = (orders as SandboxOrder[]).find((order) => order.status !== 'Printed');
	if (notReady)
		return fail(
			400,
			'Only printed, unmanifested orders can be manifested',
			`Order ${notReady.order_number} is not ready`,
		);
	const { number, pdf } = manifest(request, orders as SandboxOrder[], String(orders[0]?.carrier));
	return ok({ pdf, file_name: `manifest-${number}.pdf` });
};

const listManifests: Route = ({ query, store }) => {
	const limit = toInt(query.limit, 50);
	if (limit < 1 || limit > 250) return fail(400, 'limit must be between 1 and 250');
	const rows = [...store.manifests].reverse().map(({ orderNumbers: _numbers, ...row }) => row);
	const { rows: page, totalPages } = pageOf(rows, toInt(query.page, 1), limit);
	return ok({ manifests: page, total_pages: totalPages, total_count: rows.length });
};

const manifestFiles: Route = ({ query, store }) => {
	const found = store.manifests.find((row) => String(row.id) === query.manifest_id);
	if (!found) return fail(404, 'Manifest not found');
	return ok({
		files: [
			{ file_name: found.fileName1, file_data: manifestPdf(found.number, found.orderNumbers) },
		],
	});
};

/** Rates from the destination and the packages' weight: cheap domestic road, express, international. */
const SERVICES = {
	domestic: [
		{
			carrier: 'AusPost',
			carrier_name: 'Australia Post',
			service_code: 'PP',
			service_name: 'Parcel Post',
			base: 9.5,
			perKg: 2.2,
			transit_days: 4,
		},
		{
			carrier: 'AusPost',
			carrier_name: 'Australia Post',
			service_code: 'EXP',
			service_name: 'Express Post',
			base: 14,
			perKg: 3.1,
			transit_days: 1,
		},
		{
			carrier: 'CouriersPlease',
			carrier_name: 'CouriersPlease',
			service_code: 'CPL',
			service_name: 'Road Express',
			base: 8.9,
			perKg: 2.6,
			transit_days: 3,
		},
	],
	international: [
		{
			carrier: 'AusPost',
			carrier_name: 'Australia Post',
			service_code: 'INTL',
			service_name: 'International Standard',
			base: 25,
			perKg: 12,
			transit_days: 10,
		},
		{
			carrier: 'AusPost',
			carrier_name: 'Australia Post',
			service_code: 'INTLX',
			service_name: 'International Express',
			base: 45,
			perKg: 18,
			transit_days: 4,
		},
		{
			carrier: 'DHL',
			carrier_name: 'DHL Express',
			service_code: 'DHLX',
			service_name: 'Express Worldwide',
			base: 52,
			perKg: 10,
			transit_days: 3,
		},
	],
};

const rates: Route = ({ body }) => {
	const destination = (body.destination ?? {}) as Json;
	const packages = (body.packages ?? []) as Json[];
	if (!destination.country_code) return fail(400, 'Destination country_code is required');
	if (!destination.post_code) return fail(400, 'Destination post_code is required');
	if (!Array.isArray(packages) || !packages.length)
		return fail(400, 'At least one package is required');
	if (packages.some((pack) => !(Number(pack.weight) > 0)))
		return fail(400, 'Every package needs a weight above 0 kg');
	const weight = packages.reduce((sum, pack) => sum + Number(pack.weight), 0);
	const list = DOMESTIC.has(String(destination.country_code))
		? SERVICES.domestic
		: SERVICES.international;
	const currency = String(body.currency || ACCOUNT.currency);
	// Only /api/rates answers carry transit_days (seen by one client; see UNCONFIRMED.rateExtraFields).
	return ok({ rates: priced(list, weight, currency, { withTransitDays: true }) });
};

type Service = (typeof SERVICES.domestic)[number];
const priced = (
	list: Service[],
	weight: number,
	currency: string,
	{ withTransitDays = false } = {},
) =>
	list.map(({ base, perKg, transit_days, ...service }) => ({
		...service,
		...(withTransitDays ? { transit_days } : {}),
		currency,
		total_price: Math.round((base + perKg * weight) * 100) / 100,
	}));
const unpriced = (list: Service[]) =>
	list.map(({ base: _base, perKg: _perKg, transit_days: _days, ...service }) => service);

/**
 * Without an order: every enabled service. With `order_id`: the services for that order's
 * destination, priced from its packages when `include_pricing` is set (the documented way to rate an
 * existing order; the reference does not say how a missing weight is treated: 1 kg here).
 */
const deliveryServices: Route = ({ body, store }) => {
	if (body.order_id === undefined)
		return ok({ services: unpriced([...SERVICES.domestic, ...SERVICES.international]) });
	const order = findOrder(store, body.order_id);
	if (!order) return fail(404, 'Order not found', `No order has ID ${String(body.order_id)}`);
	const list = isInternational(order) ? SERVICES.international : SERVICES.domestic;
	if (body.include_pricing !== true) return ok({ services: unpriced(list) });
	const weight = order.packages.reduce((sum, pack) => sum + Number(pack.weight ?? 0), 0) || 1;
	return ok({ services: priced(list, weight, ACCOUNT.currency) });
};

const track: Route = ({ query, store }) => {
	const order = store.orders.find(
		(row) =>
			(query.tracking_number && row.tracking_number === query.tracking_number) ||
			(query.order_number && row.order_number === query.order_number),
	);
	if (!query.tracking_number && !query.order_number)
		return fail(400, 'tracking_number or order_number is required');
	if (!order?.tracking_number)
		return fail(404, 'No shipment found', 'The order has no tracking number yet');
	return ok({ results: trackingResults(order) });
};

export const trackingResults = (order: SandboxOrder) => ({
	order_number: order.order_number,
	order_status: order.status,
	carrier_name: order.carrier_name,
	carrier_service: order.carrier_service_code,
	tracking_number: order.tracking_number,
	tracking_url: order.tracking_url,
	shipment_date: order.shipment_date,
	tracking_status: order.tracking_status,
	last_updated_date: order.last_updated_date,
	tracking_events: order.tracking_events,
});

export { setTracking };

export const shippingRoutes: Record<string, Route> = {
	'POST /api/orders/shipment': createLabel,
	'POST /api/orders/shipments': labelsForOrders,
	'POST /api/orders/packingslips': packingSlips,
	'POST /api/orders/shipment/replace': replace,
	'POST /api/manifests/shipments': manifestShipments,
	'POST /api/orders/shipment/clone': clone,
	'POST /api/orders/manifest': manifestOrders,
	'POST /api/manifests/carrier': manifestCarrier,
	'GET /api/manifests': listManifests,
	'GET /api/manifests/files/': manifestFiles,
	'POST /api/rates': rates,
	'POST /api/deliveryservices': deliveryServices,
	'GET /api/track': track,
};

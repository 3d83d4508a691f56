/**
 * The sandbox's own page (GET / in a browser): what the local Starshipit holds, so that a demo user sees the orders,
 * labels and manifests their workflows made without reading them back with the node. Read-only, answered to
 * loopback only, and not part of the API: page requests need no keys and are not recorded as API requests.
 */
import { pdfDocument } from '../pdf';
import type { Json, RecordedRequest, SandboxManifest, SandboxOrder, SandboxStore } from '../types';

/** How often the page reloads itself, in seconds. */
export const REFRESH_SECONDS = 5;
/** The newest orders and requests shown (a bulk-seeded sandbox holds thousands). */
const MOST_ORDERS = 200;
const MOST_REQUESTS = 50;

export interface PageAnswer {
	status: number;
	headers: Record<string, string>;
	body: string | Buffer;
}

export interface PageSource {
	store: SandboxStore;
	requests: RecordedRequest[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** `&<>"'` as HTML entities: every value on the page comes from a request body. */
export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The lines printed on an order's label (the same as the API's label, test/sandbox/routes/shipping.ts). */
export function labelLines(order: SandboxOrder): string[] {
	return [
		`${order.carrier_name}  ${order.carrier_service_code}`,
		`Order ${order.order_number}`,
		`Tracking ${order.tracking_number}`,
		String(order.destination.name),
	];
}

export function manifestLines(
	manifest: Pick<SandboxManifest, 'number' | 'orderNumbers'>,
): string[] {
	return [
		`Manifest ${manifest.number}`,
		...manifest.orderNumbers.map((orderNumber) => `Order ${orderNumber}`),
	];
}

const pdf = (lines: string[], name: string): PageAnswer => ({
	status: 200,
	headers: {
		'content-type': 'application/pdf',
		'content-disposition': `inline; filename="${name}"`,
	},
	body: pdfDocument(lines),
});
const notFound = (what: string): PageAnswer => ({
	status: 404,
	headers: { 'content-type': 'text/plain; charset=utf-8' },
	body: `${what} not found`,
});

/**
 * The page's answer to a request, or undefined when the request is not for the page (an API request then goes on as
 * before: the root answers the page to GET only). Requests from another machine get 403.
 */
export function pageAnswer(
	method: string,
	path: string,
	remoteAddress: string | undefined,
	source: PageSource,
): PageAnswer | undefined {
	if (method !== 'GET' || !(path === '/' || path.startsWith('/page/'))) return undefined;
	if (!LOOPBACK.has(remoteAddress ?? ''))
		return {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
			body: 'The sandbox page answers this machine only',
		};
	if (path === '/')
		return {
			status: 200,
			headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
			body: renderPage(source),
		};
	const label = /^\/page\/label\/(\d+)\.pdf$/.exec(path);
	if (label) {
		const order = source.store.orders.find((row) => String(row.order_id) === label[1]);
		return order?.tracking_number
			? pdf(labelLines(order), `label-${order.order_number}.pdf`)
			: notFound('Label');
	}
	const manifest = /^\/page\/manifest\/(\d+)\.pdf$/.exec(path);
	if (manifest) {
		const found = source.store.manifests.find((row) => String(row.id) === manifest[1]);
		return found
			? pdf(manifestLines(found), found.fileName1 || `manifest-${found.number}.pdf`)
			: notFound('Manifest');
	}
	return notFound('Page');
}

const cell = (value: unknown) => `<td>${escapeHtml(value)}</td>`;
const rawCell = (html: string) => `<td>${html}</td>`;
const number = (value: unknown, unit: string) =>
	value === undefined || value === null || value === '' ? '' : `${String(value)} ${unit}`;

function linesOf(order: SandboxOrder): string {
	return order.items
		.map(
			(item: Json) =>
				`${escapeHtml(item.quantity)} × ${escapeHtml(item.sku)} ${escapeHtml(item.description)}${item.value !== undefined ? ` (${escapeHtml(item.value)})` : ''}`,
		)
		.join('<br>');
}

function parcelsOf(order: SandboxOrder): string {
	return order.packages
		.map((parcel: Json) => {
			const size = [parcel.length, parcel.width, parcel.height].every((side) => Number(side) > 0)
				? `, ${escapeHtml(`${String(parcel.length)} × ${String(parcel.width)} × ${String(parcel.height)} m`)}`
				: '';
			return `${escapeHtml(number(parcel.weight, 'kg'))}${size}`;
		})
		.join('<br>');
}

function trackingOf(order: SandboxOrder): string {
	if (!order.tracking_number) return '';
	const last = order.tracking_events.at(-1);
	return [
		`${escapeHtml(order.carrier_name ?? order.carrier)} ${escapeHtml(order.carrier_service_code)}`,
		escapeHtml(order.tracking_number),
		escapeHtml(order.tracking_status ?? last?.status),
	].join('<br>');
}

function orderRow(order: SandboxOrder): string {
	const destination = order.destination;
	const label = order.tracking_number
		? `<a href="/page/label/${order.order_id}.pdf" target="_blank">label PDF</a>`
		: '';
	return `<tr data-order="${escapeHtml(order.order_number)}">${[
		cell(order.order_number),
		cell(order.order_id),
		cell(order.status),
		cell(order.archived ? 'archived' : ''),
		rawCell(
			`${escapeHtml(destination.name)}<br>${escapeHtml([destination.city, destination.country].filter(Boolean).join(', '))}`,
		),
		rawCell(linesOf(order)),
		rawCell(parcelsOf(order)),
		rawCell(trackingOf(order)),
		rawCell(label),
		cell(order.manifest_number ?? ''),
		cell(order.last_updated_date),
	].join('')}</tr>`;
}

function table(
	title: string,
	id: string,
	headings: string[],
	rows: string[],
	empty: string,
	note = '',
): string {
	const body = rows.length
		? rows.join('\n')
		: `<tr><td colspan="${headings.length}">${escapeHtml(empty)}</td></tr>`;
	return `<h2 id="${id}">${escapeHtml(title)}</h2>${note}<table><thead><tr>${headings.map((heading) => `<th>${escapeHtml(heading)}</th>`).join('')}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function ordersTable(orders: SandboxOrder[]): string {
	const newest = [...orders].sort((a, b) => b.order_id - a.order_id);
	const more =
		newest.length > MOST_ORDERS
			? `<p>The ${MOST_ORDERS} newest of ${newest.length} orders.</p>`
			: '';
	return table(
		`Orders (${orders.length})`,
		'orders',
		[
			'Order number',
			'Order ID',
			'Status',
			'Archived',
			'Ship to',
			'Lines',
			'Parcels',
			'Tracking',
			'Label',
			'Manifest',
			'Last updated',
		],
		newest.slice(0, MOST_ORDERS).map(orderRow),
		'No orders',
		more,
	);
}

function manifestsTable(manifests: SandboxManifest[]): string {
	const rows = [...manifests]
		.reverse()
		.map(
			(manifest) =>
				`<tr data-manifest="${escapeHtml(manifest.number)}">${[
					cell(manifest.number),
					cell(manifest.date),
					cell(manifest.carrierId),
					cell(manifest.orderNumbers.join(', ')),
					rawCell(`<a href="/page/manifest/${manifest.id}.pdf" target="_blank">manifest PDF</a>`),
				].join('')}</tr>`,
		);
	return table(
		`Manifests (${manifests.length})`,
		'manifests',
		['Number', 'Date', 'Carrier', 'Orders', 'PDF'],
		rows,
		'No manifests yet',
	);
}

function productsTable(products: Json[]): string {
	const rows = products.map(
		(product) =>
			`<tr data-product="${escapeHtml(product.sku)}">${[
				cell(product.sku),
				cell(product.title ?? product.name),
				cell(product.price),
				cell(number(product.weight, 'kg')),
				cell(product.hs_code ?? ''),
				cell(product.country ?? ''),
			].join('')}</tr>`,
	);
	return table(
		`Products (${products.length})`,
		'products',
		['SKU', 'Name', 'Price', 'Weight', 'HS code', 'Country of origin'],
		rows,
		'No products',
	);
}

function requestsTable(requests: RecordedRequest[]): string {
	const rows = requests
		.slice(-MOST_REQUESTS)
		.reverse()
		.map((request) => {
			const query = new URLSearchParams(request.query).toString();
			const status = request.status === 0 ? 'no answer' : String(request.status);
			return `<tr class="${request.status >= 400 || request.status === 0 ? 'refused' : 'ok'}">${[cell(request.at), cell(request.method), cell(`${request.path}${query ? `?${query}` : ''}`), cell(status)].join('')}</tr>`;
		});
	return table(
		`Last requests (${requests.length} since the sandbox started)`,
		'requests',
		['Time', 'Method', 'Path', 'Status'],
		rows,
		'No API requests yet',
	);
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin-bottom:1.5em}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}
tr.refused td{background:#fff0f0}p.note{color:#555}`;

/** The whole page: orders, manifests, products and the last API requests, newest first. */
export function renderPage(source: PageSource): string {
	const { store, requests } = source;
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<title>Starshipit sandbox</title><style>${STYLE}</style></head>
<body><h1>Starshipit sandbox</h1>
<p class="note">What this local Starshipit holds now (read-only; reloads every ${REFRESH_SECONDS} s, at ${escapeHtml(new Date().toISOString())}). It starts from its demo orders each time it starts.</p>
${ordersTable(store.orders)}
${manifestsTable(store.manifests)}
${productsTable(store.products)}
${requestsTable(requests)}
</body></html>`;
}

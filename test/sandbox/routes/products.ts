import type { Json, SandboxProduct } from '../types';
import { fail, ok, pageOf, toInt, type Route } from './envelope';

/** The products list answers `succeeded`, not `success` (documented quirk). */
const list: Route = ({ query, store }) => {
	const size = toInt(query.page_size, 50);
	if (size < 10 || size > 2000) return fail(400, 'page_size must be between 10 and 2000');
	const term = (query.search_term ?? '').toLowerCase();
	const rows = store.products.filter(
		(product) =>
			!term ||
			product.sku.toLowerCase().includes(term) ||
			String(product.title ?? '')
				.toLowerCase()
				.includes(term),
	);
	const page = toInt(query.page_number, 1);
	const { rows: data, totalPages } = pageOf(rows, page, size);
	return {
		status: 200,
		body: {
			data: { products: data },
			page_number: page,
			page_size: size,
			total_pages: totalPages,
			total_records: rows.length,
			succeeded: true,
		},
	};
};

const create: Route = ({ body, store }) => {
	const product = body.product as Json | undefined;
	if (!product?.sku) return fail(400, 'SKU is required');
	if (store.products.some((row) => row.sku === product.sku))
		return fail(400, `A product with SKU ${String(product.sku)} already exists`);
	const created: SandboxProduct = {
		...product,
		id: store.nextProductId++,
		sku: String(product.sku),
	};
	store.products.push(created);
	return ok({ product: created });
};

/** Update replaces the whole product (documented): fields left out are erased. */
const update: Route = ({ body, store }) => {
	const product = body.product as Json | undefined;
	const index = store.products.findIndex((row) => String(row.id) === String(body.id));
	if (index < 0 || !product) return fail(404, 'Product not found');
	if (!product.sku) return fail(400, 'SKU is required');
	store.products[index] = { ...product, id: store.products[index].id, sku: String(product.sku) };
	return ok({ product: store.products[index] });
};

const remove: Route = ({ body, store }) => {
	if (body.all_products === true) {
		store.products.length = 0;
		return ok();
	}
	const ids = body.product_ids;
	if (!Array.isArray(ids) || !ids.length) return fail(400, 'product_ids is required');
	const missing = ids.filter((id) => !store.products.some((row) => String(row.id) === String(id)));
	if (missing.length) return fail(404, 'Product not found', `Unknown id(s): ${missing.join(', ')}`);
	store.products = store.products.filter((row) => !ids.map(String).includes(String(row.id)));
	return ok();
};

export const productRoutes: Record<string, Route> = {
	'GET /api/products': list,
	'POST /api/products': create,
	'PUT /api/products/update': update,
	'DELETE /api/products/delete': remove,
};

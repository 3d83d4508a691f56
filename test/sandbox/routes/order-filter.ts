import type { SandboxOrder } from '../types';

/**
 * The paged order list's `filter` (`Column:::Value`, comma-separated; `>=`, `>`, `<=`, `<` before
 * dates and weights) and `sort_column` / `sort_direction`, as documented. Whether text columns match
 * exactly or by "contains" is not documented: the sandbox matches case-insensitively by "contains",
 * the more forgiving reading, and compares countries and states exactly.
 */
type Operator = '>=' | '>' | '<=' | '<' | '=';

const text = (value: unknown) => String(value ?? '').toLowerCase();
const contains = (value: unknown, wanted: string) => text(value).includes(wanted.toLowerCase());
const totalWeight = (order: SandboxOrder) =>
	order.packages.reduce((sum, pack) => sum + Number(pack.weight ?? 0), 0);

function compare(actual: number, operator: Operator, wanted: number): boolean {
	if (operator === '>=') return actual >= wanted;
	if (operator === '>') return actual > wanted;
	if (operator === '<=') return actual <= wanted;
	if (operator === '<') return actual < wanted;
	return actual === wanted;
}

function splitOperator(value: string): [Operator, string] {
	const match = /^(>=|<=|>|<)?(.*)$/.exec(value) as RegExpExecArray;
	return [(match[1] as Operator | undefined) ?? '=', match[2]];
}

/** One `Column:::Value` condition; an unknown column matches nothing, as a wrong filter should. */
function matches(order: SandboxOrder, column: string, value: string): boolean {
	const destination = order.destination;
	switch (column.toLowerCase()) {
		case 'order':
			return contains(order.order_number, value);
		case 'name':
			return contains(destination.name, value);
		case 'country':
			return text(destination.country) === text(value);
		case 'state':
			return text(destination.state) === text(value);
		case 'carrier':
			return contains(order.carrier_name ?? order.carrier, value);
		case 'status':
			return text(order.status) === text(value);
		case 'writeback':
			return text(order.writeback_status) === text(value);
		// Tags and the address check as orders carry them here (`tags`, `address_validation`: Valid, Invalid, NotChecked).
		case 'tag':
			return Array.isArray(order.tags) && order.tags.some((tag) => text(tag) === text(value));
		case 'address':
			return text(order.address_validation ?? 'NotChecked') === text(value);
		case 'sku':
			return order.items.some((item) => text(item.sku) === text(value));
		case 'date': {
			const [operator, date] = splitOperator(value);
			// A bare date means that whole day; an operator compares against its start.
			const day = new Date(order.order_date).toISOString().slice(0, 10);
			return operator === '='
				? day === new Date(date).toISOString().slice(0, 10)
				: compare(Date.parse(day), operator, Date.parse(date));
		}
		case 'weight': {
			const [operator, weight] = splitOperator(value);
			return compare(totalWeight(order), operator, Number(weight));
		}
		default:
			return false;
	}
}

export function filterOrders(rows: SandboxOrder[], filter: string | undefined): SandboxOrder[] {
	if (!filter) return rows;
	const conditions = filter.split(',').map((part) => part.split(':::'));
	return rows.filter((order) =>
		conditions.every(([column, value = '']) => matches(order, column, value)),
	);
}

const SORT_KEYS: Record<string, (order: SandboxOrder) => string | number> = {
	date: (order) => Date.parse(order.order_date),
	order: (order) => order.order_number,
	name: (order) => text(order.destination.name),
	country: (order) => text(order.destination.country),
	carrier: (order) => text(order.carrier_name ?? order.carrier),
	status: (order) => order.status,
	weight: totalWeight,
};

/** Documented default: Descending. Without a sort column the list keeps its stored order. */
export function sortOrders(
	rows: SandboxOrder[],
	column: string | undefined,
	direction: string | undefined,
): SandboxOrder[] {
	const key = column ? SORT_KEYS[column.toLowerCase()] : undefined;
	if (!key) return rows;
	const sign = direction === 'Ascending' ? 1 : -1;
	return [...rows].sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
}

import type { IDataObject } from 'n8n-workflow';

/** Rows typed in the editor (Items, Packages, Metadata), as Starshipit takes them. */

/** Empty strings and zero dimensions mean "not given": Starshipit should not receive them. */
export function withoutBlanks(values: IDataObject, zeroIsBlank: string[] = []): IDataObject {
	return Object.fromEntries(
		Object.entries(values).filter(
			([key, value]) =>
				value !== '' &&
				value !== undefined &&
				value !== null &&
				!(zeroIsBlank.includes(key) && value === 0),
		),
	);
}

/** The rows of a fixedCollection (`{ item: [...] }`), or none. */
export function rows(collection: IDataObject, key: string): IDataObject[] {
	const list = collection?.[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** The Items rows as Starshipit takes them (a zero value or weight means "not given"). */
export const itemRows = (collection: unknown): IDataObject[] =>
	rows(collection as IDataObject, 'item').map((item) => withoutBlanks(item, ['value', 'weight']));

/** Mapped values often arrive as text ("2.5" from a web form): numbers that read as numbers count as numbers. */
function numeric(row: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(row).map(([key, value]) => [
			key,
			typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
				? Number(value)
				: value,
		]),
	);
}

/** The Packages rows as Starshipit takes them (zero dimensions mean "not given"). */
export const packageRows = (collection: unknown): IDataObject[] =>
	rows(collection as IDataObject, 'package').map((pack) =>
		withoutBlanks(numeric(pack), ['height', 'width', 'length']),
	);

/** An order's fields as the editor holds them, numbered from each input item's `number`; no item lines. */
export const newOrderFromItem = {
	orderNumber: '={{ $json.number }}',
	destinationName: 'Sam Lee',
	destinationStreet: '5 King Street',
	destinationSuburb: 'Newtown',
	destinationPostCode: '2042',
	destinationCountry: 'Australia',
	itemsInput: 'none',
};

/** An order picked by its number in the Order field. */
export const byNumber = (value: string) => ({ order: { __rl: true, mode: 'orderNumber', value } });

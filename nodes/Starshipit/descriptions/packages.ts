import type { INodeProperties } from 'n8n-workflow';

const metres = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, numberPrecision: 3 },
	hint: 'In metres; 0 = not given',
});

/** A package's fields: weight first (every carrier needs it), then length × width × height. */
const packageRowFields = (defaultWeight: number): INodeProperties[] => [
	{
		displayName: 'Weight (Kg)',
		name: 'weight',
		type: 'number',
		default: defaultWeight,
		typeOptions: { minValue: 0, numberPrecision: 3 },
		hint: 'In kilograms, above 0',
	},
	metres('Length (M)', 'length'),
	metres('Width (M)', 'width'),
	metres('Height (M)', 'height'),
];

/** The Packages rows every operation that takes packages offers (orders, labels, rates), in kg and metres. */
export function packagesField(description: string, defaultWeight: number): INodeProperties {
	return {
		displayName: 'Packages',
		name: 'packages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Package',
		description,
		options: [{ displayName: 'Package', name: 'package', values: packageRowFields(defaultWeight) }],
	};
}

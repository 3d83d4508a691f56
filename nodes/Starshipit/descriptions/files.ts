import type { INodeProperties } from 'n8n-workflow';

/** The output-file fields shared by labels and manifests: where the file goes, and base64 only on request. */
export function binaryOptions(document: 'label' | 'manifest'): INodeProperties[] {
	return [
		{
			displayName: `Put ${document === 'label' ? 'Label' : 'Manifest'} in Field`,
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description: `Name of the binary field that holds the ${document} file (a second file goes in data_2, and so on)`,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Include Raw Base64',
					name: 'includeBase64',
					type: 'boolean',
					default: false,
					description: `Whether to also return the ${document} as a base64 text field (large; only for systems that need it)`,
				},
			],
		},
	];
}

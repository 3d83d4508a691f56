import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { documentsItem } from '../../helpers/documents';
import { runPerItem } from '../../helpers/items';
import { returnAllAndLimit } from '../../helpers/paging';
import { LIMITS, starshipitRequest, starshipitRequestAllItems } from '../../transport';
import { listLimit } from '../../validation/read';
import type { OperationModule } from '../types';

const description: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Download Files',
		name: 'downloadFiles',
		type: 'boolean',
		default: false,
		description: 'Whether to attach each manifest’s PDF as a file (one more request per manifest)',
	},
	{
		displayName: 'Put File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		displayOptions: { show: { downloadFiles: [true] } },
	},
];

async function withFiles(
	this: IExecuteFunctions,
	manifest: IDataObject,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const body = await starshipitRequest.call(this, {
		endpoint: 'manifestFiles',
		query: { manifest_id: manifest.id as number },
		itemIndex,
	});
	const files = ((body.files as IDataObject[] | undefined) ?? []).map((file) => ({
		base64: String(file.file_data),
		type: 'pdf',
	}));
	return await documentsItem.call(
		this,
		itemIndex,
		manifest,
		files,
		`manifest-${String(manifest.number ?? manifest.id)}`,
		'manifest_base64',
	);
}

export const getManyManifestsOperation: OperationModule = {
	description,
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const manifests = await starshipitRequestAllItems.call(this, {
				endpoint: 'manifestsList',
				style: 'page-limit',
				itemsKey: 'manifests',
				pageSize: LIMITS.legacyListMaxLimit,
				itemIndex,
				limit: listLimit.call(this, itemIndex),
			});
			if (!this.getNodeParameter('downloadFiles', itemIndex, false))
				return manifests.map((json) => ({ json, pairedItem: { item: itemIndex } }));
			const output: INodeExecutionData[] = [];
			for (const manifest of manifests)
				output.push(await withFiles.call(this, manifest, itemIndex));
			return output;
		});
	},
};

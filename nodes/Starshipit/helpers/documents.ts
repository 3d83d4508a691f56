import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { itemInput } from '../validation/read';
import { base64ToBinary, MIME_TYPES, safeFileName } from './binary';

/** What the document is, from its first bytes: Starshipit's label type follows the account's printer settings. */
function formatOf(base64: string, labelType: unknown): 'pdf' | 'zpl' | 'png' {
	const head = Buffer.from(base64.slice(0, 12), 'base64').toString('latin1');
	if (head.startsWith('%PDF')) return 'pdf';
	if (head.startsWith('\x89PNG')) return 'png';
	if (head.startsWith('^XA') || String(labelType).toUpperCase() === 'ZPL') return 'zpl';
	return 'pdf';
}

/** One output item: the shipment's facts as JSON and each document as a file (never base64 in JSON unless asked). */
export async function documentsItem(
	this: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
	documents: Array<{ base64: string; type?: unknown }>,
	baseName: string,
	base64Key = 'labels_base64',
): Promise<INodeExecutionData> {
	const property =
		itemInput.call(this, itemIndex).text('binaryPropertyName', 'Put File in Field', { max: 100 }) ??
		'data';
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const binary: IBinaryKeyData = {};
	for (const [index, document] of documents.entries()) {
		const format = formatOf(document.base64, document.type);
		const key = index === 0 ? property : `${property}_${index + 1}`;
		const suffix = documents.length > 1 ? String(index + 1) : undefined;
		binary[key] = await base64ToBinary.call(
			this,
			document.base64,
			`${safeFileName(baseName, suffix)}.${format}`,
			MIME_TYPES[format],
		);
	}
	const output: IDataObject = { ...json, files: Object.keys(binary) };
	if (options.includeBase64) output[base64Key] = documents.map((document) => document.base64);
	return { json: output, binary, pairedItem: { item: itemIndex } };
}

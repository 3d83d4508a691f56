import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

export const MIME_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	zpl: 'text/plain',
	png: 'image/png',
};

/** Turns a base64 document from Starshipit into an n8n file, so no long base64 string sits in JSON. */
export async function base64ToBinary(
	this: IExecuteFunctions,
	base64: string,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	return await this.helpers.prepareBinaryData(Buffer.from(base64, 'base64'), fileName, mimeType);
}

/** File names safe on every system: letters, digits, dot, dash and underscore. */
export function safeFileName(...parts: Array<string | number | undefined>): string {
	return parts
		.filter((part) => part !== undefined && part !== '')
		.map((part) => String(part).replace(/[^A-Za-z0-9._-]+/g, '-'))
		.join('-');
}

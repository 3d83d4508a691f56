import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

let ready: Promise<void> | undefined;

/** n8n keeps binary data in memory in its default mode; start that service once per test file. */
export async function ensureBinaryDataService(): Promise<void> {
	ready ??= Container.get(BinaryDataService).init();
	await ready;
}

/** The bytes of a file a node returned, read back through n8n's own binary data service. */
export async function binaryBytes(file: IBinaryData): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(file);
}

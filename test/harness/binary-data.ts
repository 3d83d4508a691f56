import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

let ready: Promise<void> | undefined;

/** n8n keeps binary data in memory in its default mode; start that service once per test file. */
export async function ensureBinaryDataService(): Promise<void> {
	ready ??= Container.get(BinaryDataService).init();
	await ready;
}

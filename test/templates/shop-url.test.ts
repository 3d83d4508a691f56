/**
 * The templates post tracking to an example shop address. A user who imports them into their own n8n and clicks
 * Execute workflow before setting it must learn what to do, in plain words, not from a DNS error: the node says
 * "set your shop’s URL here" on the canvas, and in template 1 a failed write-back stops with words that name it.
 * (`npm start` and the real-n8n suite point the address at the sandbox; the run itself is checked there.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Expression, type IDataObject } from 'n8n-workflow';

import { SHOP_PLACEHOLDER } from '../e2e/workspace';

interface TemplateNode {
	name: string;
	type: string;
	parameters: IDataObject;
	notes?: string;
	notesInFlow?: boolean;
	onError?: string;
}
interface Template {
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const template = (file: string) =>
	JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', file), 'utf8')) as Template;
const posting = [
	['1-import-print-in-starshipit-tracking-back.json', 'Write tracking back to your shop'],
	['2-print-outside-starshipit.json', 'Store tracking in your system'],
	['4-print-imported-orders-externally.json', 'Store tracking'],
] as const;

test.each(posting)('%s: "%s" says on the canvas to set your shop’s URL', (file, name) => {
	const node = template(file).nodes.find((candidate) => candidate.name === name)!;
	expect(node.parameters.url).toBe(SHOP_PLACEHOLDER);
	expect(node).toMatchObject({
		notes: expect.stringMatching(/^Set your shop’s URL here/),
		notesInFlow: true,
	});
});

describe('template 1: a write-back that fails', () => {
	const pattern1 = template(posting[0][0]);
	const stop = pattern1.nodes.find((node) => node.type === 'n8n-nodes-base.stopAndError')!;
	const message = (json: IDataObject) =>
		String(
			new Expression('UTC').resolveSimpleParameterValue(
				stop.parameters.errorMessage as string,
				{ $json: json } as never,
			),
		);

	test('goes to a Stop and Error node from the write-back’s error output, never silently on', () => {
		const writeBack = pattern1.nodes.find((node) => node.name === posting[0][1])!;
		expect(writeBack.onError).toBe('continueErrorOutput');
		expect(pattern1.connections[writeBack.name].main[0] ?? []).toEqual([]);
		expect(pattern1.connections[writeBack.name].main[1].map((target) => target.node)).toEqual([
			stop.name,
		]);
	});

	test('stops with words that name the node to open and say to set the shop’s URL, with the reason', () => {
		// n8n's HTTP Request gives the reason as an object (network failure) or as text.
		for (const error of [
			{ message: 'getaddrinfo ENOTFOUND your-shop.example' },
			'getaddrinfo ENOTFOUND your-shop.example',
		]) {
			expect(message({ error })).toBe(
				'Tracking was not sent to your shop (getaddrinfo ENOTFOUND your-shop.example). If “Write tracking back to your shop” still has the template’s example address (your-shop.example), set your shop’s URL there. Otherwise check that your shop is up.',
			);
		}
	});
});

/**
 * The Starshipit Target Account API credential: the other account's API key for Order > Assign to Another Account,
 * chosen on the node beside the Starshipit API credential (n8n lists a credential type once per node).
 */
import { NodeHelpers, type INode } from 'n8n-workflow';

import { StarshipitTargetAccountApi } from '../../credentials/StarshipitTargetAccountApi.credentials';
import { Starshipit } from '../../nodes/Starshipit/Starshipit.node';
import packageJson from '../../package.json';
import { testCredential } from '../harness/credential-tester';

const credential = new StarshipitTargetAccountApi();
const node = new Starshipit().description;

describe('the Starshipit Target Account API credential as the editor shows it', () => {
	test('holds the other account’s API key only, masked and required', () => {
		const fields = credential.properties.filter((property) => property.type !== 'notice');
		expect(
			fields.map((field) => [field.name, field.typeOptions?.password, field.required]),
		).toEqual([['apiKey', true, true]]);
		expect(credential.displayName).toBe('Starshipit Target Account API');
	});

	test('n8n loads it from the package (package.json lists its compiled file)', () => {
		expect(packageJson.n8n.credentials).toContain(
			'dist/credentials/StarshipitTargetAccountApi.credentials.js',
		);
	});

	test('its Docs link opens the credential section of the README (test/package/docs-links checks the anchor exists)', () => {
		expect(credential.documentationUrl).toMatch(/#the-starshipit-credential$/);
	});
});

describe('on the Starshipit node', () => {
	/** Whether the editor shows the node's credential of this type for these parameters (n8n's own display rule). */
	function shown(type: string, parameters: Record<string, string>): boolean {
		const entry = node.credentials?.find((candidate) => candidate.name === type);
		if (!entry) return false;
		const saved: INode = {
			id: '1',
			name: 'Starshipit',
			type: 'n8n-nodes-starshipit.starshipit',
			typeVersion: 1,
			position: [0, 0],
			parameters,
		};
		return NodeHelpers.displayParameter(parameters, entry, saved, node);
	}

	test('asked for by Order > Assign to Another Account, and by no other operation', () => {
		expect(shown('starshipitTargetAccountApi', { resource: 'order', operation: 'assign' })).toBe(
			true,
		);
		for (const [resource, operation] of [
			['order', 'create'],
			['order', 'merge'],
			['label', 'create'],
			['failedRequest', 'replay'],
		]) {
			expect(shown('starshipitTargetAccountApi', { resource, operation })).toBe(false);
		}
	});

	test('the Starshipit API credential stays asked for everywhere, Assign included (the orders move from its account)', () => {
		expect(shown('starshipitApi', { resource: 'order', operation: 'assign' })).toBe(true);
		expect(shown('starshipitApi', { resource: 'product', operation: 'sync' })).toBe(true);
	});
});

describe('"Test" on the Starshipit Target Account API credential (run by the Starshipit node: nothing is sent)', () => {
	test('empty: says where the key is', async () => {
		expect(await testCredential('starshipitTargetAccountApi', { apiKey: ' ' })).toEqual({
			status: 'Error',
			message: expect.stringMatching(/Settings > API > API Key/),
		});
	});

	test('a key with a line break copied along: says so, without the key', async () => {
		const result = await testCredential('starshipitTargetAccountApi', { apiKey: 'abc123 def456' });
		expect(result).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/space or a line break/),
		});
		expect(result.message).not.toContain('abc123');
	});

	test('a key: OK, saying that Starshipit checks it when orders are assigned', async () => {
		expect(
			await testCredential('starshipitTargetAccountApi', { apiKey: 'other-account-key-for-tests' }),
		).toEqual({
			status: 'OK',
			message: expect.stringMatching(/checks it when Order > Assign to Another Account runs/),
		});
	});
});

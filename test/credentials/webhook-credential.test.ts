/**
 * The Starshipit Webhook credential: where the Starshipit Trigger's Signing Secret and URL Token live (n8n stores
 * credentials encrypted). "Test" on it is run by the trigger (testedBy), as n8n's editor runs it: nothing is sent.
 */
import { StarshipitWebhookApi } from '../../credentials/StarshipitWebhookApi.credentials';
import { testCredential } from '../harness/credential-tester';
import packageJson from '../../package.json';

const credential = new StarshipitWebhookApi();
const TOKEN = 'k3Jd9-random-token-the-user-made-4Qz';

describe('the Starshipit Webhook credential as the editor shows it', () => {
	test('holds the Signing Secret and the URL Token, both masked', () => {
		const fields = credential.properties.filter((property) => property.type !== 'notice');
		expect(fields.map((field) => [field.name, field.typeOptions?.password])).toEqual([
			['signingSecret', true],
			['urlToken', true],
		]);
	});

	test('n8n loads it from the package (package.json lists its compiled file)', () => {
		expect(packageJson.n8n.credentials).toContain(
			'dist/credentials/StarshipitWebhookApi.credentials.js',
		);
	});

	test('its Docs link opens the README section that explains both guards (test/package/docs-links checks the anchor exists)', () => {
		expect(credential.documentationUrl).toMatch(/#starshipit-trigger-who-may-start-it$/);
	});
});

describe('"Test" on the Starshipit Webhook credential', () => {
	test('neither set: an error that says the trigger would refuse every update', async () => {
		const result = await testCredential('starshipitWebhookApi', {});
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/Set a Signing Secret or a URL Token.*refuses every update/),
		});
	});

	test('a URL Token too short to be safe, or with characters a URL changes: an error saying what to fix, without the token', async () => {
		const short = await testCredential('starshipitWebhookApi', { urlToken: 'abc123' });
		expect(short).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/20 characters or longer \(it has 6\)/),
		});
		for (const urlToken of [
			'k3Jd9&random+token#made-by-a-password-manager',
			'k3Jd9 random token the user made 4Qz',
		]) {
			const result = await testCredential('starshipitWebhookApi', { urlToken });
			expect(result).toMatchObject({
				status: 'Error',
				message: expect.stringMatching(/only letters, digits, - and _/),
			});
			expect(result.message).not.toContain(urlToken);
		}
	});

	test('a Signing Secret, a URL Token, or both: OK, saying what the trigger will require', async () => {
		expect(
			await testCredential('starshipitWebhookApi', { signingSecret: 'whsec-example' }),
		).toEqual({ status: 'OK', message: expect.stringMatching(/signed with the Signing Secret$/) });
		expect(await testCredential('starshipitWebhookApi', { urlToken: ` ${TOKEN}\n` })).toEqual({
			status: 'OK',
			message: expect.stringMatching(/\?token=$/),
		});
		const both = await testCredential('starshipitWebhookApi', {
			signingSecret: 'whsec-example',
			urlToken: TOKEN,
		});
		expect(both.message).toMatch(
			/signed with the Signing Secret and sent to the URL with \?token=/,
		);
		expect(both.message).not.toMatch(/whsec-example|k3Jd9/);
	});
});

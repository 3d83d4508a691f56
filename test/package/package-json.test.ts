/** What n8n and npm show of package.json: placeholders in a real form, never an address that cannot work. */
import packageJson from '../../package.json';

describe('package.json as n8n and npm show it', () => {
	test('Report issue (n8n opens bugs.url from the registry) and the homepage go to the repository’s pages', () => {
		const repository = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		expect(packageJson.bugs.url).toBe(`${repository}/issues`);
		expect(packageJson.homepage).toBe(`${repository}#readme`);
	});

	test('no reserved-for-failure addresses (.invalid) anywhere a user or the editor shows them', () => {
		expect(
			JSON.stringify({
				author: packageJson.author,
				homepage: packageJson.homepage,
				bugs: packageJson.bugs,
				repository: packageJson.repository,
			}),
		).not.toMatch(/\.invalid\b/);
		expect(packageJson.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/);
	});
});

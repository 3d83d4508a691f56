/**
 * The Docs links n8n shows (a node's codex primaryDocumentation and credentialDocumentation, a credential's
 * documentationUrl) open this package's README on its repository, at a section that exists; Starshipit's own help
 * articles stay linked from the README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import packageJson from '../../package.json';

const REPO = resolve(__dirname, '../..');
const README_URL = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}
const anchors = new Set(
	readme
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => anchor(line.replace(/^#+ /, ''))),
);

interface Codex {
	node: string;
	resources: {
		primaryDocumentation?: Array<{ url: string }>;
		credentialDocumentation?: Array<{ url: string }>;
	};
}
const codexFiles = readdirSync(join(REPO, 'nodes')).flatMap((folder) =>
	readdirSync(join(REPO, 'nodes', folder))
		.filter((file) => file.endsWith('.node.json'))
		.map((file) => join('nodes', folder, file)),
);
const codexLinks = codexFiles.flatMap((file) => {
	const codex = JSON.parse(readFileSync(join(REPO, file), 'utf8')) as Codex;
	const links = [
		...(codex.resources.primaryDocumentation ?? []),
		...(codex.resources.credentialDocumentation ?? []),
	];
	return links.map((link): [string, string] => [file, link.url]);
});
const credentialLinks = readdirSync(join(REPO, 'credentials'))
	.filter((file) => file.endsWith('.credentials.ts'))
	.map((file): [string, string] => {
		const url =
			/documentationUrl\s*=\s*'([^']+)'/.exec(
				readFileSync(join(REPO, 'credentials', file), 'utf8'),
			)?.[1] ?? '(none)';
		return [join('credentials', file), url];
	});

describe('Docs links', () => {
	test('every node has a codex file with a primary Docs link, and every credential a documentationUrl', () => {
		expect(codexFiles.length).toBe(packageJson.n8n.nodes.length);
		for (const file of codexFiles)
			expect(codexLinks.filter(([from]) => from === file).length).toBeGreaterThan(0);
		expect(credentialLinks.length).toBe(packageJson.n8n.credentials.length);
	});

	test.each([...codexLinks, ...credentialLinks])(
		'%s opens a section of this package’s README: %s',
		(_file, url) => {
			const [base, section] = url.split('#');
			expect(base).toBe(README_URL);
			expect(anchors).toContain(section);
		},
	);

	test('the README links Starshipit’s own help articles (API integration, keys, webhooks)', () => {
		const articles = readme.match(/https:\/\/support\.starshipit\.com\/[^\s)]+/g) ?? [];
		expect(articles.some((url) => /plan-a-starshipit-api-integration/.test(url))).toBe(true);
		expect(articles.some((url) => /authentication-and-access/.test(url))).toBe(true);
		expect(articles.some((url) => /webhooks-and-tracking-updates/.test(url))).toBe(true);
	});
});

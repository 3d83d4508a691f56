/**
 * `prepublishOnly` (scripts/prepublish-guard.ts) refuses `npm publish` anywhere but .github/workflows/publish.yml run
 * for the tag of package.json's version, with an OIDC token for provenance and --provenance given. Run as npm runs
 * it: a child process with the environment of the case, nothing inherited from the machine's CI variables.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

import packageJson from '../../package.json';

const REPO = resolve(__dirname, '../..');
const SLUG = packageJson.repository.url
	.replace(/^git\+https:\/\/github\.com\//, '')
	.replace(/\.git$/, '');
const TAG = `v${packageJson.version}`;

/** The environment of the publish workflow's publish step, as GitHub Actions and npm set it. */
const PUBLISH_JOB: NodeJS.ProcessEnv = {
	GITHUB_ACTIONS: 'true',
	GITHUB_WORKFLOW_REF: `${SLUG}/.github/workflows/publish.yml@refs/tags/${TAG}`,
	GITHUB_REF: `refs/tags/${TAG}`,
	ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/oidc',
	ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-a-real-token',
	npm_config_provenance: 'true',
};

function guard(env: NodeJS.ProcessEnv): { code: number | null; output: string } {
	const clean = Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => !/^(GITHUB_|ACTIONS_|npm_config_provenance$)/i.test(key),
		),
	);
	const child = spawnSync(
		process.execPath,
		[require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'scripts/prepublish-guard.ts'],
		{
			cwd: REPO,
			env: { ...clean, ...env },
			encoding: 'utf8',
		},
	);
	return { code: child.status, output: `${child.stdout}${child.stderr}` };
}

describe('the prepublishOnly guard', () => {
	test('package.json runs it before every npm publish, and publishConfig asks npm for provenance', () => {
		expect(packageJson.scripts.prepublishOnly).toBe(
			'ts-node --transpile-only scripts/prepublish-guard.ts',
		);
		expect(packageJson.publishConfig).toEqual({ access: 'public', provenance: true });
	});

	test('in the publish workflow for the version’s tag, with provenance: it lets the publish go on', () => {
		const { code, output } = guard(PUBLISH_JOB);
		expect(output).toContain(`publishing ${packageJson.name}@${packageJson.version}`);
		expect(code).toBe(0);
	});

	test('on a developer’s machine (no GitHub Actions variables): it refuses and says how to release', () => {
		const { code, output } = guard({});
		expect(code).toBe(1);
		expect(output).toMatch(/refusing to publish/);
		expect(output).toMatch(/not running in GitHub Actions/);
		expect(output).toMatch(/npm run release/);
	});

	test.each<[string, NodeJS.ProcessEnv, RegExp]>([
		['outside GitHub Actions', { GITHUB_ACTIONS: undefined }, /not running in GitHub Actions/],
		[
			'from the CI workflow',
			{ GITHUB_WORKFLOW_REF: `${SLUG}/.github/workflows/ci.yml@refs/heads/main` },
			/GITHUB_WORKFLOW_REF/,
		],
		[
			'from a fork’s publish workflow',
			{
				GITHUB_WORKFLOW_REF: `someone-else/${SLUG.split('/')[1]}/.github/workflows/publish.yml@refs/tags/${TAG}`,
			},
			/GITHUB_WORKFLOW_REF/,
		],
		[
			'from a branch, not a tag',
			{
				GITHUB_REF: 'refs/heads/main',
				GITHUB_WORKFLOW_REF: `${SLUG}/.github/workflows/publish.yml@refs/heads/main`,
			},
			/GITHUB_REF is "refs\/heads\/main"/,
		],
		[
			'for a tag that is not package.json’s version',
			{
				GITHUB_REF: 'refs/tags/v99.0.0',
				GITHUB_WORKFLOW_REF: `${SLUG}/.github/workflows/publish.yml@refs/tags/v99.0.0`,
			},
			/not refs\/tags\/v/,
		],
		[
			'without id-token: write (no OIDC token)',
			{ ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
			/no OIDC token for provenance/,
		],
		['without --provenance', { npm_config_provenance: undefined }, /not given --provenance/],
	])('%s: it refuses', (_case, change, reason) => {
		const env = { ...PUBLISH_JOB, ...change };
		for (const key of Object.keys(change)) if (change[key] === undefined) delete env[key];
		const { code, output } = guard(env);
		expect(output).toMatch(reason);
		expect(code).toBe(1);
	});
});

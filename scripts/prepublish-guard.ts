/**
 * `prepublishOnly`: refuses `npm publish` anywhere but this repository's publish workflow
 * (.github/workflows/publish.yml on a version tag, with an OIDC token for npm provenance). n8n accepts a community
 * package only when it was published from GitHub Actions with provenance; a publish from a laptop would not be.
 *
 * The project's .npmrc sets ignore-scripts=true (for Node 20), which would skip this script: the workflow publishes
 * with --ignore-scripts=false, and package.json's publishConfig.provenance makes npm itself refuse a publish
 * outside a CI that can attest provenance.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const WORKFLOW = '.github/workflows/publish.yml';

interface PackageJson {
	name: string;
	version: string;
	repository?: { url?: string } | string;
}

/** "owner/name" from package.json's repository URL (git+https://github.com/owner/name.git). */
export function repositorySlug(pkg: PackageJson): string | undefined {
	const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	return /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?$/.exec(url ?? '')?.[1];
}

/** Every reason this environment may not publish; empty when it may. */
export function refusals(env: NodeJS.ProcessEnv, pkg: PackageJson): string[] {
	const reasons: string[] = [];
	const slug = repositorySlug(pkg);
	const tag = `v${pkg.version}`;
	if (env.GITHUB_ACTIONS !== 'true')
		reasons.push('not running in GitHub Actions (GITHUB_ACTIONS is not "true")');
	const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
	const expected = `${slug}/${WORKFLOW}@refs/tags/${tag}`;
	if (!slug) reasons.push('package.json has no GitHub repository URL');
	else if (workflowRef.toLowerCase() !== expected.toLowerCase())
		reasons.push(
			`GITHUB_WORKFLOW_REF is "${workflowRef}", not "${expected}" (the publish workflow run for the tag ${tag})`,
		);
	if (env.GITHUB_REF !== `refs/tags/${tag}`)
		reasons.push(
			`GITHUB_REF is "${env.GITHUB_REF ?? ''}", not refs/tags/${tag} (push the tag that matches package.json's version)`,
		);
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
		reasons.push('no OIDC token for provenance (the job needs "permissions: id-token: write")');
	if (env.npm_config_provenance !== 'true') reasons.push('npm publish was not given --provenance');
	return reasons;
}

function main(): void {
	const pkg = JSON.parse(
		readFileSync(resolve(__dirname, '..', 'package.json'), 'utf8'),
	) as PackageJson;
	const reasons = refusals(process.env, pkg);
	if (reasons.length === 0) {
		console.log(
			`prepublish guard: publishing ${pkg.name}@${pkg.version} from ${WORKFLOW} with provenance`,
		);
		return;
	}
	console.error(`prepublish guard: refusing to publish ${pkg.name}@${pkg.version}.`);
	for (const reason of reasons) console.error(`  - ${reason}`);
	console.error(
		`Publish with \`npm run release\`: it pushes the tag v<version>, and ${WORKFLOW} publishes it with npm provenance.`,
	);
	process.exitCode = 1;
}

if (require.main === module) main();

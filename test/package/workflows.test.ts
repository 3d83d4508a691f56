/**
 * The GitHub workflows that test and publish the package: both pass a workflow linter (@action-validator/core,
 * GitHub's workflow schema, from the npm registry) and do what n8n asks of a community package's release:
 * published from GitHub Actions on a version tag, with npm provenance.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';

const REPO = resolve(__dirname, '../..');
const read = (name: string) => readFileSync(resolve(REPO, '.github/workflows', name), 'utf8');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Workflow {
	on: Record<string, { branches?: string[]; tags?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

const runs = (workflow: Workflow) =>
	Object.values(workflow.jobs)
		.flatMap((job) => job.steps.map((step) => step.run ?? ''))
		.join('\n');

describe('the workflow files', () => {
	test.each(['ci.yml', 'publish.yml'])('%s passes the workflow linter', (name) => {
		expect(validateWorkflow(read(name)).errors).toEqual([]);
	});

	test('the linter is live: a job with a misspelt permission and a step with both run and uses fails', () => {
		const broken =
			'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: wirte\n    steps:\n      - run: echo\n        uses: actions/checkout@v6\n';
		expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
	});

	test('ci.yml: on pull requests and pushes to main, npm ci, lint, type-check, build and the README’s test command', () => {
		const ci = parse(read('ci.yml')) as Workflow;
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.on.push?.branches).toEqual(['main']);
		const commands = runs(ci);
		const order = ['npm ci', 'npm run lint', 'npm run typecheck', 'npm run build', 'npm test'].map(
			(command) => commands.indexOf(command),
		);
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(readFileSync(resolve(REPO, 'README.md'), 'utf8')).toContain('npm test');
	});

	test('publish.yml: on a version tag, npm ci, build, npm publish --provenance --access public with an OIDC token and NPM_TOKEN', () => {
		const publish = parse(read('publish.yml')) as Workflow;
		expect(Object.keys(publish.on)).toEqual(['push']);
		expect(publish.on.push?.tags).toEqual(['v*']);
		const jobs = Object.values(publish.jobs);
		expect(jobs).toHaveLength(1);
		expect(jobs[0].permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const commands = runs(publish);
		const order = ['npm ci', 'npm run build', 'npm publish --provenance --access public'].map(
			(command) => commands.indexOf(command),
		);
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		// The project's .npmrc skips scripts; the publish must run the prepublishOnly guard.
		expect(commands).toMatch(/npm publish [^\n]*--ignore-scripts=false/);
		const publishStep = jobs[0].steps.find((step) => step.run?.includes('npm publish'));
		expect(publishStep?.env?.NODE_AUTH_TOKEN).toBe('${{ secrets.NPM_TOKEN }}');
	});
});

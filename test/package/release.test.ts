/** `npm run release`: the version it tags and the CHANGELOG section it insists on (scripts/release.ts). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import packageJson from '../../package.json';
import { changelogHasVersion, nextVersion } from '../../scripts/release';

describe('npm run release', () => {
	test('package.json runs scripts/release.ts', () => {
		expect(packageJson.scripts.release).toBe('ts-node --transpile-only scripts/release.ts');
	});

	test.each([
		['0.1.0', 'patch', '0.1.1'],
		['0.1.0', 'minor', '0.2.0'],
		['0.1.9', 'major', '1.0.0'],
		['0.1.0', '0.3.0', '0.3.0'],
		['0.1.0', '0.1.0', undefined],
		['0.2.0', '0.1.5', undefined],
		['0.1.0', 'v0.2.0', undefined],
		['0.1.0', 'next', undefined],
	])('from %s, %s gives %s', (current, bump, expected) => {
		expect(nextVersion(current, bump)).toBe(expected);
	});

	test('a release needs a CHANGELOG section for its version', () => {
		expect(changelogHasVersion('# Changelog\n\n## 0.2.0 - 2026-12-06\n', '0.2.0')).toBe(true);
		expect(changelogHasVersion('## [0.2.0] - 2026-12-06\n', '0.2.0')).toBe(true);
		expect(changelogHasVersion('## Unreleased\n\n- 0.2.0 mentioned\n', '0.2.0')).toBe(false);
		expect(changelogHasVersion('## 0.2.01\n', '0.2.0')).toBe(false);
	});

	test('CHANGELOG.md has the current version and an Unreleased section', () => {
		const changelog = readFileSync(resolve(__dirname, '../../CHANGELOG.md'), 'utf8');
		expect(changelogHasVersion(changelog, packageJson.version)).toBe(true);
		expect(changelog).toMatch(/^## Unreleased$/m);
	});
});

// Copies the node and credential icons, and each node's codex file (<Name>.node.json: categories, search aliases,
// Docs links), next to the compiled JavaScript, where n8n looks for them.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist')),
);

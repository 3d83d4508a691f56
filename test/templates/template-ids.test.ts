import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// n8n 1.x saves a workflow's static data only when its id has at most 16 characters (2.x allows 21): with a
// longer id, the Poll Trigger's cursor, the tracking webhook's memory and the shop triggers' webhook ids and
// secrets are never stored, and a shop's signed deliveries fail. Every template's id must fit, and be its own.
const TEMPLATES = join(__dirname, '../../templates');
const ids = readdirSync(TEMPLATES)
	.filter((file) => file.endsWith('.json'))
	.map(
		(file) =>
			[
				file,
				(JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as { id: string }).id,
			] as const,
	);

test.each(ids)('%s has an id n8n 1.x keeps static data for (%s)', (_file, id) => {
	expect(id.length).toBeLessThanOrEqual(16);
});

test('no two templates share an id', () => {
	expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length);
});

/**
 * "Execute workflow" at the first click runs the sample data: the trigger n8n's editor picks is the Manual Trigger,
 * or a trigger with sample data pinned (n8n then runs on the pinned data instead of waiting for a call).
 * Template 1 belongs to the triggers' branch and is checked there.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { autoSelectedTrigger } from '../harness/editor-rules';

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const templates = readdirSync(TEMPLATES)
	.filter((file) => /^[2-6]-.*\.json$/.test(file))
	.map((file) => [file, JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8'))] as const);

test('templates 2 to 6 are all here', () => expect(templates).toHaveLength(5));

test.each(templates)('%s: the trigger Execute workflow starts from runs sample data', (_file, template) => {
	const trigger = autoSelectedTrigger(template.nodes);
	expect(trigger).toBeDefined();
	const pinned = (template.pinData ?? {})[trigger!.name];
	if (trigger!.type !== 'n8n-nodes-base.manualTrigger') expect(pinned?.length).toBeGreaterThan(0);
});

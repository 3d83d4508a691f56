import { resources } from '../../nodes/Starshipit/actions/router';
import { actionOf } from '../../nodes/Starshipit/actions/failures/support-fields';

// A failure refused before sending names what was attempted from the operation's own `action`: a write
// that does not set it would say "read" (issue 25). Every write of every resource sets it; reads say "read".
const operations = Object.entries(resources)
	.filter(([resource]) => resource !== 'failedRequest')
	.flatMap(([resource, module]) =>
		Object.entries(module.operations).map(([operation, entry]) => ({
			name: `${resource}.${operation}`,
			module: entry,
			writes: Boolean(entry.writes),
		})),
	);

test.each(operations.filter((entry) => entry.writes))(
	'the write $name names what it attempts',
	({ module }) => {
		expect(actionOf(module)).not.toBe('read');
	},
);

test.each(operations.filter((entry) => !entry.writes && !entry.name.startsWith('rate.')))(
	'the read $name says read',
	({ module }) => {
		expect(actionOf(module)).toBe('read');
	},
);

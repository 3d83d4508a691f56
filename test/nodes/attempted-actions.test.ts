import { resources } from '../../nodes/Starshipit/actions/router';
import { actionOf } from '../../nodes/Starshipit/actions/replay/support-fields';

// A failure refused before sending names what was attempted from the replay's table of actions: a write
// missing from it would say "read" (issue 25). Every write of every resource is in it; reads say "read".
const operations = Object.entries(resources)
	.filter(([resource]) => resource !== 'failedRequest')
	.flatMap(([resource, module]) => Object.entries(module.operations).map(([operation, entry]) => ({ name: `${resource}.${operation}`, resource, operation, writes: Boolean(entry.writes) })));

test.each(operations.filter((entry) => entry.writes))('the write $name names what it attempts', ({ resource, operation }) => {
	expect(actionOf(resource, operation)).not.toBe('read');
});

test.each(operations.filter((entry) => !entry.writes && !entry.name.startsWith('rate.')))('the read $name says read', ({ resource, operation }) => {
	expect(actionOf(resource, operation)).toBe('read');
});

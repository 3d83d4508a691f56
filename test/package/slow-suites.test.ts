import { existsSync } from 'node:fs';
import { join } from 'node:path';

// `npm test` leaves the slow suites out and `npm run test:slow` runs exactly them: a renamed or misspelt
// file would run in neither, so each must exist.
const { SLOW_SUITES } = require('../../jest.suites.js') as { SLOW_SUITES: string[] };

test.each(SLOW_SUITES)('%s exists', (path) => {
	expect(existsSync(join(__dirname, '../..', path))).toBe(true);
});

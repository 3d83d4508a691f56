/** `npm run test:slow`: the suites `npm test` leaves out (jest.suites.js), with the same set-up. */
const base = require('./jest.config.js');
const { SLOW_SUITES } = require('./jest.suites.js');

module.exports = {
	...base,
	testPathIgnorePatterns: ['/node_modules/'],
	testMatch: SLOW_SUITES.map((path) => `<rootDir>/${path}`),
};

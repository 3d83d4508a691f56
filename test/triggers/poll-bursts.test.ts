/** Bursts of up to 12,000 orders (poll-burst-scenarios.ts): each event once, none twice, none missed. */
import { burstSuite } from './poll-burst-scenarios';

burstSuite([
	[3_000, true],
	[6_000, true],
	[12_000, true],
]);

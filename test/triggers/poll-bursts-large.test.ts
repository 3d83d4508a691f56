/**
 * Bursts of more orders than the memory keeps otherwise (15,000, announced-memory.ts), with and without churn
 * (poll-burst-scenarios.ts). Before seen.ts kept every order of the last two passes over the list, Tracking
 * Status Changed announced each of 16,000 orders twice, and Order Labelled or Shipped missed a thousand.
 */
import { burstSuite } from './poll-burst-scenarios';

burstSuite([
	[16_000, false],
	[20_000, true],
]);

/**
 * What the webhook trigger (nodes/StarshipitTrigger) and the poll trigger (nodes/StarshipitPollTrigger)
 * share: one event shape and shipment key, the bounded memory of what was announced, Starshipit's dates,
 * and what a poll read for a webhook trigger in the same workflow. Neither trigger imports from the other's
 * folder (test/nodes/layout.test.ts).
 */
export {
	forgetBeyond,
	isNotNewer,
	MAX_ENTRIES,
	recall,
	remember,
	toSeconds,
	type AnnouncedMemory,
} from './announced-memory';
export { parseUtc } from './dates';
export { normaliseTrackingEvent, shipmentKey, TRACKING_STATUSES } from './normalise';
export { recordSeenByPoll, seenByPoll } from './seen-by-poll';

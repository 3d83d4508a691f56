import type { IDataObject } from 'n8n-workflow';

import {
	isNotNewer,
	parseUtc,
	remember,
	shipmentKey,
	toSeconds,
	type AnnouncedMemory,
} from '../shared/tracking';

/** One tracking update as the repeat check sees it: which shipment, what it says, when it happened. */
export interface TrackingUpdate {
	/** Order and tracking number (shipmentKey): a redone label is a new shipment. */
	shipment: string;
	status: string;
	/** Seconds, when the update carries a time. */
	time?: number;
}

export function trackingUpdateOf(payload: IDataObject): TrackingUpdate {
	const time = parseUtc(payload.last_updated_date);
	return {
		shipment: shipmentKey(payload),
		status: String(payload.tracking_status ?? ''),
		time: time === undefined ? undefined : toSeconds(time),
	};
}

/**
 * Whether this update was announced already (or an update newer than it was) by this trigger, or its
 * status of its shipment was read by a poll trigger in the same workflow (`seenByPoll`, see
 * shared/tracking/seen-by-poll.ts). Records it when it is new. Starshipit sends no event id, so "newer" is by the
 * update's own time.
 */
export function isRepeat(
	memory: AnnouncedMemory,
	update: TrackingUpdate,
	seenByPoll?: (shipment: string, status: string) => boolean,
	now = Date.now(),
): boolean {
	if (isNotNewer(memory, update.shipment, update.status, update.time)) return true;
	if (seenByPoll?.(update.shipment, update.status)) return true;
	recordAnnounced(memory, update, now);
	return false;
}

/** Records an update as announced, as isRepeat does for a new one. */
export function recordAnnounced(
	memory: AnnouncedMemory,
	update: TrackingUpdate,
	now = Date.now(),
): void {
	if (!isNotNewer(memory, update.shipment, update.status, update.time))
		remember(memory, update.shipment, update.status, update.time ?? toSeconds(now));
}

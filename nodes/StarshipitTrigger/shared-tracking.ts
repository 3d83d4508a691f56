import type { IDataObject } from 'n8n-workflow';

import { isNotNewer, remember, toSeconds, type AnnouncedMemory } from './announced-memory';

/**
 * Both triggers in one workflow (template 1): n8n saves a workflow's static data whole, and a poll
 * trigger saves the copy it loaded when the workflow was published, plus its own changes. Whatever the
 * webhook trigger remembered since is put back to that old copy each time a poll starts a run: only
 * what the poll trigger itself writes survives its saves.
 *
 * So the poll trigger writes here (in the workflow-wide static data) each shipment's tracking status
 * as it reads it, with the time it read it, and the webhook trigger counts an update as a repeat when
 * it is not newer than that too. After a poll's save, every shipment the webhook trigger announced
 * before that poll has been read by it (its status changed, so the order was updated), and a repeat of
 * that announcement is recognised again. A genuinely new update that the poll read first is left to the
 * poll, which announces it itself.
 */
const KEY = 'starshipitTrackingSeenByPoll';

export function seenByPollTriggers(global: IDataObject): AnnouncedMemory | undefined {
	return global[KEY] as AnnouncedMemory | undefined;
}

/** A poll trigger records a shipment's status as read now (kept only when it changed, so its time is when it was first read). */
export function recordSeenByPoll(global: IDataObject, shipment: string, status: string, now = Date.now()): void {
	const memory = (global[KEY] ??= {}) as AnnouncedMemory;
	if (isNotNewer(memory, shipment, status, undefined)) return;
	remember(memory, shipment, status, toSeconds(now));
}

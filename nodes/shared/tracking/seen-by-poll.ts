import type { IDataObject } from 'n8n-workflow';

import { recall, remember, toSeconds, type AnnouncedMemory } from './announced-memory';

/**
 * Both triggers in one workflow (template 1): n8n saves a workflow's static data whole, and a poll
 * trigger saves the copy it loaded when the workflow was published, plus its own changes. Whatever the
 * webhook trigger remembered since is put back to that old copy each time a poll starts a run: only
 * what the poll trigger itself writes survives its saves.
 *
 * So the poll trigger writes here (in the workflow-wide static data) each status it reads of each
 * shipment, and the webhook trigger counts an update as a repeat when the poll has seen that status of
 * that shipment. After a poll's save, every shipment the webhook trigger announced before that poll was
 * read by it (its status changed, so the order was updated), so a repeat of that announcement is
 * recognised again. Not covered: a status that came and went between two polls, repeated after a poll
 * saved; and the poll announcing a change the webhook announced first (it cannot see the webhook's
 * memory), which is why the write-back should accept a status it already has.
 */
const KEY = 'starshipitTrackingSeenByPoll';
/** Each entry is one status of one shipment: a few thousand keep the last hours of a busy account. */
const MAX_SEEN = 5_000;

/** `shipment`: shipmentKey (normalise.ts), the same for a webhook payload and a list row. */
const entryKey = (shipment: string, status: string) => `${shipment}|${status}`;

/** Whether a poll trigger in this workflow has read this status of this shipment. */
export function seenByPoll(global: IDataObject, shipment: string, status: string): boolean {
	const memory = global[KEY] as AnnouncedMemory | undefined;
	return memory !== undefined && recall(memory, entryKey(shipment, status)) !== undefined;
}

/** A poll trigger records a status it read of a shipment. */
export function recordSeenByPoll(
	global: IDataObject,
	shipment: string,
	status: string,
	now = Date.now(),
): void {
	const memory = (global[KEY] ??= {}) as AnnouncedMemory;
	if (recall(memory, entryKey(shipment, status))) return;
	remember(memory, entryKey(shipment, status), '', toSeconds(now), MAX_SEEN);
}

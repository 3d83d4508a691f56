import { randomUUID } from 'crypto';

import type { AnnouncedMemory } from '../shared/tracking';
import { recordAnnounced, type TrackingUpdate } from './dedupe';

/**
 * What the webhook trigger announced lately in this n8n process, kept beside the static data so that
 * updates arriving together are all remembered.
 *
 * n8n loads a workflow's static data anew for each webhook request, runs the trigger, and saves the
 * whole of it once the trigger has answered (live-webhooks.ts: saveStaticData, an UPDATE of the one
 * column): the last save wins. Of 20 updates arriving together, each request saved a memory holding
 * only its own, so 19 were forgotten, and started runs again when resent. No key layout in static data
 * can merge two saves, and Starshipit sends no id that would make an update recognisable without a
 * memory. What this process can do: every copy of the memory it loads is brought up to date with what
 * it announced before (the journal, when the request starts), and is kept up to date while it may still
 * be saved (each announcement is written into every such copy): whichever copy is saved last holds every
 * announcement made before its save. The check and the write happen with no await between them, so of
 * two deliveries of one update arriving together exactly one starts a run.
 *
 * It covers one process receiving webhooks (n8n's main process, also in queue mode). With several
 * `n8n webhook` processes behind a load balancer, two of them can still save over each other's memory:
 * n8n offers nodes no atomic update of static data.
 */
const KEEP_MS = 10 * 60_000;
const MAX_JOURNAL = 20_000;
/** n8n saves a request's copy right after the trigger answers: copies older than this are saved, or never will be. */
const COPY_MS = 60_000;
const MAX_COPIES = 200;
/** Which process last brought a copy up to date, and how far: `<process>:<sequence number>`. */
const SYNCED = 'synced';
const PROCESS = randomUUID().slice(0, 8);

interface Entry {
	seq: number;
	at: number;
	update: TrackingUpdate;
}

interface Trigger {
	journal: Entry[];
	nextSeq: number;
	copies: Array<{ memory: WeakRef<AnnouncedMemory>; at: number }>;
}

const triggers = new Map<string, Trigger>();

function forgetOld(trigger: Trigger, now: number): void {
	const { journal } = trigger;
	let drop = 0;
	while (
		drop < journal.length &&
		(journal[drop].at + KEEP_MS <= now || journal.length - drop > MAX_JOURNAL)
	)
		drop++;
	if (drop) journal.splice(0, drop);
	trigger.copies = trigger.copies
		.filter((copy) => copy.at + COPY_MS > now && copy.memory.deref() !== undefined)
		.slice(-MAX_COPIES);
}

/** The entries of the journal this copy has not had: those after its mark if this process set it, else all. */
function missedBy(trigger: Trigger, memory: AnnouncedMemory): Entry[] {
	const [process, seq] = String(memory[SYNCED] ?? '').split(':');
	if (process !== PROCESS || !trigger.journal.length) return trigger.journal;
	return trigger.journal.slice(Math.max(0, Number(seq) + 1 - trigger.journal[0].seq));
}

function write(memory: AnnouncedMemory, entry: Entry): void {
	recordAnnounced(memory, entry.update, entry.at);
	memory[SYNCED] = `${PROCESS}:${entry.seq}`;
}

/**
 * The memory this request loaded, brought up to date with what this process announced since it was
 * saved, and held so that later announcements reach it too. Call `announce` with no await in between.
 */
export function joinProcessMemory(
	triggerKey: string,
	memory: AnnouncedMemory,
	now = Date.now(),
): (update: TrackingUpdate) => void {
	let trigger = triggers.get(triggerKey);
	if (!trigger) triggers.set(triggerKey, (trigger = { journal: [], nextSeq: 0, copies: [] }));
	forgetOld(trigger, now);
	for (const entry of missedBy(trigger, memory)) write(memory, entry);
	// A workflow object that serves several requests (as in tests) holds one copy: written once per announcement.
	if (!trigger.copies.some((copy) => copy.memory.deref() === memory))
		trigger.copies.push({ memory: new WeakRef(memory), at: now });
	const joined = trigger;
	/** Records an announced update in the journal and in every copy that may still be saved (this one included). */
	return (update: TrackingUpdate) => {
		const entry = { seq: joined.nextSeq++, at: Date.now(), update };
		joined.journal.push(entry);
		for (const copy of joined.copies) {
			const held = copy.memory.deref();
			if (held) write(held, entry);
		}
	};
}

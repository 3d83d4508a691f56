/**
 * The memory both triggers keep of what they announced: bounded, never re-announcing what it forgot,
 * and with the same work per event however full it is.
 */
import {
	isNotNewer,
	MAX_ENTRIES,
	remember,
	type AnnouncedMemory,
} from '../../nodes/shared/tracking/announced-memory';
import { isRepeat, type TrackingUpdate } from '../../nodes/StarshipitTrigger/dedupe';

const DAY_SECONDS = 24 * 3600;
const STATUSES = ['Printed', 'Dispatched', 'InTransit', 'Delivered'];

/**
 * `ordersPerDay` orders a day for `days`, each with its statuses spread over the following three days,
 * in time order, with repeats of updates sent hours or days before mixed in.
 */
function* trafficAtScale(
	ordersPerDay: number,
	days: number,
): Generator<TrackingUpdate & { repeat: boolean }> {
	const sent: TrackingUpdate[] = [];
	const perSecond = ordersPerDay / DAY_SECONDS;
	const updates: TrackingUpdate[] = [];
	for (let order = 0; order < ordersPerDay * days; order++) {
		const created = Math.floor(order / perSecond);
		STATUSES.forEach((status, step) =>
			updates.push({ shipment: `SO-${order}|T${order}`, status, time: created + step * 20 * 3600 }),
		);
	}
	updates.sort((a, b) => a.time! - b.time!);
	for (const [index, update] of updates.entries()) {
		yield { ...update, repeat: false };
		sent.push(update);
		if (index % 10 === 9) yield { ...sent[(index * 7919) % sent.length], repeat: true };
	}
}

test('at 100,000 orders a day for three days: no repeat announced, every update announced, static data under 0.6 MB', () => {
	const memory: AnnouncedMemory = {};
	let wronglyStarted = 0;
	let missed = 0;
	let largest = 0;
	let count = 0;
	for (const update of trafficAtScale(100_000, 3)) {
		const started = !isRepeat(memory, update);
		if (update.repeat && started) wronglyStarted++;
		if (!update.repeat && !started) missed++;
		if (++count % 100_000 === 0) largest = Math.max(largest, JSON.stringify(memory).length);
	}
	expect(count).toBeGreaterThan(1_300_000);
	expect({ wronglyStarted, missed }).toEqual({ wronglyStarted: 0, missed: 0 });
	expect(largest).toBeLessThan(600_000);
});

test('a forgotten update comes back: still a repeat (its time is at or before the floor); a newer one for the same order is not', () => {
	const memory: AnnouncedMemory = {};
	remember(memory, 'SO-1|T1', 'InTransit', 1_000, 100);
	for (let index = 0; index < 200; index++)
		remember(memory, `other-${index}`, 'Printed', 2_000 + index, 100);
	expect(memory.count).toBeLessThanOrEqual(100);
	expect(isNotNewer(memory, 'SO-1|T1', 'InTransit', 1_000)).toBe(true);
	expect(isNotNewer(memory, 'SO-1|T1', 'Delivered', 5_000)).toBe(false);
	// Without a time, only what is remembered can tell: announced rather than lost.
	expect(isNotNewer(memory, 'SO-1|T1', 'InTransit', undefined)).toBe(false);
});

test('remembered: an older update or the same one again is a repeat, a newer one or another status at the same time is not', () => {
	const memory: AnnouncedMemory = {};
	remember(memory, 'SO-1|T1', 'InTransit', 1_000);
	expect([
		isNotNewer(memory, 'SO-1|T1', 'Printed', 900),
		isNotNewer(memory, 'SO-1|T1', 'InTransit', 1_000),
		isNotNewer(memory, 'SO-1|T1', 'InTransit', undefined),
		isNotNewer(memory, 'SO-1|T1', 'Delivered', 1_001),
		isNotNewer(memory, 'SO-1|T1', 'Exception', 1_000),
		isNotNewer(memory, 'SO-1|T2', 'Printed', 900),
	]).toEqual([true, true, true, false, false, false]);
});

/**
 * Counts the work done on the memory's entries: every read, write and delete, and every key handed out
 * when its keys are listed (listing all keys costs one per key).
 */
function counted(memory: AnnouncedMemory) {
	const work = { operations: 0 };
	memory.entries = new Proxy(memory.entries ?? {}, {
		get: (target, key) => (work.operations++, Reflect.get(target, key)),
		set: (target, key, value) => (work.operations++, Reflect.set(target, key, value)),
		deleteProperty: (target, key) => (work.operations++, Reflect.deleteProperty(target, key)),
		ownKeys: (target) => {
			const keys = Reflect.ownKeys(target);
			work.operations += keys.length;
			return keys;
		},
	});
	return work;
}

/** The work per event for `events` new events once a memory bounded at `max` is full and forgetting. */
function workPerEventWhenFull(max: number, events: number): number {
	const memory: AnnouncedMemory = {};
	for (let index = 0; index < max; index++)
		remember(memory, `order-${index}`, 'Printed', index, max);
	const work = counted(memory);
	// What isRepeat does for a new event, with this bound.
	for (let index = max; index < max + events; index++) {
		if (!isNotNewer(memory, `order-${index}`, 'Printed', index))
			remember(memory, `order-${index}`, 'Printed', index, max);
	}
	return work.operations / events;
}

test('the work per event does not grow with the memory: the same at 1,500 and at 15,000 entries, forgetting included', () => {
	const small = workPerEventWhenFull(1_500, 15_000);
	const full = workPerEventWhenFull(MAX_ENTRIES, 15_000);
	expect(full).toBeLessThan(20);
	expect(full / small).toBeLessThan(1.2);
});

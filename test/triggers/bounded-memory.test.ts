import { MAX_REMEMBERED } from '../../nodes/StarshipitTrigger/bounded-memory';
import { isRepeat } from '../../nodes/StarshipitTrigger/dedupe';
import type { PollState } from '../../nodes/StarshipitPollTrigger/cursor';
import { forgetBeyondLimit, rememberValue } from '../../nodes/StarshipitPollTrigger/seen';

const START = Date.UTC(2026, 10, 25);
const WINDOW_MINUTES = 60;

test('webhook repeats: past the bound, the events seen longest ago are forgotten first, even one stored first but repeated since', () => {
	const staticData = {};
	isRepeat(staticData, 'stored-first', WINDOW_MINUTES, START);
	for (let index = 0; index < MAX_REMEMBERED - 1; index++) isRepeat(staticData, `event-${index}`, WINDOW_MINUTES, START + 1 + index);
	// Starshipit sends the first event again: it is now the most recent one.
	expect(isRepeat(staticData, 'stored-first', WINDOW_MINUTES, START + MAX_REMEMBERED)).toBe(true);
	isRepeat(staticData, 'one-past-the-bound', WINDOW_MINUTES, START + MAX_REMEMBERED + 1);
	expect(Object.keys((staticData as { seenEvents: object }).seenEvents)).toHaveLength(MAX_REMEMBERED);
	expect(isRepeat(staticData, 'stored-first', WINDOW_MINUTES, START + MAX_REMEMBERED + 2)).toBe(true);
	expect(isRepeat(staticData, 'event-0', WINDOW_MINUTES, START + MAX_REMEMBERED + 3)).toBe(false);
});

test('poll memory: past the bound, the orders updated longest ago are forgotten first, whatever order they were read in', () => {
	const state: PollState = {};
	rememberValue(state, 'read-first-updated-last', 'Printed', START + MAX_REMEMBERED);
	for (let index = 0; index < MAX_REMEMBERED - 1; index++) rememberValue(state, `order-${index}`, 'Printed', START + index);
	rememberValue(state, 'read-last-updated-first', 'Printed', START - 1);
	forgetBeyondLimit(state);
	expect(Object.keys(state.seen!)).toHaveLength(MAX_REMEMBERED);
	expect(state.seen).toHaveProperty(['read-first-updated-last']);
	expect(state.seen).not.toHaveProperty(['read-last-updated-first']);
});

import { parseUtc } from '../../nodes/shared/tracking/dates';
import { EVENTS, isEvent } from '../../nodes/StarshipitPollTrigger/events';

const AT = Date.UTC(2026, 5, 1, 7, 29, 7);

test('dates without a zone (as in a real Starshipit list) are read as UTC, whatever the n8n server’s zone', () => {
	expect(parseUtc('2026-06-01T07:29:07')).toBe(AT);
	expect(parseUtc('2026-06-01T07:29:07.000Z')).toBe(AT);
	expect(parseUtc('2026-06-01T17:29:07+10:00')).toBe(AT);
	expect([parseUtc(''), parseUtc(undefined), parseUtc('not a date')]).toEqual([
		undefined,
		undefined,
		undefined,
	]);
});

test('an order the trigger does not remember counts when its event happened since the start, by the date each list carries', () => {
	expect(isEvent(EVENTS.shipped, { shipped_date: '2026-06-01T07:29:07' }, 'unknown', AT)).toBe(
		true,
	);
	expect(isEvent(EVENTS.shipped, { shipped_date: '2026-06-01T07:29:07' }, 'unknown', AT + 1)).toBe(
		false,
	);
	expect(
		isEvent(EVENTS.shipped, { shipment_date: '2026-06-01T07:29:07Z' }, 'unknown', AT + 1),
	).toBe(false);
	expect(
		isEvent(EVENTS.newUnshipped, { order_date: '2026-06-01T07:29:07' }, 'unknown', AT + 1),
	).toBe(false);
	// No date to go by: announced rather than lost.
	expect(isEvent(EVENTS.newUnshipped, {}, 'unknown', AT)).toBe(true);
	// Tracking: every order counts the first time it is seen.
	expect(
		isEvent(
			EVENTS.trackingChanged,
			{ tracking_status: 'InTransit', last_updated_date: '2020-01-01T00:00:00Z' },
			'unknown',
			AT,
		),
	).toBe(true);
});

test('a remembered order counts only when its value changed, one announced and forgotten never; the tracking value reads the documented status name too', () => {
	const row = {
		tracking_number: 'T1',
		tracking_short_status: 'InTransit',
		shipped_date: '2026-06-01T07:29:07',
	};
	expect(EVENTS.trackingChanged.value(row)).toBe('T1|InTransit');
	expect(isEvent(EVENTS.trackingChanged, row, 'same', AT)).toBe(false);
	expect(isEvent(EVENTS.trackingChanged, row, 'changed', AT)).toBe(true);
	expect(isEvent(EVENTS.shipped, row, 'announced', AT)).toBe(false);
});

test('the times that let the memory forget without re-announcing: a new order’s id, a label’s date; tracking has none', () => {
	expect(EVENTS.newUnshipped.floorTime!({ order_id: 712619554 })).toBe(712619554);
	expect(EVENTS.shipped.floorTime!({ shipped_date: '2026-06-01T07:29:07' })).toBe(AT / 1000);
	expect(EVENTS.trackingChanged.floorTime).toBeUndefined();
});

import { slowDownLane, waitForSlot, type Slot } from '../../nodes/Starshipit/transport/throttle';

// The pacing's arithmetic on n8n's own sleep, with the clock faked: which requests may start at a given moment.
// The shared-limit test and `npm run bench:lanes` check the same pacing with real processes and a real sandbox.
const RATE = 2;
const ASKED_WAIT = 1000;

beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

/** Asks for `count` slots; returns the list of those started so far (it grows as fake time passes). */
async function ask(key: string, count: number): Promise<Slot[]> {
	const started: Slot[] = [];
	for (let index = 0; index < count; index++)
		void waitForSlot(key, RATE).then((slot) => started.push(slot));
	await jest.advanceTimersByTimeAsync(0);
	return started;
}

/** One request sent as soon as the lane allows, and its answer: refused (429) or got through. */
async function send(key: string, outcome: 'refused' | 'accepted'): Promise<void> {
	const started = await ask(key, 1);
	while (started.length === 0) await jest.advanceTimersByTimeAsync(10);
	await jest.advanceTimersByTimeAsync(20);
	started[0].answered(outcome);
	if (outcome === 'refused') slowDownLane(key, ASKED_WAIT, started[0].sentAt);
}

/** How many of three requests start within `withinMs`: the lane's rate at this moment. */
async function startingWithin(key: string, withinMs: number): Promise<number> {
	const started = await ask(key, 3);
	await jest.advanceTimersByTimeAsync(withinMs);
	return started.length;
}

test('a lane never refused starts a full window of requests at once', async () => {
	expect(await startingWithin('alone', 0)).toBe(RATE);
});

test('after a refusal the lane waits the asked second, then sends one request at a time', async () => {
	await send('cut-once', 'refused');
	const started = await ask('cut-once', 2);
	await jest.advanceTimersByTimeAsync(ASKED_WAIT - 30);
	expect(started).toHaveLength(0);
	await jest.advanceTimersByTimeAsync(30);
	// The share is cut to a half, about 1 request/s: the first request goes, the second waits for a window after it.
	expect(started).toHaveLength(1);
	started[0].answered('accepted');
	await jest.advanceTimersByTimeAsync(999);
	expect(started).toHaveLength(1);
	await jest.advanceTimersByTimeAsync(2);
	expect(started).toHaveLength(2);
});

test('a lane that gets requests through between refusals is slowed further, so that many processes settle', async () => {
	await send('settling', 'refused');
	await send('settling', 'accepted');
	await send('settling', 'refused');
	// Cut twice: slower than one request per second (a half of 2/s would send the second a second after the first).
	const started = await ask('settling', 2);
	while (started.length === 0) await jest.advanceTimersByTimeAsync(10);
	started[0].answered('accepted');
	await jest.advanceTimersByTimeAsync(1100);
	expect(started).toHaveLength(1);
	await jest.advanceTimersByTimeAsync(1000);
	expect(started).toHaveLength(2);
});

test('a lane refused again and again while others fill the window tries one request each second', async () => {
	for (let refusal = 0; refusal < 6; refusal++) await send('starved', 'refused');
	// Halving six times would leave 1/32 of the rate: one request in 16 seconds. It keeps half the rate, and
	// sends one request at a time while nothing gets through, so it notices as soon as the others are done.
	const started = await ask('starved', 3);
	await jest.advanceTimersByTimeAsync(1100);
	expect(started).toHaveLength(1);
	started[0].answered('refused');
	slowDownLane('starved', ASKED_WAIT, started[0].sentAt);
	await jest.advanceTimersByTimeAsync(900);
	expect(started).toHaveLength(1);
	await jest.advanceTimersByTimeAsync(200);
	expect(started).toHaveLength(2);
});

test('the first request through after a run of refusals brings the lane back to the full rate', async () => {
	for (let refusal = 0; refusal < 3; refusal++) await send('room-appeared', 'refused');
	await jest.advanceTimersByTimeAsync(ASKED_WAIT);
	await send('room-appeared', 'accepted');
	await jest.advanceTimersByTimeAsync(1100);
	// The whole window again: with the share left at a half, one request would start, not two.
	expect(await startingWithin('room-appeared', 0)).toBe(RATE);
});

test('a refusal just after room appeared does not halve the share again', async () => {
	for (let refusal = 0; refusal < 3; refusal++) await send('last-one', 'refused');
	await send('last-one', 'accepted');
	// Sent at once beside it and refused: the window still held the finishing process's last request.
	await send('last-one', 'refused');
	await jest.advanceTimersByTimeAsync(ASKED_WAIT + 1100);
	// Still the whole rate once the asked second has passed; halved, only one request would start.
	expect(await startingWithin('last-one', 0)).toBe(RATE);
});

test('a request with no answer at all after a run of refusals is not taken as room', async () => {
	for (let refusal = 0; refusal < 3; refusal++) await send('connection-lost', 'refused');
	const started = await ask('connection-lost', 1);
	while (started.length === 0) await jest.advanceTimersByTimeAsync(10);
	started[0].answered('unknown');
	await jest.advanceTimersByTimeAsync(ASKED_WAIT + 1100);
	// Still starved, so one request at a time; taken as room, a full window (two) would start.
	expect(await startingWithin('connection-lost', 0)).toBe(1);
});

import { redactDeep, redactSecrets } from '../../nodes/Starshipit/transport/redact';

// Keys shaped like Starshipit's (32 hex characters): every form masked, ordinary text left alone.
const API_KEY = '5f0c9e1ab37d4c2e8f6a0b9d1c3e7a24';
const SUBSCRIPTION_KEY = 'c81d2b7e9a0f4e63b5d1a8c0e2f94b17';
const secrets = [API_KEY, SUBSCRIPTION_KEY];
const base64 = (text: string) => Buffer.from(text).toString('base64');

test.each([
	['exact', API_KEY],
	['upper-case', SUBSCRIPTION_KEY.toUpperCase()],
	['base64', base64(API_KEY)],
	['base64url of a longer text', Buffer.from(`>>${API_KEY}??`).toString('base64url')],
	['basic-auth', `Basic ${base64(`user:${SUBSCRIPTION_KEY}`)}`],
	['URL-encoded twice', encodeURIComponent(encodeURIComponent(`k=${API_KEY}&`))],
	['hex', Buffer.from(API_KEY).toString('hex').toUpperCase()],
	[
		'split by spaces and lines',
		`${API_KEY.slice(0, 10)} \n ${API_KEY.slice(10, 20)}-${API_KEY.slice(20)}`,
	],
	['a piece of 8', SUBSCRIPTION_KEY.slice(12, 20)],
])('%s: masked, the words around kept', (_form, echoed) => {
	const text = `Access denied for ${echoed} (check the key)`;
	const redacted = redactSecrets(text, secrets);
	expect(redacted).toMatch(/^Access denied for .*\[redacted\].* \(check the key\)$/);
	const pieces = [API_KEY, SUBSCRIPTION_KEY].flatMap((key) =>
		Array.from({ length: key.length - 7 }, (_, at) => key.slice(at, at + 8)),
	);
	expect(pieces.filter((piece) => redacted.toLowerCase().includes(piece))).toEqual([]);
});

test('ordinary answers are left as they are', () => {
	const text =
		'Order SO-1001: Validation failed; Street is too long (max 50); tracking SSI000012345, 2026-02-01T10:00:00Z';
	expect(redactSecrets(text, secrets)).toBe(text);
});

test('a parsed answer keeps its shape: only its texts are redacted', () => {
	const body = {
		success: false,
		errors: [{ message: `bad key ${API_KEY}`, details: '' }],
		count: 2,
	};
	expect(redactDeep(body, secrets)).toEqual({
		success: false,
		errors: [{ message: 'bad key [redacted]', details: '' }],
		count: 2,
	});
});

test('a third key, the other account’s (Order > Assign to Another Account sends it), is masked in every form the two are', () => {
	const TARGET_KEY = '9e4b7c0d21fa48e6a3c5d8b0f17e2a96';
	const forms = [
		TARGET_KEY,
		TARGET_KEY.toUpperCase(),
		base64(TARGET_KEY),
		Buffer.from(TARGET_KEY).toString('hex'),
		encodeURIComponent(`k=${TARGET_KEY}&`),
		TARGET_KEY.slice(8, 16),
	];
	const text = `moving to ${forms.join(' / ')} refused`;
	const redacted = redactSecrets(text, [...secrets, TARGET_KEY]);
	expect(redacted).toMatch(/^moving to .*\[redacted\].* refused$/);
	const pieces = Array.from({ length: TARGET_KEY.length - 7 }, (_, at) =>
		TARGET_KEY.slice(at, at + 8),
	);
	expect(pieces.filter((piece) => redacted.toLowerCase().includes(piece))).toEqual([]);
	// Without it in the list, nothing of it would be masked: the list is what decides.
	expect(redactSecrets(text, secrets)).toBe(text);
});

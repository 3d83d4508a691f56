/**
 * Masks the credential's keys in anything a server answered (Starshipit, or a proxy in front of it),
 * before it becomes a message, a description, a support context or an output item. A key may come
 * back in any case, encoded (base64, base64url, inside a basic-auth header, URL-encoded once or twice,
 * hex), split by spaces or punctuation, or in part: any run of 8 or more of its characters is masked.
 */

export const REDACTED = '[redacted]';

/** One encoded form of a key, and the shortest run of it that gives away 8 of the key's characters. */
interface Form {
	text: string;
	minimum: number;
	/** Compare letters and digits only, so that separators between them ("AB12 CD34", "ab-12.cd") do not hide a key. */
	lettersAndDigits?: boolean;
}

const KEY_PIECE = 8;
const isLetterOrDigit = (code: number) =>
	(code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

function formsOf(secret: string): Form[] {
	const forms: Form[] = [
		{ text: secret, minimum: KEY_PIECE, lettersAndDigits: true },
		{ text: secret, minimum: KEY_PIECE },
		{ text: encodeURIComponent(secret), minimum: KEY_PIECE },
		{ text: encodeURIComponent(encodeURIComponent(secret)), minimum: KEY_PIECE },
		// Two hex digits a character (pure ASCII keys; any other character is longer and still covered by its bytes).
		{ text: Buffer.from(secret).toString('hex'), minimum: 2 * KEY_PIECE },
	];
	// Base64 at each of the three alignments a key may start at inside a longer encoded text (a basic-auth
	// header's `user:key`, say); the last characters depend on what follows the key, so they are left out.
	for (let offset = 0; offset < 3; offset++) {
		const base64 = Buffer.from(secret.slice(offset)).toString('base64').replace(/=+$/, '');
		const stable = base64.slice(0, Math.max(0, base64.length - 3));
		const minimum = Math.ceil((KEY_PIECE * 4) / 3) + 1;
		forms.push(
			{ text: stable, minimum },
			{ text: stable.replace(/\+/g, '-').replace(/\//g, '_'), minimum },
		);
	}
	return forms.filter((form) => form.text.length >= form.minimum);
}

/** The text as compared: lower-cased, with (for letters-and-digits forms) where each kept character sits. */
function projection(
	text: string,
	lettersAndDigits: boolean,
): { compared: string; positions: number[] } {
	// ASCII only, so that every character keeps its place (some others change length when lower-cased).
	const lower = text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
	if (!lettersAndDigits) return { compared: lower, positions: [] };
	let compared = '';
	const positions: number[] = [];
	for (let at = 0; at < lower.length; at++) {
		if (isLetterOrDigit(lower.charCodeAt(at))) {
			compared += lower[at];
			positions.push(at);
		}
	}
	return { compared, positions };
}

/** Where in `text` a run of `form` of at least its minimum length sits, as [start, end) ranges of `text`. */
function rangesOf(text: string, form: Form): Array<[number, number]> {
	const needle = projection(form.text, form.lettersAndDigits === true).compared;
	if (needle.length < form.minimum) return [];
	const { compared, positions } = projection(text, form.lettersAndDigits === true);
	const starts = new Map<string, number[]>();
	for (let at = 0; at + form.minimum <= needle.length; at++) {
		const piece = needle.slice(at, at + form.minimum);
		starts.set(piece, [...(starts.get(piece) ?? []), at]);
	}
	const ranges: Array<[number, number]> = [];
	for (let at = 0; at + form.minimum <= compared.length; ) {
		const candidates = starts.get(compared.slice(at, at + form.minimum));
		if (!candidates) {
			at++;
			continue;
		}
		// The longest run of the form from here, so that no tail of the key is left behind.
		let longest = form.minimum;
		for (const start of candidates) {
			let length = form.minimum;
			while (
				at + length < compared.length &&
				start + length < needle.length &&
				compared[at + length] === needle[start + length]
			)
				length++;
			longest = Math.max(longest, length);
		}
		ranges.push(
			form.lettersAndDigits ? [positions[at], positions[at + longest - 1] + 1] : [at, at + longest],
		);
		at += longest;
	}
	return ranges;
}

const formsBySecret = new Map<string, Form[]>();

/** `text` with every form of each secret replaced by [redacted]. */
export function redactSecrets(text: string, secrets: string[]): string {
	const ranges: Array<[number, number]> = [];
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		if (!formsBySecret.has(secret)) formsBySecret.set(secret, formsOf(secret));
		// A key shorter than a piece is masked whole.
		const forms =
			secret.length < KEY_PIECE
				? [{ text: secret, minimum: secret.length }]
				: formsBySecret.get(secret)!;
		for (const form of forms) ranges.push(...rangesOf(text, form));
	}
	if (!ranges.length) return text;
	ranges.sort((a, b) => a[0] - b[0]);
	let result = '';
	let done = 0;
	for (const [start, end] of ranges) {
		if (end <= done) continue;
		if (start >= done) result += text.slice(done, start) + REDACTED;
		done = end;
	}
	return result + text.slice(done);
}

/** Every text inside a parsed answer, redacted; its shape (the names of its fields) and everything else as it was. */
export function redactDeep<T>(value: T, secrets: string[]): T {
	if (typeof value === 'string') return redactSecrets(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets)) as T;
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, redactDeep(entry, secrets)]),
		) as T;
	}
	return value;
}

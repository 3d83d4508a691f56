import type { IDataObject } from 'n8n-workflow';

/** What the request did, for whoever reads the support context later. */
export type SupportAction =
	| 'read'
	| 'created'
	| 'updated'
	| 'deleted'
	| 'archived'
	| 'restored'
	| 'labelled'
	| 'manifested'
	| 'synced'
	| 'rated';

/**
 * Everything Starshipit support (or the user) needs to find a failed request again, as the
 * integration guide asks: never any key.
 */
export interface SupportContext extends IDataObject {
	action: SupportAction;
	method: string;
	endpoint: string;
	status: number | null;
	/** Set when no answer came back: the system's code, e.g. ECONNRESET. */
	networkError: string | null;
	sourceOrderId: string | null;
	starshipitOrderId: string | null;
	retries: number;
	timestamp: string;
	responseBody: IDataObject | string | null;
}

const MAX_BODY_CHARACTERS = 4000;

/** Keeps the response body short and removes any secret that might have been echoed. */
export function sanitizeBody(body: unknown, secrets: string[]): IDataObject | string | null {
	if (body === undefined || body === null || body === '') return null;
	let text = typeof body === 'string' ? body : JSON.stringify(body);
	text = redactSecrets(text, secrets);
	if (text.length > MAX_BODY_CHARACTERS) return `${text.slice(0, MAX_BODY_CHARACTERS)}…`;
	if (typeof body === 'string') return text;
	try {
		return JSON.parse(text) as IDataObject;
	} catch {
		return text;
	}
}

/** Characters that may sit between a key's characters when it is echoed split up ("AB12 CD34", "ab-12.cd"). */
const SEPARATOR = '[^A-Za-z0-9]*';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A piece of a key that is surely not a word it happens to contain: 12 characters with a digit, or 20 letters. */
const isKeyPiece = (piece: string) => (/[0-9]/.test(piece) ? piece.length >= 12 : piece.length >= 20);

/** The key in the forms a server may echo it: base64 (at each alignment, so inside a longer encoded text too) and URL-encoded. */
function encodedForms(secret: string): string[] {
	const forms = [encodeURIComponent(secret)];
	for (let offset = 0; offset < 3; offset++) {
		const base64 = Buffer.from(secret.slice(offset)).toString('base64').replace(/=+$/, '');
		// The last characters depend on what follows the key in a longer text: keep the stable core.
		const core = base64.slice(offset === 0 ? 0 : 2, base64.length - 3);
		if (core.length >= 12) forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return forms;
}

/**
 * One pattern per key: from each of its characters, the shortest run long enough to be a key piece,
 * then as much more of the key as follows; any case, any separators between characters (so
 * upper-cased, split and partly echoed keys all match, and no long tail of the key is left).
 */
function piecePattern(secret: string): RegExp | undefined {
	const characters = secret.replace(/[^A-Za-z0-9]/g, '').split('');
	const alternatives: string[] = [];
	for (let start = 0; start < characters.length; start++) {
		let end = start + 1;
		while (end <= characters.length && !isKeyPiece(characters.slice(start, end).join(''))) end++;
		if (end > characters.length) break;
		const piece = characters.slice(start, end).map(escape).join(SEPARATOR);
		const tail = characters.slice(end).reduceRight((rest, character) => `(?:${SEPARATOR}${escape(character)}${rest})?`, '');
		alternatives.push(piece + tail);
	}
	return alternatives.length ? new RegExp(alternatives.join('|'), 'gi') : undefined;
}

const patterns = new Map<string, RegExp | undefined>();

/**
 * Removes every form of a key from a text that may reach the user: as it is, upper- or lower-cased,
 * base64- or URL-encoded, split by spaces or punctuation, or any long enough piece of it.
 */
export function redactSecrets(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		result = result.replace(new RegExp(escape(secret), 'gi'), '[redacted]');
		for (const form of encodedForms(secret)) result = result.replace(new RegExp(escape(form), 'gi'), '[redacted]');
		if (!patterns.has(secret)) patterns.set(secret, piecePattern(secret));
		const pattern = patterns.get(secret);
		if (pattern) result = result.replace(pattern, '[redacted]');
	}
	return result;
}

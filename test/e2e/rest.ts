/** What the real-n8n suites ask of a started n8n over its REST API: a session, and waiting for something to happen. */

export interface OwnerLogin {
	email: string;
	password: string;
}

/**
 * Logs in as the owner and returns the session cookie. n8n 2.x sets the owner up from the environment
 * (`ownerEnvironment`); n8n 1.x needs its owner set-up call first, made here when the first log-in fails.
 */
export async function logInAsOwner(base: string, owner: OwnerLogin): Promise<string> {
	const post = (path: string, body: object) =>
		fetch(`${base}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
	const credentials = {
		emailOrLdapLoginId: owner.email,
		email: owner.email,
		password: owner.password,
	};
	let login = await post('/rest/login', credentials);
	if (!login.ok) {
		const setUp = await post('/rest/owner/setup', {
			email: owner.email,
			password: owner.password,
			firstName: 'E2e',
			lastName: 'Owner',
		});
		if (!setUp.ok)
			throw new Error(`n8n refused the owner set-up: ${setUp.status} ${await setUp.text()}`);
		login = await post('/rest/login', credentials);
	}
	if (!login.ok) throw new Error(`n8n refused the log-in: ${login.status} ${await login.text()}`);
	return (login.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Waits until `condition` holds, asking every `everyMs`; past the deadline, fails naming `what` (and `detail`, e.g. n8n's log). */
export async function waitFor(
	condition: () => boolean | Promise<boolean>,
	what: string,
	timeoutMs = 30_000,
	{ everyMs = 250, detail }: { everyMs?: number; detail?: () => string } = {},
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline)
			throw new Error(`timed out waiting for ${what}${detail ? `\n${detail()}` : ''}`);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}

/**
 * `npm start` a second time, while a demo runs: it must say what to do and leave the running demo alone
 * (its n8n folder kept), not delete that folder and crash on EADDRINUSE. Runs scripts/demo.ts itself, with
 * one of its ports held by this test, so it stops at the port check before anything is built or installed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
	demoOptions,
	folderLines,
	prepareDemoFolder,
	sandboxLines,
	wooCommerceLines,
} from '../../scripts/demo-setup';
import { SANDBOX_API_KEY, SANDBOX_SUBSCRIPTION_KEY } from '../sandbox';

const REPO = resolve(__dirname, '../..');

function holdPort(): Promise<Server> {
	return new Promise((done) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => done(server));
	});
}

function runDemo(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
	return new Promise((done) => {
		const child = spawn(
			process.execPath,
			[require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'scripts/demo.ts'],
			{ cwd: REPO, env: { ...process.env, ...env } },
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', (code) => done({ code, output }));
	});
}

describe('npm start while a demo already runs', () => {
	let cache: string;
	beforeEach(() => (cache = mkdtempSync(join(tmpdir(), 'starshipit-demo-start-'))));
	afterEach(() => rmSync(cache, { recursive: true, force: true }));

	test.each([
		['n8n’s port', 'N8N_PORT'],
		['the sandbox’s port', 'SANDBOX_PORT'],
		['the WooCommerce store’s port', 'WOO_PORT'],
	])(
		'%s taken: says which port and what to do, keeps the running demo’s folder, no stack trace',
		async (_label, variable) => {
			const held = await holdPort();
			const port = (held.address() as { port: number }).port;
			const ports = {
				N8N_PORT: '5795',
				SANDBOX_PORT: '4095',
				WOO_PORT: '4096',
				[variable]: String(port),
			};
			// The running demo's n8n folder, where this start would make its own.
			const running = join(cache, 'n8n-nodes-starshipit', `demo-${ports.N8N_PORT}`);
			mkdirSync(running, { recursive: true });
			writeFileSync(join(running, 'database.sqlite'), 'the running demo');
			try {
				const { code, output } = await runDemo({ XDG_CACHE_HOME: cache, ...ports });
				expect(code).not.toBe(0);
				expect(output).toContain(`Port ${port} is already in use`);
				expect(output).toMatch(/N8N_PORT=\d+ SANDBOX_PORT=\d+ WOO_PORT=\d+ npm start/);
				expect(output).not.toMatch(/EADDRINUSE|\n\s+at /);
				expect(existsSync(join(running, 'database.sqlite'))).toBe(true);
			} finally {
				held.close();
			}
		},
		60_000,
	);
});

describe('npm start keeps the demo unless told to start anew', () => {
	let cache: string;
	beforeEach(() => (cache = mkdtempSync(join(tmpdir(), 'starshipit-demo-folder-'))));
	afterEach(() => rmSync(cache, { recursive: true, force: true }));

	/** A demo folder as n8n leaves it: its database holds the user's workflows, executions and credentials. */
	function usedDemo(): { folder: string; database: string } {
		const { folder } = demoOptions([], { XDG_CACHE_HOME: cache, N8N_PORT: '5795' });
		mkdirSync(join(folder, '.n8n'), { recursive: true });
		const database = join(folder, '.n8n', 'database.sqlite');
		writeFileSync(database, 'the user’s work');
		return { folder, database };
	}

	test('by default the folder and its database are kept, and the start says so and how to start anew', () => {
		const { folder, database } = usedDemo();
		const options = demoOptions([], { XDG_CACHE_HOME: cache, N8N_PORT: '5795' });
		expect(options).toMatchObject({
			fresh: false,
			folder,
			n8nPort: 5795,
			sandboxPort: 4010,
			wooPort: 4015,
		});
		const state = prepareDemoFolder(options);
		expect(state).toBe('kept');
		expect(readFileSync(database, 'utf8')).toBe('the user’s work');
		expect(folderLines(state, folder).join('\n')).toMatch(
			/workflows, executions and credentials are still there[\s\S]*npm start -- --fresh/,
		);
	});

	test.each([
		['npm start -- --fresh', ['--fresh'], {}],
		['DEMO_FRESH=1', [], { DEMO_FRESH: '1' }],
	])('%s deletes the previous demo first', (_how, argv, env) => {
		const { folder, database } = usedDemo();
		const options = demoOptions(argv, { XDG_CACHE_HOME: cache, N8N_PORT: '5795', ...env });
		expect(options.fresh).toBe(true);
		expect(prepareDemoFolder(options)).toBe('fresh');
		expect(existsSync(database)).toBe(false);
		expect(existsSync(folder)).toBe(true);
	});

	test('a first start makes the folder and says it will be kept', () => {
		const options = demoOptions([], { XDG_CACHE_HOME: cache, N8N_PORT: '5796' });
		expect(prepareDemoFolder(options)).toBe('new');
		expect(existsSync(options.folder)).toBe(true);
		expect(folderLines('new', options.folder).join('\n')).toContain('npm start -- --fresh');
	});

	test('the start names the sandbox page and its keys', () => {
		const text = sandboxLines('http://127.0.0.1:4010').join('\n');
		expect(text).toContain('http://127.0.0.1:4010/');
		expect(text).toContain(SANDBOX_API_KEY);
		expect(text).toContain(SANDBOX_SUBSCRIPTION_KEY);
	});

	test('the start names the WooCommerce store, its sample orders and the credential that points at it', () => {
		const text = wooCommerceLines('https://127.0.0.1:4015').join('\n');
		expect(text).toContain('https://127.0.0.1:4015');
		expect(text).toMatch(/4101, W-1002 and 4103/);
		expect(text).toContain('"WooCommerce shop" credential');
		expect(demoOptions([], { WOO_PORT: '4120' }).wooPort).toBe(4120);
	});
});

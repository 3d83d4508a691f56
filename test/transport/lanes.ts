/**
 * Several real OS processes sharing one key, each with its own throttle (as queue-mode workers are): the
 * shared-limit test and `npm run bench:lanes` start them here. Each runs test/transport/lane-process.ts.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface LaneResult {
	items: number;
	error: string | null;
}

export interface LaneJob {
	/** Items per execution. */
	items: number;
	/** The credential's rate (requests per second). */
	rate: number;
	/** A tracking number, or `import:<prefix>:<executions>` (see lane-process.ts). */
	job: string;
}

/** Starts one process with its own throttle; it loads n8n-core, says "ready", and waits for `go`. */
function startLane(
	sandboxUrl: string,
	lane: LaneJob,
): { ready: Promise<void>; go: () => void; result: Promise<LaneResult> } {
	const script = join(__dirname, 'lane-process.ts');
	const child = spawn(
		process.execPath,
		[
			'-r',
			'ts-node/register/transpile-only',
			script,
			sandboxUrl,
			String(lane.items),
			String(lane.rate),
			lane.job,
		],
		{
			cwd: join(__dirname, '../..'),
			// Starshipit.node.json sits beside Starshipit.node.ts: without this, require finds the JSON first.
			env: { ...process.env, TS_NODE_PREFER_TS_EXTS: 'true' },
			stdio: ['pipe', 'pipe', 'inherit'],
		},
	);
	let output = '';
	let signalReady: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (signalReady = resolve));
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString();
		if (output.startsWith('ready\n')) signalReady();
	});
	const result = new Promise<LaneResult>((resolve, reject) =>
		child.on('close', () => {
			signalReady();
			try {
				resolve(JSON.parse(output.trim().split('\n').pop() ?? '') as LaneResult);
			} catch {
				reject(new Error(`the process printed no result:\n${output.slice(-2000)}`));
			}
		}),
	);
	return { ready, go: () => child.stdin.end('go\n'), result };
}

/** Runs the processes side by side, started together once all have loaded; `wallMs` from the start to the last result. */
export async function runLanesTogether(
	sandboxUrl: string,
	lanes: LaneJob[],
): Promise<{ results: LaneResult[]; wallMs: number }> {
	const processes = lanes.map((lane) => startLane(sandboxUrl, lane));
	await Promise.all(processes.map((one) => one.ready));
	const start = Date.now();
	for (const one of processes) one.go();
	const results = await Promise.all(processes.map((one) => one.result));
	return { results, wallMs: Date.now() - start };
}

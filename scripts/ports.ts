/** Whether the demo's ports are free, asked before anything is deleted or started. */
import { createServer } from 'node:net';

/** True when nothing listens on the port at 127.0.0.1 (we try to listen there, then let go at once). */
export function isPortFree(port: number): Promise<boolean> {
	return new Promise((done) => {
		const probe = createServer();
		probe.once('error', () => done(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
	});
}

export interface DemoPorts {
	n8n: number;
	sandbox: number;
	/** The WooCommerce stand-in's. */
	woo: number;
}

/** The ports a demo needs: n8n's, its task broker's (the next one), the sandbox's and the WooCommerce store's. */
export async function busyDemoPorts(ports: DemoPorts): Promise<number[]> {
	const wanted = [ports.n8n, ports.n8n + 1, ports.sandbox, ports.woo];
	const free = await Promise.all(wanted.map(isPortFree));
	return wanted.filter((_port, index) => !free[index]);
}

/** "Port 5678 is", "Ports 5678 and 4010 are", "Ports 5678, 5679 and 4010 are". */
function portList(ports: number[]): string {
	if (ports.length === 1) return `Port ${ports[0]} is`;
	return `Ports ${ports.slice(0, -1).join(', ')} and ${ports.at(-1)} are`;
}

/** What to tell someone whose port is taken: most likely a demo already runs there. */
export function busyPortsMessage(busy: number[], ports: DemoPorts): string {
	const next = { n8n: ports.n8n + 10, sandbox: ports.sandbox + 10, woo: ports.woo + 10 };
	return [
		`${portList(busy)} already in use, so the demo was not started (nothing was changed).`,
		`If a demo is already running, open it at http://127.0.0.1:${ports.n8n}/ or stop it first (Ctrl+C in its terminal).`,
		`To run a second one beside it, choose other ports: N8N_PORT=${next.n8n} SANDBOX_PORT=${next.sandbox} WOO_PORT=${next.woo} npm start`,
	].join('\n');
}

/**
 * An HTTPS request through an HTTP proxy the way n8n's agents send it (https-proxy-agent: `CONNECT host:443`, then
 * TLS to the host over the tunnel, SNI and certificate checked against the host name), written with Node's own
 * http.request and tls.connect, for the stand-in's contract tests.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface ProxiedAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json: any;
}

/** Opens `CONNECT host:port` at the proxy; the proxy's status and, when 200, the TLS socket through it. */
export function openTunnel(
	proxyUrl: string,
	host: string,
	port: number,
	ca: string,
): Promise<{ status: number; socket?: TLSSocket }> {
	const proxy = new URL(proxyUrl);
	return new Promise((resolve, reject) => {
		const connect = httpRequest({
			host: proxy.hostname,
			port: Number(proxy.port),
			method: 'CONNECT',
			path: `${host}:${port}`,
			headers: { host: `${host}:${port}` },
		});
		connect.on('connect', (response, socket) => {
			if (response.statusCode !== 200) {
				socket.destroy();
				resolve({ status: response.statusCode ?? 0 });
				return;
			}
			const secure = tlsConnect({ socket, servername: host, ca }, () =>
				resolve({ status: 200, socket: secure }),
			);
			secure.on('error', reject);
		});
		connect.on('error', reject);
		connect.end();
	});
}

/** One request over its own tunnel (no keep-alive), like a fresh n8n request. */
export async function proxiedRequest(
	proxyUrl: string,
	ca: string,
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<ProxiedAnswer> {
	const target = new URL(url);
	const tunnel = await openTunnel(proxyUrl, target.hostname, Number(target.port || 443), ca);
	if (!tunnel.socket)
		throw new Error(`The proxy refused CONNECT ${target.hostname}: ${tunnel.status}`);
	const socket = tunnel.socket;
	const body = options.body === undefined ? undefined : JSON.stringify(options.body);
	return new Promise((resolve, reject) => {
		const request = httpsRequest(
			{
				host: target.hostname,
				path: `${target.pathname}${target.search}`,
				method: options.method ?? 'GET',
				headers: {
					accept: 'application/json',
					...(body ? { 'content-type': 'application/json' } : {}),
					...options.headers,
				},
				createConnection: () => socket,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json: unknown;
					try {
						json = JSON.parse(text);
					} catch {
						json = undefined;
					}
					socket.end();
					resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
				});
			},
		);
		request.on('error', reject);
		request.end(body);
	});
}

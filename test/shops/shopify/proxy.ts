/**
 * A loopback HTTP proxy that real n8n reaches through HTTPS_PROXY: it tunnels CONNECT requests for
 * `*.myshopify.com:443` into the in-process TLS stand-in, answers 403 to everything else, and never opens a
 * socket to anywhere. Every CONNECT and every plain proxied request is written to the egress log.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface EgressEntry {
	/** 'CONNECT' for a tunnel, else the proxied request's method. */
	method: string;
	/** host:port of a CONNECT, or the URL of a plain proxied request. */
	target: string;
	allowed: boolean;
}

const SHOPIFY_TARGET = /^[a-z0-9][a-z0-9-]*\.myshopify\.com:443$/i;

export interface ConnectProxy {
	url: string;
	port: number;
	egress: EgressEntry[];
	close(): Promise<void>;
}

export async function startConnectProxy(tlsServer: HttpsServer): Promise<ConnectProxy> {
	const egress: EgressEntry[] = [];
	const sockets = new Set<Socket>();
	const server: HttpServer = createServer((request, response) => {
		// A plain proxied request (HTTP_PROXY is empty, so n8n should send none): refused, logged.
		egress.push({ method: request.method ?? 'GET', target: request.url ?? '', allowed: false });
		response
			.writeHead(403, { 'content-type': 'text/plain' })
			.end('This proxy only tunnels *.myshopify.com:443');
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.on('connect', (request, socket: Socket, head: Buffer) => {
		const target = request.url ?? '';
		const allowed = SHOPIFY_TARGET.test(target);
		egress.push({ method: 'CONNECT', target, allowed });
		if (!allowed) {
			socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
			return;
		}
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		if (head.length) socket.unshift(head);
		// The TLS stand-in takes the client's socket as if it had accepted it itself.
		tlsServer.emit('connection', socket);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		egress,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/**
 * The shop stand-ins' TLS certificate: made at run time (a key is never committed), self-signed, and valid for
 * `*.myshopify.com`, localhost and 127.0.0.1, so it serves as both the server certificate and the CA file that
 * real n8n trusts through NODE_EXTRA_CA_CERTS (read once, when a Node process starts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { generate } from 'selfsigned';

export interface ShopCertificate {
	key: string;
	cert: string;
	/** The certificate as a PEM file, for NODE_EXTRA_CA_CERTS. */
	caFile: string;
}

let pending: Promise<{ key: string; cert: string }> | undefined;

/** One certificate per process: generating an RSA key takes a moment, and every stand-in can share it. */
function generateOnce(): Promise<{ key: string; cert: string }> {
	pending ??= generate([{ name: 'commonName', value: 'shop stand-in test CA' }], {
		keySize: 2048,
		algorithm: 'sha256',
		notAfterDate: new Date(Date.now() + 7 * 24 * 3600 * 1000),
		extensions: [
			{ name: 'basicConstraints', cA: true, critical: true },
			{
				name: 'keyUsage',
				digitalSignature: true,
				keyEncipherment: true,
				keyCertSign: true,
				critical: true,
			},
			{ name: 'extKeyUsage', serverAuth: true },
			{
				name: 'subjectAltName',
				altNames: [
					{ type: 2, value: '*.myshopify.com' },
					{ type: 2, value: 'localhost' },
					{ type: 7, ip: '127.0.0.1' },
				],
			},
		],
	}).then((pems) => ({ key: pems.private, cert: pems.cert }));
	return pending;
}

/** The certificate, with its PEM written into `folder` (a test's temporary folder) as `shop-test-ca.pem`. */
export async function shopCertificate(folder: string): Promise<ShopCertificate> {
	const { key, cert } = await generateOnce();
	const caFile = join(folder, 'shop-test-ca.pem');
	writeFileSync(caFile, cert);
	return { key, cert, caFile };
}

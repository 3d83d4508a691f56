/**
 * The demo's WooCommerce store (issue 22, point 6): for `npm start` to call between prepareWorkspace and starting n8n.
 * Starts the stand-in with its three sample orders on the given port, over HTTPS with a certificate made now (n8n
 * trusts it through NODE_EXTRA_CA_CERTS, set here in the workspace's environment, read when n8n starts), imports the
 * ready "WooCommerce shop" credential, and imports template 8 again with its "Your shop" address pointing at the store,
 * so that Execute workflow on template 8 runs green at the first click (the pinned tracking event is for order 4101).
 */
import { join } from 'node:path';

import type { Workspace } from '../../e2e/workspace';
import { shopCertificate } from '../tls';
import { importTemplate8For, importWooCommerceCredential } from './n8n';
import { startWooStandIn, type WooStandIn } from './server';

export interface WooDemoOptions {
	/** The store's port (the demo's fixed one, so the credential stays right across restarts). */
	port: number;
	/** Changes template 8 before it is imported again (the demo leaves it as it is). */
	adjust?: (template: any) => void;
}

/**
 * Starts the demo store and sets the workspace up for it. Call before starting n8n; close the store on exit.
 * The certificate goes into the workspace's user folder (made anew by each demo start), never into the repository.
 */
export async function startWooCommerceDemo(
	workspace: Pick<Workspace, 'install' | 'env' | 'templates' | 'userFolder'>,
	options: WooDemoOptions,
): Promise<WooStandIn> {
	const certificate = await shopCertificate(workspace.userFolder);
	const store = await startWooStandIn({ port: options.port, tls: certificate });
	try {
		workspace.env.NODE_EXTRA_CA_CERTS = certificate.caFile;
		await importWooCommerceCredential(workspace, { url: store.url });
		await importTemplate8For(workspace, store.url, options.adjust);
		return store;
	} catch (error) {
		await store.close();
		throw error;
	}
}

/** Where the demo's certificate file is, for a message (inside the demo's n8n folder). */
export const demoCertificateFile = (userFolder: string) => join(userFolder, 'shop-test-ca.pem');

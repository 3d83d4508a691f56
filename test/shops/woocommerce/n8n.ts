/**
 * Template 8 in a real n8n against the WooCommerce stand-in: its credential, imported by n8n's CLI with a fixed id
 * (the template's), and the template's "Your shop" address pointed at the stand-in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cli, type Workspace } from '../../e2e/workspace';
import { WOO_CONSUMER_KEY, WOO_CONSUMER_SECRET } from './server';

/** The WooCommerce credential template 8's nodes name. */
export const WOO_CREDENTIAL = { id: 'wooCommerceShop', name: 'WooCommerce shop' };
export const WOO_TEMPLATE_ID = 'starshipitWoo8';
/** The example address template 8's "Your shop" node holds until a user sets theirs. */
export const WOO_SHOP_PLACEHOLDER = 'https://your-shop.example';

export interface WooCredentialData {
	url: string;
	consumerKey?: string;
	consumerSecret?: string;
	/** WooCommerce's option for servers that drop the Authorization header: the keys go in the query. */
	includeCredentialsInQuery?: boolean;
}

/** n8n's `wooCommerceApi` credential data, as a user fills it in. */
export const wooCredentialData = (data: WooCredentialData) => ({
	consumerKey: data.consumerKey ?? WOO_CONSUMER_KEY,
	consumerSecret: data.consumerSecret ?? WOO_CONSUMER_SECRET,
	url: data.url,
	includeCredentialsInQuery: data.includeCredentialsInQuery ?? false,
});

async function importJson(
	workspace: Pick<Workspace, 'install' | 'env'>,
	command: string,
	json: unknown,
): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'starshipit-woo-'));
	try {
		const file = join(folder, 'import.json');
		writeFileSync(file, JSON.stringify(json));
		await cli(workspace, [command, `--input=${file}`]);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

/** Imports (or replaces) the "WooCommerce shop" credential; n8n encrypts it on import. */
export async function importWooCommerceCredential(
	workspace: Pick<Workspace, 'install' | 'env'>,
	data: WooCredentialData,
): Promise<void> {
	await importJson(workspace, 'import:credentials', [
		{ ...WOO_CREDENTIAL, type: 'wooCommerceApi', data: wooCredentialData(data) },
	]);
}

/** Sets template 8's "Your shop" address (in place): the store the notes are written to. */
export function pointAtStore(
	template: { id?: string; nodes: Array<{ name: string; parameters: any }> },
	storeUrl: string,
): void {
	if (template.id !== WOO_TEMPLATE_ID) return;
	const shop = template.nodes.find((node) => node.name === 'Your shop');
	const field = shop?.parameters.assignments.assignments.find(
		(assignment: { name: string }) => assignment.name === 'shop_url',
	);
	if (!field) throw new Error('Template 8 has no “Your shop” node with a shop_url field');
	field.value = storeUrl;
}

/** Imports template 8 again (replacing the copy prepareWorkspace imported) with its store address set. */
export async function importTemplate8For(
	workspace: Pick<Workspace, 'install' | 'env' | 'templates'>,
	storeUrl: string,
	adjust?: (template: any) => void,
): Promise<void> {
	const found = workspace.templates.find((template) => template.id === WOO_TEMPLATE_ID);
	if (!found) throw new Error('Template 8 is not in templates/');
	const template = structuredClone(found.json);
	pointAtStore(template, storeUrl);
	adjust?.(template);
	await importJson(workspace, 'import:workflow', template);
}

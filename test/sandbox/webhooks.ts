import { createHmac } from 'node:crypto';

import type { SandboxOrder } from './types';

/**
 * The documented tracking-webhook payload. Signing: lowercase hex HMAC-SHA256 of the raw body keyed by the secret,
 * in `X-Starshipit-Signature` (the scheme seen in one production receiver; Starshipit's own text was not readable).
 */
export const webhookPayload = (order: SandboxOrder) => ({
	order_number: order.order_number,
	order_reference: order.reference,
	carrier_name: order.carrier_name,
	carrier_service: order.carrier_service_code,
	shipment_date: order.shipment_date,
	tracking_number: order.tracking_number,
	tracking_status: order.tracking_status,
	last_updated_date: order.last_updated_date,
});

export const signBody = (body: string, secret: string) =>
	createHmac('sha256', secret).update(body).digest('hex');

export interface SendOptions {
	/** Sign with this secret instead of the configured one. */
	secret?: string;
	/** Change the body after signing it (a forged or corrupted delivery). */
	tamper?: boolean;
	/** Send no signature header even when a secret is configured. */
	unsigned?: boolean;
}

export async function postWebhook(
	url: string,
	payload: object,
	configuredSecret: string | undefined,
	options: SendOptions = {},
) {
	const body = JSON.stringify(payload);
	const secret = options.secret ?? configuredSecret;
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (secret && !options.unsigned) headers['x-starshipit-signature'] = signBody(body, secret);
	const sent = options.tamper
		? body
				.replace(/"tracking_status":"[^"]*"/, '"tracking_status":"Delivered"')
				.replace('}', ',"x":1}')
		: body;
	const response = await fetch(url, { method: 'POST', headers, body: sent });
	return { status: response.status, body: await response.text() };
}

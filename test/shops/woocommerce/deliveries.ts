/**
 * WooCommerce's webhook deliveries: the resource's JSON, exactly as the API answers it, posted to the delivery URL
 * with the X-WC-Webhook-* headers and signed with base64 HMAC-SHA256 of the raw body keyed by the webhook's secret.
 */
import { createHmac, randomUUID } from 'node:crypto';

import type { WooDelivery, WooWebhook } from './types';

export const signWooBody = (body: string, secret: string) =>
	createHmac('sha256', secret).update(body).digest('base64');

export interface DeliverOptions {
	/** Sign with this secret instead of the webhook's (a forged delivery). */
	secret?: string;
	/** Change the body after signing it. */
	tamper?: boolean;
	/** Carry the webhook id but no signature. */
	unsigned?: boolean;
	/** No X-WC-Webhook-* headers at all: WooCommerce's ping, which n8n answers 200 without a run. */
	noId?: boolean;
}

function kindOf(options: DeliverOptions): WooDelivery['kind'] {
	if (options.noId) return 'ping';
	if (options.unsigned) return 'unsigned';
	if (options.tamper) return 'tampered';
	if (options.secret !== undefined) return 'forged';
	return 'genuine';
}

/** Posts one delivery and records n8n's answer. */
export async function postDelivery(
	source: string,
	webhook: WooWebhook,
	resource: unknown,
	options: DeliverOptions = {},
): Promise<WooDelivery> {
	const body = options.noId ? `webhook_id=${webhook.id}` : JSON.stringify(resource);
	const headers: Record<string, string> = options.noId
		? { 'content-type': 'application/x-www-form-urlencoded' }
		: {
				'content-type': 'application/json',
				'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7.0)',
				'x-wc-webhook-source': `${source}/`,
				'x-wc-webhook-topic': webhook.topic,
				'x-wc-webhook-resource': webhook.resource,
				'x-wc-webhook-event': webhook.event,
				'x-wc-webhook-id': String(webhook.id),
				'x-wc-webhook-delivery-id': randomUUID().replace(/-/g, ''),
			};
	if (!options.noId && !options.unsigned)
		headers['x-wc-webhook-signature'] = signWooBody(body, options.secret ?? webhook.secret);
	const sent = options.tamper
		? body.replace('"status":"processing"', '"status":"completed"').replace(/}$/, ',"x":1}')
		: body;
	const delivery: WooDelivery = {
		topic: options.noId ? 'ping' : webhook.topic,
		webhookId: webhook.id,
		url: webhook.delivery_url,
		status: 0,
		body: sent,
		kind: kindOf(options),
	};
	try {
		const response = await fetch(webhook.delivery_url, { method: 'POST', headers, body: sent });
		await response.text();
		delivery.status = response.status;
	} catch {
		delivery.status = 0;
	}
	return delivery;
}

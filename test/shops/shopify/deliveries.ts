/**
 * Webhook deliveries as Shopify sends them: POST to the webhook's address, the resource as the body (not wrapped),
 * signed with base64(HMAC-SHA256(raw body, app secret)) in X-Shopify-Hmac-Sha256, with the headers n8n's Shopify
 * Trigger requires (topic, HMAC, shop domain, API version: without any one of them it silently starts nothing).
 */
import { createHmac, randomUUID } from 'node:crypto';

export const signShopifyBody = (body: string, secret: string) =>
	createHmac('sha256', secret).update(body).digest('base64');

export interface DeliveryOptions {
	/** Sign with this secret instead of the app's (a forged delivery). */
	secret?: string;
	/** Change the body after signing it (a tampered delivery). */
	tamper?: boolean;
	/** Send no X-Shopify-Hmac-Sha256 header. */
	unsigned?: boolean;
	/** Send this topic header instead of the webhook's own. */
	topicHeader?: string;
}

export interface Delivery {
	topic: string;
	address: string;
	status: number;
	answer: string;
	options: DeliveryOptions;
}

export interface DeliveryTarget {
	topic: string;
	address: string;
	shopDomain: string;
	apiVersion: string;
	appSecret: string;
}

export async function postDelivery(
	target: DeliveryTarget,
	payload: object,
	options: DeliveryOptions = {},
): Promise<Delivery> {
	const body = JSON.stringify(payload);
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'x-shopify-topic': options.topicHeader ?? target.topic,
		'x-shopify-shop-domain': target.shopDomain,
		'x-shopify-api-version': target.apiVersion,
		'x-shopify-webhook-id': randomUUID(),
		'x-shopify-event-id': randomUUID(),
		'x-shopify-triggered-at': new Date().toISOString(),
	};
	if (!options.unsigned)
		headers['x-shopify-hmac-sha256'] = signShopifyBody(body, options.secret ?? target.appSecret);
	const sent = options.tamper
		? body
				.replace(/"total_price":"[^"]*"/, '"total_price":"0.01"')
				.replace('{', '{"tampered":true,')
		: body;
	try {
		const response = await fetch(target.address, { method: 'POST', headers, body: sent });
		return {
			topic: target.topic,
			address: target.address,
			status: response.status,
			answer: await response.text(),
			options,
		};
	} catch (error) {
		return {
			topic: target.topic,
			address: target.address,
			status: 0,
			answer: (error as Error).message,
			options,
		};
	}
}

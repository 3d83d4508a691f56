import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { isRepeat } from './dedupe';
import { eventKey, normaliseTrackingEvent, TRACKING_STATUSES } from './normalise';
import { isValidSignature } from './signature';

export class StarshipitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Starshipit Trigger',
		name: 'starshipitTrigger',
		icon: { light: 'file:starshipit.svg', dark: 'file:starshipit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Tracking updates',
		description: 'Starts the workflow when Starshipit sends a tracking update',
		defaults: { name: 'Starshipit Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'tracking' }],
		properties: [
			{
				displayName:
					'Copy the <b>Production URL</b> above into Starshipit by hand: Settings > Tracking notifications > Webhook (one URL per account; paste it once this workflow is published, as the test URL differs). With a <b>Signing Secret</b> set, every request must carry an X-Starshipit-Signature header equal to the HMAC-SHA256 of the raw request body keyed by the secret (hex in either case, or base64); a missing or wrong signature gets 401 and starts nothing. Starshipit’s public reference does not describe this scheme: it is what a production receiver checks.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Signing Secret',
				name: 'signingSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'The webhook secret from the same Starshipit settings page. When set, every request must carry X-Starshipit-Signature: the HMAC-SHA256 of the raw body with this secret (hex or base64); others are refused with 401 and start nothing.',
			},
			{
				displayName: 'Tracking Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: TRACKING_STATUSES.map((status) => ({ name: status.replace(/([a-z])([A-Z])/g, '$1 $2'), value: status })),
				description: 'Only start for these statuses. Empty: every status.',
			},
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'string',
				default: '',
				placeholder: 'e.g. Australia Post',
				description: 'Only start for this carrier name (as Starshipit shows it). Empty: every carrier.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Repeats For (Minutes)',
						name: 'dedupeMinutes',
						type: 'number',
						default: 1440,
						typeOptions: { minValue: 0 },
						description: 'A repeat of the same order, tracking number, status and time within this window starts nothing (Starshipit may send an update more than once). 0 turns this off.',
					},
					{ displayName: 'Include Raw Payload', name: 'includeRaw', type: 'boolean', default: false, description: 'Whether to add Starshipit’s original payload under "raw"' },
				],
			},
		],
	};

	// Starshipit has no API to register webhooks: there is nothing to create or delete.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secret = this.getNodeParameter('signingSecret', '') as string;
		if (secret && !isSignedBySecret.call(this, secret)) {
			this.getResponseObject().status(401).json({ message: 'Invalid or missing X-Starshipit-Signature' });
			return { noWebhookResponse: true };
		}
		const payload = this.getBodyData();
		if (!passesFilters.call(this, payload)) return { webhookResponse: { received: true, started: false } };
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const window = Number(options.dedupeMinutes ?? 1440);
		if (window > 0 && isRepeat(this.getWorkflowStaticData('node'), eventKey(payload), window)) {
			return { webhookResponse: { received: true, started: false, reason: 'repeat' } };
		}
		const json = normaliseTrackingEvent(payload);
		if (options.includeRaw) json.raw = payload;
		return { workflowData: [[{ json }]] };
	}
}

/**
 * The signature covers the exact bytes Starshipit sent. Without them (no raw body) it cannot be
 * checked: re-serialised JSON may differ from what was signed, so that case fails closed.
 */
function isSignedBySecret(this: IWebhookFunctions, secret: string): boolean {
	const { rawBody } = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer };
	return Buffer.isBuffer(rawBody) && isValidSignature(rawBody, this.getHeaderData()['x-starshipit-signature'], secret);
}

function passesFilters(this: IWebhookFunctions, payload: IDataObject): boolean {
	const statuses = this.getNodeParameter('statuses', []) as string[];
	const carrier = String(this.getNodeParameter('carrier', '')).trim().toLowerCase();
	const status = String(payload.tracking_status ?? '').toLowerCase();
	if (statuses.length && !statuses.some((wanted) => wanted.toLowerCase() === status)) return false;
	return !carrier || String(payload.carrier_name ?? '').toLowerCase() === carrier;
}

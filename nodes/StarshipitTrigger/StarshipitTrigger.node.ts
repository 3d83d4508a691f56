import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	normaliseTrackingEvent,
	seenByPoll,
	TRACKING_STATUSES,
	type AnnouncedMemory,
} from '../shared/tracking';
import { isRepeat, trackingUpdateOf } from './dedupe';
import { joinProcessMemory } from './process-memory';
import { assertUsableUrlToken, checkWebhookCredential, isJsonObject, refusal } from './guards';

export class StarshipitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Starshipit Trigger',
		name: 'starshipitTrigger',
		icon: { light: 'file:starshipit.svg', dark: 'file:starshipit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Tracking updates',
		// n8n's node panel folds this trigger into the Starshipit node's entry (same name minus "Trigger") and shows
		// this text there: it leads with what the action node does, so "print labels" reads right in the panel.
		description:
			'Create and update orders, get rates, print labels, manifest, track shipments and sync products in Starshipit, or start a workflow when Starshipit sends a tracking update',
		defaults: { name: 'Starshipit Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'tracking' },
		],
		// The Signing Secret and URL Token live in this credential (guards.ts: WEBHOOK_CREDENTIAL_TYPE), which n8n stores
		// encrypted: as node fields they were saved in plain text in the workflow. "Test" on it runs checkWebhookCredential.
		credentials: [
			{ name: 'starshipitWebhookApi', required: true, testedBy: 'checkWebhookCredential' },
		],
		properties: [
			// These texts are for whoever sets Starshipit up, so they leave out the scheme. With a Signing Secret set, the
			// header named by UNCONFIRMED.webhookSignatureHeader (X-Starshipit-Signature) must carry the HMAC-SHA256 of the
			// raw request body keyed by the secret, as hex (either case) or base64, optionally prefixed `sha256=`; a missing
			// or wrong one gets 401 and starts nothing (signature.ts). Starshipit does not publish this scheme.
			{
				displayName:
					'In Starshipit, open Settings > Tracking & notifications (or Customer Notifications) and paste the <b>Production URL</b> above. Publish this workflow first (on n8n 1.x: activate it): the Test URL only works while you are listening for a test event.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName:
					'Only updates that carry your <b>Signing Secret</b> or <b>URL Token</b> start this workflow, so that nobody else can, for example with a made-up "Delivered". Set them in the <b>Starshipit Webhook</b> credential above: n8n keeps credentials encrypted, and they never appear in the workflow when it is exported or shared. With neither set, this trigger refuses every update.',
				name: 'guardNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Tracking Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: TRACKING_STATUSES.map((status) => ({
					name: status.replace(/([a-z])([A-Z])/g, '$1 $2'),
					value: status,
				})),
				description: 'Only start for these statuses. Empty: every status.',
			},
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'string',
				default: '',
				placeholder: 'e.g. Australia Post',
				description:
					'Only start for this carrier name (as Starshipit shows it). Empty: every carrier.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Repeats',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description:
							'Whether an update that is not newer than the last one announced for its shipment starts nothing (Starshipit may send an update more than once, and a copied request can be sent again at any time)',
					},
					{
						displayName: 'Include Raw Payload',
						name: 'includeRaw',
						type: 'boolean',
						default: false,
						description: 'Whether to add Starshipit’s original payload under "raw"',
					},
				],
			},
		],
	};

	methods = { credentialTest: { checkWebhookCredential } };

	// Starshipit has no API to register webhooks: there is nothing to create or delete.
	webhookMethods = {
		default: {
			// n8n asks this first when the workflow is published: the one moment to stop a token that cannot work.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await assertUsableUrlToken.call(this);
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
		const refused = await refusal.call(this);
		if (refused) return answer.call(this, 401, refused);
		const payload: unknown = this.getRequestObject().body;
		if (!isJsonObject(payload))
			return answer.call(
				this,
				400,
				'The body must be one JSON object (a tracking update); nothing was started',
			);
		if (!passesFilters.call(this, payload))
			return { webhookResponse: { received: true, started: false } };
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const global = this.getWorkflowStaticData('global');
		const seenByPollTrigger = (shipment: string, status: string) =>
			seenByPoll(global, shipment, status);
		if (ignoresRepeats(options)) {
			const update = trackingUpdateOf(payload);
			const memory = this.getWorkflowStaticData('node') as AnnouncedMemory;
			// No await from here to `announce`: updates arriving together are checked one after the other (process-memory.ts).
			const announce = joinProcessMemory(
				`${this.getWorkflow().id ?? ''}|${this.getNode().name}`,
				memory,
			);
			if (isRepeat(memory, update, seenByPollTrigger))
				return { webhookResponse: { received: true, started: false, reason: 'repeat' } };
			announce(update);
		}
		const json = normaliseTrackingEvent(payload);
		if (options.includeRaw) json.raw = payload;
		return { workflowData: [[{ json }]] };
	}
}

/** Answers the request itself (n8n then sends nothing more) and starts nothing. */
function answer(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	this.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

/** On unless turned off. */
const ignoresRepeats = (options: IDataObject) => options.ignoreRepeats !== false;

function passesFilters(this: IWebhookFunctions, payload: IDataObject): boolean {
	const statuses = this.getNodeParameter('statuses', []) as string[];
	const carrier = String(this.getNodeParameter('carrier', '')).trim().toLowerCase();
	const status = String(payload.tracking_status ?? '').toLowerCase();
	if (statuses.length && !statuses.some((wanted) => wanted.toLowerCase() === status)) return false;
	return !carrier || String(payload.carrier_name ?? '').toLowerCase() === carrier;
}

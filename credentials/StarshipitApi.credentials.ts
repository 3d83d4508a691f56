import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Starshipit authenticates every request with two keys, both found in Starshipit under
 * Settings > API: the API key picks the account, the subscription key sets the rate-limit tier.
 */
export class StarshipitApi implements ICredentialType {
	name = 'starshipitApi';

	displayName = 'Starshipit API';

	icon: Icon = {
		light: 'file:../nodes/Starshipit/starshipit.svg',
		dark: 'file:../nodes/Starshipit/starshipit.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-starshipit/n8n-nodes-starshipit#the-starshipit-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In Starshipit: Settings > API > API Key. It chooses which Starshipit account n8n works in.',
		},
		{
			displayName: 'Subscription Key',
			name: 'subscriptionApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In Starshipit: Settings > API > Subscription key. It sets how many requests per second you may send.',
		},
		{
			displayName: 'Rate Limit',
			name: 'rateLimitTier',
			type: 'options',
			default: 'developer',
			description:
				'How fast n8n may call Starshipit. Pick the plan of your subscription key; n8n then paces its requests so Starshipit never refuses them.',
			options: [
				{ name: 'Developer (2 Requests per Second)', value: 'developer' },
				{ name: 'Production (20 Requests per Second)', value: 'production' },
				{ name: 'Custom', value: 'custom' },
			],
		},
		{
			displayName: 'Requests per Second',
			name: 'customRateLimit',
			type: 'number',
			default: 2,
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			displayOptions: { show: { rateLimitTier: ['custom'] } },
			description: 'The most requests per second n8n sends with these keys',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			default: 4,
			typeOptions: { minValue: 0, maxValue: 10 },
			description:
				'How many times to retry a request that failed because of a passing server error (500, 502, 503, 504) or because Starshipit could not be reached. Orders are never created twice: before a create is retried, n8n checks that the first attempt did not land. "Too many requests" answers are not counted here: see Wait When Rate-Limited.',
		},
		// 429 wait budget: a 429 was not processed, so it is waited out rather than counted as a failure.
		{
			displayName: 'Wait When Rate-Limited (Minutes)',
			name: 'rateLimitWaitMinutes',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 0, numberPrecision: 1 },
			description:
				'When Starshipit answers "too many requests" (429), nothing was done, so n8n waits as Starshipit asks and sends the request again, orders and labels included. It gives up after this many minutes for one request. This happens when several workflows or n8n workers share the same keys.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 1, maxValue: 300 },
			description:
				'How long to wait for Starshipit’s answer before treating the request as failed (and, for a write, checking whether it landed before trying again)',
		},
		{
			displayName: 'Your Country',
			name: 'homeCountry',
			type: 'string',
			default: '',
			placeholder: 'e.g. AU or Australia',
			description:
				'The country you ship from (code or name). Orders to other countries are checked for customs data before they are sent or labelled. A node’s own Your Country wins; empty here and there: AU.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.starshipit.com',
			description:
				'Leave as it is unless you use a proxy or a local Starshipit sandbox for testing',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'StarShipIT-Api-Key': '={{$credentials.apiKey}}',
				'Ocp-Apim-Subscription-Key': '={{$credentials.subscriptionApiKey}}',
			},
		},
	};

	// The cheapest read that checks both keys; Starshipit's own message is shown when it refuses them.
	// (n8n's rule list takes one rule type only; a 2xx `success: false` cannot happen on this read.)
	test: ICredentialTestRequest = {
		request: {
			// An emptied Base URL means Starshipit itself, as for every other request.
			baseURL: '={{($credentials.baseUrl || "https://api.starshipit.com").replace(/\\/+$/, "")}}',
			url: '/api/orders/unshipped',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Starshipit says: "Access denied due to missing or invalid subscription key". Copy the subscription key again from Starshipit: Settings > API.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Starshipit refused the API key (403 Forbidden). Copy the API key again from Starshipit: Settings > API.',
				},
			},
		],
	};
}

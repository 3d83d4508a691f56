import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What the Starshipit Trigger checks every tracking update against. A credential rather than fields of
 * the node: n8n stores credentials encrypted, while node fields are saved in plain text in the workflow
 * (its exports, its version history, copies shared with others). Starshipit is never called with
 * these values, so there is no request to test them with: the trigger checks them instead (its
 * `testedBy`, see StarshipitTrigger/guards.ts).
 */
export class StarshipitWebhookApi implements ICredentialType {
	name = 'starshipitWebhookApi';

	displayName = 'Starshipit Webhook API';

	icon: Icon = {
		light: 'file:../nodes/Starshipit/starshipit.svg',
		dark: 'file:../nodes/Starshipit/starshipit.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-starshipit/n8n-nodes-starshipit#starshipit-trigger-who-may-start-it';

	properties: INodeProperties[] = [
		{
			displayName:
				'Set a Signing Secret or a URL Token. With neither, the Starshipit Trigger refuses every tracking update, because anyone who has its URL could otherwise start your workflow.',
			name: 'noGuardNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { signingSecret: [''], urlToken: [''] } },
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'In Starshipit: Settings > Tracking & notifications. If Starshipit shows a webhook secret key there, paste it here; updates not signed with it are then refused. Leave empty if Starshipit shows none.',
		},
		{
			displayName: 'URL Token',
			name: 'urlToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Works with every Starshipit account. Make up a long random text (20 or more letters, digits, - or _) and paste it here. Then add ?token= and the same text to the end of the Production URL you paste into Starshipit; updates without it are refused. A token with other characters (+, #, &, %, spaces) is refused too, as a URL changes them: the workflow cannot be published with it.',
		},
	];
}

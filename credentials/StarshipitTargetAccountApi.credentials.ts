import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The other Starshipit account that Order > Assign to Another Account moves orders to. Starshipit's
 * assign request carries that account's API key in its body (`new_api_key`), so the key is kept here,
 * encrypted by n8n, never in a node field (saved in plain text in the workflow). n8n lets a node list a
 * credential type once, hence a type of its own beside Starshipit API. Only the API key: the request is
 * sent, paced and answered with the Starshipit API credential's keys. Nothing can check the key on its
 * own (Starshipit asks for a subscription key with every request): its Test, run by the Starshipit node
 * (`testedBy`), only checks that a key is there.
 */
export class StarshipitTargetAccountApi implements ICredentialType {
	name = 'starshipitTargetAccountApi';

	displayName = 'Starshipit Target Account API';

	icon: Icon = {
		light: 'file:../nodes/Starshipit/starshipit.svg',
		dark: 'file:../nodes/Starshipit/starshipit.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-starshipit/n8n-nodes-starshipit#the-starshipit-credential';

	properties: INodeProperties[] = [
		{
			displayName:
				'Used only by Order > Assign to Another Account: the orders you assign move from the account of your Starshipit API credential to this one.',
			name: 'targetNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key of the Target Account',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Log in to the Starshipit account that should receive the orders, then copy Settings > API > API Key. Not the key of the account the orders are in now.',
		},
	];
}

import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { StarshipitApi } from '../../credentials/StarshipitApi.credentials';
import { StarshipitTargetAccountApi } from '../../credentials/StarshipitTargetAccountApi.credentials';
import { StarshipitWebhookApi } from '../../credentials/StarshipitWebhookApi.credentials';

export const credentialTypes: Record<string, ICredentialType> = {
	starshipitApi: new StarshipitApi(),
	starshipitWebhookApi: new StarshipitWebhookApi(),
	starshipitTargetAccountApi: new StarshipitTargetAccountApi(),
};

/** Fills in the credential's defaults, as n8n does for fields the user left untouched. */
export function withDefaults(
	type: string,
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	const defaults = Object.fromEntries(
		credentialTypes[type].properties.map((p) => [p.name, p.default]),
	);
	return { ...defaults, ...data } as ICredentialDataDecryptedObject;
}

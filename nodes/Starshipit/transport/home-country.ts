import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkCountry } from '../validation/checks';
import { checked } from '../validation/read';
import { readCredentials } from './request';

/**
 * The country the merchant ships from when the node leaves Your Country empty: the credential's
 * optional Your Country, else AU (said in every customs error, so the default is never silent).
 */
export async function credentialHomeCountry(this: IExecuteFunctions): Promise<string> {
	const credentials = await readCredentials(this);
	const found = checkCountry(credentials.homeCountry);
	if (!found.ok) {
		throw new NodeOperationError(
			this.getNode(),
			`Your Country in the Starshipit credential ${found.problem}`,
			{
				description:
					'Open the credential and enter the country you ship from as a code (AU) or a name (Australia), or leave it empty for AU. Nothing was sent to Starshipit.',
			},
		);
	}
	return found.value?.code ?? 'AU';
}

/** The home country set on the node, as a code; undefined when empty (the credential's or AU then applies). */
export function nodeHomeCountry(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string | undefined {
	return checked(
		this.getNode(),
		itemIndex,
		'Your Country',
		checkCountry(value),
		'Enter the country you ship from, as a code (AU) or a name (Australia), or leave it empty.',
	)?.code;
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** n8n's standard Simplify switch, as the built-in shop nodes show it. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** Whether the user left Simplify on (its default) for this item. */
export function wantsSimplified(this: IExecuteFunctions, itemIndex: number): boolean {
	return this.getNodeParameter('simplify', itemIndex, true) as boolean;
}

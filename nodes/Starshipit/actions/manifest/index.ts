import { defineResource } from '../resource';
import { createManifestOperation } from './create.operation';
import { getManyManifestsOperation } from './getMany.operation';

export const manifestResource = defineResource('manifest', 'create', [
	{
		name: 'Create',
		value: 'create',
		description:
			'Hand printed orders over to the carrier: one manifest for all input orders (by ID, tracking or order number), or everything ready for a carrier',
		action: 'Create a manifest',
		module: createManifestOperation,
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description: 'List manifests, optionally with their PDF files',
		action: 'Get many manifests',
		module: getManyManifestsOperation,
	},
]);

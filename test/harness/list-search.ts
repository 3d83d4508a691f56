/**
 * Runs a "From List" search the way the editor's request does in n8n: n8n-core's LoadOptionsContext over a
 * workflow holding the Starshipit node, with the credentials resolved by the test credentials helper.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeListSearchResult,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { createAdditionalData } from './additional-data';
import { nodeTypes } from './node-types';

export async function runListSearch(
	method: string,
	credentials: ICredentialDataDecryptedObject,
	options: { filter?: string; paginationToken?: string; parameters?: IDataObject } = {},
): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'node',
		name: 'Starshipit',
		type: 'n8n-nodes-starshipit.starshipit',
		typeVersion: 1,
		position: [0, 0],
		parameters: (options.parameters ?? {}) as INode['parameters'],
		credentials: { starshipitApi: { id: 'cred-1', name: 'Starshipit sandbox' } },
	};
	const workflow = new Workflow({
		id: 'list-search',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		staticData: {},
		settings: {},
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		createAdditionalData({ starshipitApi: credentials }),
		'',
	);
	const search = (nodeTypes.getByNameAndVersion(node.type, 1) as INodeType).methods?.listSearch?.[
		method
	];
	if (!search) throw new Error(`The Starshipit node has no list search named ${method}`);
	return await search.call(context, options.filter, options.paginationToken);
}

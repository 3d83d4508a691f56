import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	INode,
	INodeType,
	INodeTypes,
	IRunExecutionData,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';
import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';

import { Starshipit } from '../../nodes/Starshipit/Starshipit.node';
import { StarshipitPollTrigger } from '../../nodes/StarshipitPollTrigger/StarshipitPollTrigger.node';
import { StarshipitTrigger } from '../../nodes/StarshipitTrigger/StarshipitTrigger.node';
import { createAdditionalData } from './additional-data';
import { credentialTypes, withDefaults } from './credential-types';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Tests a credential the way n8n's editor does ("Test" on the credential): its `test.request`
 * runs through n8n-core's RoutingNode, then n8n's rules decide OK or the message shown.
 */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const credentials = withDefaults(type, data);
	const testRequest = credentialTypes[type].test;
	if (!testRequest)
		return (
			(await testByNode(type, credentials)) ?? {
				status: 'Error',
				message: 'No testing function found for this credential.',
			}
		);
	const probe: INodeType = {
		description: {
			displayName: 'Credential Probe',
			name: 'credentialProbe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialProbe',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: 'cred-1', name: 'test' } },
	};
	const nodeTypes = {
		getByName: () => probe,
		getByNameAndVersion: () => probe,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const runExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		node,
		createAdditionalData({ [type]: credentials }),
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	let response: Awaited<ReturnType<RoutingNode['runNode']>>;
	try {
		response = await new RoutingNode(context, probe, {
			id: 'cred-1',
			name: 'test',
			type,
			data: credentials,
		}).runNode();
	} catch (error) {
		return failureFrom(error as IDataObject, testRequest);
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json ?? {};
		if (body[rule.properties.key] === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** The package's nodes: where n8n looks for a `testedBy` when a credential type has no test request. */
const PACKAGE_NODES: INodeType[] = [
	new Starshipit(),
	new StarshipitTrigger(),
	new StarshipitPollTrigger(),
];

/**
 * A credential with no test request, tested as n8n's CredentialsTester does it: by the function that a node
 * using the credential names in `testedBy` (its methods.credentialTest), called with n8n-core's CredentialTestContext.
 */
async function testByNode(
	type: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult | undefined> {
	for (const node of PACKAGE_NODES) {
		const testedBy = node.description.credentials?.find(
			(credential) => credential.name === type,
		)?.testedBy;
		const test =
			typeof testedBy === 'string' ? node.methods?.credentialTest?.[testedBy] : undefined;
		if (test)
			return (await test.call(new CredentialTestContext(createAdditionalData({})), {
				id: 'cred-1',
				name: 'test',
				type,
				data: credentials,
			})) as CredentialTestResult;
	}
	return undefined;
}

/** n8n's reading of a failed test request: a matching responseCode rule, else the HTTP status text. */
function failureFrom(
	error: IDataObject,
	testRequest: ICredentialTestRequest,
): CredentialTestResult {
	const cause = error.cause as
		| { response?: { status: number; statusText?: string }; code?: string }
		| undefined;
	if (cause?.response) {
		const { status, statusText } = cause.response;
		for (const rule of testRequest.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === status)
				return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
	}
	if (cause?.code) return { status: 'Error', message: cause.code };
	return { status: 'Error', message: String(error.message) };
}

export {
	ENDPOINTS,
	LIMITS,
	ORDER_METADATA,
	UNCONFIRMED,
	RATE_LIMIT_TIERS,
	type EndpointName,
} from './api-reference';
export {
	starshipitRequest,
	isSuccessfulBody,
	readCredentials,
	CREDENTIAL_TYPE,
	type AttemptFailure,
	type LandedCheck,
	type StarshipitContext,
	type StarshipitRequest,
	type WriteSafety,
} from './request';
export {
	starshipitListPage,
	starshipitRequestAllItems,
	type AllPagesRequest,
	type ListPage,
	type PagingStyle,
} from './pagination';
export { starshipitErrorText } from './errors';
export { credentialHomeCountry, nodeHomeCountry } from './home-country';
export {
	checkTargetAccountCredential,
	readTargetAccountKey,
	targetAccountName,
	TARGET_ACCOUNT_CREDENTIAL_TYPE,
} from './target-account';
export type { AttemptedAction, SupportAction, SupportContext } from './support-context';

export { ENDPOINTS, LIMITS, UNCONFIRMED, RATE_LIMIT_TIERS, type EndpointName } from './api-reference';
export { starshipitRequest, isSuccessfulBody, CREDENTIAL_TYPE, type StarshipitContext, type StarshipitRequest } from './request';
export { starshipitRequestAllItems, type AllPagesRequest, type PagingStyle } from './pagination';
export { starshipitErrorText } from './errors';
export type { SupportAction, SupportContext } from './support-context';

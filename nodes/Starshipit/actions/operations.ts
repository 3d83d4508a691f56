import { addressBookResource } from './addressBook';
import { labelResource } from './label';
import { manifestResource } from './manifest';
import { orderResource } from './order';
import { productResource } from './product';
import { rateResource } from './rate';
import { trackingResource } from './tracking';
import type { ResourceModule } from './types';

/**
 * Every resource's operations but Failed Request's, in the editor's order: the router offers them,
 * and a replay looks up here the write it runs again (failedRequest/ imports this module, not the router).
 */
export const operationResources: Record<string, ResourceModule> = {
	order: orderResource,
	product: productResource,
	rate: rateResource,
	label: labelResource,
	manifest: manifestResource,
	tracking: trackingResource,
	addressBook: addressBookResource,
};

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import type { OperationModule } from '../types';
import { ratesOf } from './arrange';

export const getDeliveryServicesOperation: OperationModule = {
	description: [],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			// A POST that only reads: repeating it after a dropped connection is harmless.
			const body = await starshipitRequest.call(this, {
				endpoint: 'deliveryServices',
				body: {},
				action: 'rated',
				itemIndex,
				write: { safeToRepeat: true },
			});
			const services = ratesOf(body);
			if (services.length === 0) {
				return outputFor(itemIndex, {
					services_found: 0,
					message:
						'Starshipit returned no delivery services: enable a courier in Starshipit (Settings > Couriers) first',
				});
			}
			return outputFor(itemIndex, services);
		});
	},
};

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputFor, runPerItem } from '../../helpers/items';
import { starshipitRequest } from '../../transport';
import type { OperationModule } from '../types';

export const getDeliveryServicesOperation: OperationModule = {
	description: [],
	writes: false,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem.call(this, items, async (itemIndex) => {
			const body = await starshipitRequest.call(this, { endpoint: 'deliveryServices', body: {}, itemIndex, safeToRepeat: true });
			return outputFor(itemIndex, (body.services as IDataObject[] | undefined) ?? []);
		});
	},
};

export {
	startWooStandIn,
	WOO_CONSUMER_KEY,
	WOO_CONSUMER_SECRET,
	API_PREFIX,
	type WooStandIn,
	type WooStandInOptions,
} from './server';
export { signWooBody, type DeliverOptions } from './deliveries';
export { PRODUCTS, SEED_ORDERS, type OrderSeed } from './seed';
export type {
	WooDelivery,
	WooDeviation,
	WooNote,
	WooOrder,
	WooProduct,
	WooRequest,
	WooStore,
	WooWebhook,
} from './types';

import type { Json, SandboxStore } from '../types';

export interface RouteRequest {
	query: Record<string, string>;
	body: Json;
	store: SandboxStore;
	now: number;
	settings: SandboxSettings;
}
export interface RouteAnswer {
	status: number;
	body: unknown;
}
export type Route = (request: RouteRequest) => RouteAnswer;

export interface SandboxSettings {
	/** What the account's printer settings make the label endpoint return. */
	labelFormat: 'pdf' | 'zpl';
	/** Called after an order's tracking status changes (webhooks). */
	onTrackingChange?: (orderNumber: string) => void;
}

/** Starshipit's success envelope. */
export const ok = (body: Json = {}): RouteAnswer => ({
	status: 200,
	body: { ...body, success: true, errors: [] },
});

/** Starshipit's failure envelope: `errors: [{ message, details }]`, no code field. */
export const fail = (status: number, message: string, details = ''): RouteAnswer => ({
	status,
	body: { success: false, errors: [{ message, details }] },
});

export const toInt = (value: string | undefined, fallback: number) => {
	const parsed = Number.parseInt(value ?? '', 10);
	return Number.isFinite(parsed) ? parsed : fallback;
};

/** One page of a list, 1-based. */
export function pageOf<T>(rows: T[], page: number, size: number) {
	const totalPages = Math.max(1, Math.ceil(rows.length / size));
	return { rows: rows.slice((page - 1) * size, page * size), totalPages };
}

export const isoNow = (now: number) => new Date(now).toISOString();

/** The sandbox's in-memory records, in Starshipit's field names (see the shared API notes). */
export type Json = Record<string, unknown>;

export interface TrackingEvent {
	event_datetime: string;
	status: string;
	details: string;
}

export interface SandboxOrder extends Json {
	order_id: number;
	order_number: string;
	order_date: string;
	reference?: string;
	/** Order status: Unshipped, Printed or Shipped (manifested); archived is a flag, as in Starshipit. */
	status: 'Unshipped' | 'Printed' | 'Shipped';
	archived: boolean;
	destination: Json;
	items: Json[];
	packages: Json[];
	carrier?: string;
	carrier_name?: string;
	carrier_service_code?: string;
	tracking_number?: string;
	tracking_url?: string;
	tracking_status?: string;
	tracking_events: TrackingEvent[];
	shipment_date?: string;
	manifest_number?: string;
	last_updated_date: string;
	/** Starshipit's number for the carrier, set by the batch carrier change (PUT /api/orders/batchupdate). */
	carrier_id?: string;
	/** Whether tracking reached the shop it came from (values unconfirmed: UNCONFIRMED.writeback). */
	writeback_status?: string;
	writeback_details?: string;
	integration_source_name?: string;
	/** Recorded through POST /api/orders/shipped: shipped outside Starshipit, only tracked there. */
	tracking_only?: boolean;
}

export interface SandboxProduct extends Json {
	id: number;
	sku: string;
}

export interface SandboxManifest {
	id: number;
	name: string;
	date: string;
	number: string;
	numberArticles: number;
	numberConsignments: number;
	fileName1: string;
	fileName2: string;
	carrierId: string;
	orderNumbers: string[];
}

/** An address-book contact as add and update take it (`phone`); the list answers `telephone` (details §9). */
export interface SandboxContact extends Json {
	id: number;
	name: string;
}

export interface SandboxStore {
	orders: SandboxOrder[];
	/** The address book (optional: data files saved before it existed have none). */
	addresses?: SandboxContact[];
	nextAddressId?: number;
	products: SandboxProduct[];
	manifests: SandboxManifest[];
	nextOrderId: number;
	nextProductId: number;
	nextManifestId: number;
	nextTrackingNumber: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	at: string;
	/** The request body as JSON (keys are never in bodies; headers are not recorded). */
	body?: unknown;
}

/**
 * How a fault hits one request: `status` answers that status (a 429 with `retryAfterSeconds` carries
 * Retry-After); `timeout` never answers and never processes (the client's timeout decides); `slow`
 * waits `delayMs` before processing; `drop` closes the connection before processing; `drop-after-write`
 * processes, then closes the connection; `late-answer` processes at once and answers only after
 * `delayMs`, by when the client has given up; `drop-last-line` processes each order of the body as if its
 * last item line had not been sent (a silent loss the node must read, never report as stored); `truncated`
 * processes, then answers its status with only the first half of its JSON (an answer cut mid-way, unreadable).
 */
export type FaultKind =
	| 'status'
	| 'timeout'
	| 'slow'
	| 'drop'
	| 'drop-after-write'
	| 'late-answer'
	| 'drop-last-line'
	| 'truncated';

export interface Fault {
	method?: string;
	path: string;
	kind: FaultKind;
	status?: number;
	body?: unknown;
	times?: number;
	delayMs?: number;
	retryAfterSeconds?: number;
}

/** How a request departs from the API notes (test/sandbox/strict/check.ts). */
export type DeviationKind =
	| 'endpoint'
	| 'query-parameter'
	| 'query-value'
	| 'envelope'
	| 'field'
	| 'type'
	| 'value'
	| 'required';

/** One way one request departed from the reference; `what` names the place (`order.destination.country`) and the problem. */
export interface Deviation {
	method: string;
	path: string;
	kind: DeviationKind;
	what: string;
	/** The sandbox refused the request (400), as Starshipit would: a body outside the envelope, a required field missing. */
	refused: boolean;
}

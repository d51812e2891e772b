/**
 * Typed DIDWW API v3 resources as the client hands them to the app (camelCase), plus the raw
 * JSON:API document shapes on the wire. Money arrives as decimal USD strings; each price keeps the
 * original string and an integer-cents twin.
 */

// ---------------------------------------------------------------------------------------------
// JSON:API wire shapes

export interface JsonApiResourceIdentifier {
  type: string;
  id: string;
}

export interface JsonApiRelationship {
  data?: JsonApiResourceIdentifier | JsonApiResourceIdentifier[] | null;
  links?: Record<string, string>;
}

export interface JsonApiResource<A extends Record<string, unknown> = Record<string, unknown>> {
  type: string;
  id: string;
  attributes?: A;
  relationships?: Record<string, JsonApiRelationship>;
  meta?: Record<string, unknown>;
  links?: Record<string, string>;
}

export interface JsonApiErrorObject {
  title?: string;
  detail?: string;
  code?: string;
  status?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: Record<string, unknown>;
}

export interface JsonApiDocument<D = JsonApiResource | JsonApiResource[] | null> {
  data?: D;
  included?: JsonApiResource[];
  meta?: Record<string, unknown>;
  links?: Record<string, string | null>;
  errors?: JsonApiErrorObject[];
  jsonapi?: Record<string, unknown>;
}

/** Query options for list endpoints: `include`, `filter[x]`, `sort`, `page[...]`, `fields[type]`. */
export interface ListQuery {
  include?: string[];
  filter?: Record<string, string | number | boolean | undefined>;
  sort?: string | string[];
  page?: { number?: number; size?: number };
  fields?: Record<string, string[]>;
}

export interface Page<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  /** `meta.total_records` when the server sends it. */
  totalRecords: number | null;
}

// ---------------------------------------------------------------------------------------------
// Coverage

export interface Country {
  id: string;
  name: string;
  /** Calling code, e.g. "1", "44". */
  prefix: string;
  iso: string;
}

export interface Region {
  id: string;
  name: string;
  iso: string | null;
  countryId: string | null;
}

export interface City {
  id: string;
  name: string;
  countryId: string | null;
  regionId: string | null;
}

export interface DidGroupType {
  id: string;
  name: string;
}

/** Our normalised number type; DIDWW sends it as a `did_group_type` name or (2026-11-19+) `number_type`. */
export type DidNumberKind = 'local' | 'mobile' | 'national' | 'toll_free' | 'shared_cost' | 'global';

/** Normalised features: DIDWW's older `voice`/`sms` and newer `voice_in`/`sms_in` both map here. */
export type DidFeature = 'voice' | 'sms' | 't38';

export interface StockKeepingUnit {
  id: string;
  setupPrice: string;
  monthlyPrice: string;
  setupPriceCents: number;
  monthlyPriceCents: number;
  channelsIncludedCount: number;
}

export interface DidGroup {
  id: string;
  prefix: string;
  areaName: string;
  features: DidFeature[];
  /** Features exactly as DIDWW sent them. */
  rawFeatures: string[];
  isMetered: boolean;
  allowAdditionalChannels: boolean;
  kind: DidNumberKind | null;
  countryId: string | null;
  regionId: string | null;
  cityId: string | null;
  didGroupTypeId: string | null;
  /** True when DIDWW links an address/identity requirement to the group. */
  requiresDocuments: boolean;
  needsRegistration: boolean | null;
  isAvailable: boolean | null;
  availableDidsEnabled: boolean | null;
  totalCount: number | null;
  country?: Country;
  region?: Region | null;
  city?: City | null;
  didGroupType?: DidGroupType | null;
  stockKeepingUnits?: StockKeepingUnit[];
}

export interface AvailableDid {
  id: string;
  /** International digits without "+". */
  number: string;
  didGroupId: string | null;
  didGroup?: DidGroup;
}

export interface DidReservation {
  id: string;
  description: string | null;
  expiresAt: string;
  createdAt: string;
  availableDidId: string | null;
  availableDid?: AvailableDid;
}

// ---------------------------------------------------------------------------------------------
// Buying

export type OrderStatus = 'Pending' | 'Completed' | 'Canceled';

/** One line of an order request: by SKU and quantity, a specific available DID, or a reservation. */
export type OrderItemInput =
  | { skuId: string; qty: number }
  | { skuId: string; availableDidId: string }
  | { skuId: string; didReservationId: string };

export interface CreateOrderInput {
  items: OrderItemInput[];
  /** Put our order-line id here: it makes a retried POST detectable. */
  externalReferenceId?: string;
  allowBackOrdering?: boolean;
  callbackUrl?: string;
  callbackMethod?: 'GET' | 'POST';
}

export interface OrderItem {
  type: string;
  qty: number | null;
  nrc: string | null;
  mrc: string | null;
  nrcCents: number | null;
  mrcCents: number | null;
  proratedMrc: boolean | null;
  billedFrom: string | null;
  billedTo: string | null;
  skuId: string | null;
  didGroupId: string | null;
  availableDidId: string | null;
  didReservationId: string | null;
}

export interface Order {
  id: string;
  reference: string;
  amount: string;
  amountCents: number;
  status: OrderStatus;
  description: string | null;
  createdAt: string;
  externalReferenceId: string | null;
  callbackUrl: string | null;
  callbackMethod: string | null;
  items: OrderItem[];
}

export interface Balance {
  totalBalance: string;
  credit: string;
  balance: string;
  totalBalanceCents: number;
  creditCents: number;
  balanceCents: number;
}

// ---------------------------------------------------------------------------------------------
// Running a number

export interface Did {
  id: string;
  number: string;
  description: string | null;
  terminated: boolean;
  blocked: boolean;
  awaitingRegistration: boolean;
  expiresAt: string | null;
  createdAt: string | null;
  channelsIncludedCount: number;
  capacityLimit: number | null;
  didGroupId: string | null;
  orderId: string | null;
  voiceInTrunkId: string | null;
  voiceInTrunkGroupId: string | null;
  didGroup?: DidGroup;
  voiceInTrunk?: VoiceInTrunk | null;
}

export interface UpdateDidInput {
  description?: string | null;
  terminated?: boolean;
  capacityLimit?: number | null;
  /** Route to this trunk; `null` detaches the trunk. */
  voiceInTrunkId?: string | null;
  /** Route to this trunk group (failover); `null` detaches it. A DID has a trunk or a group, not both. */
  voiceInTrunkGroupId?: string | null;
}

export interface VoiceInTrunkGroup {
  id: string;
  name: string;
  capacityLimit: number | null;
  /** Member trunks; known when the response carried them. */
  trunkIds: string[];
}

export interface VoiceInTrunkGroupInput {
  name: string;
  /** Member trunks; DIDWW tries them by each trunk's priority. */
  trunkIds: string[];
  capacityLimit?: number | null;
}

export interface PstnConfiguration {
  type: 'pstn_configurations';
  /** Number to forward to, international digits without "+". */
  dst: string;
}

export interface SipConfiguration {
  type: 'sip_configurations';
  username: string;
  host: string;
  port?: number | null;
  codecIds?: number[];
  transportProtocolId?: number | null;
  authEnabled?: boolean;
  authUser?: string | null;
  authPassword?: string | null;
}

export type VoiceInTrunkConfiguration = PstnConfiguration | SipConfiguration;

export interface VoiceInTrunk {
  id: string;
  name: string;
  priority: number | null;
  weight: number | null;
  capacityLimit: number | null;
  ringingTimeout: number | null;
  cliFormat: string | null;
  cliPrefix: string | null;
  description: string | null;
  externalReferenceId: string | null;
  createdAt: string | null;
  configuration: VoiceInTrunkConfiguration | null;
}

export interface VoiceInTrunkInput {
  name: string;
  configuration: VoiceInTrunkConfiguration;
  priority?: number;
  weight?: number;
  capacityLimit?: number | null;
  ringingTimeout?: number | null;
  cliFormat?: string;
  cliPrefix?: string | null;
  description?: string | null;
  externalReferenceId?: string | null;
}

export type CdrExportStatus = 'Pending' | 'Processing' | 'Completed';

export interface CdrExport {
  id: string;
  status: CdrExportStatus;
  createdAt: string | null;
  url: string | null;
  filters: Record<string, unknown>;
  /** `exports` resources (2026-04-16+) carry `cdr_in`; legacy `cdr_exports` have none. */
  exportType: string | null;
}

export interface CreateCdrExportInput {
  /** Start of the period (UTC). Legacy versions export the calendar month of `from`. */
  from: Date;
  /** End of the period (UTC), inclusive. */
  to: Date;
  /** Limit to one DID, international digits without "+". */
  didNumber?: string;
  callbackUrl?: string;
  callbackMethod?: 'GET' | 'POST';
}

/** One parsed row of a CDR CSV: headers as keys, as DIDWW named them. */
export type CdrRow = Record<string, string>;

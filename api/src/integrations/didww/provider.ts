/**
 * What the rest of NumNinja depends on. The real client (client.ts) implements it against DIDWW's
 * JSON:API; tests and the offline demo point the same client at the fake server.
 * Every method throws `DidwwError` (errors.ts) on failure.
 */
import type {
  AvailableDid, Balance, CdrExport, City, Country, CreateCdrExportInput, CreateOrderInput, Did, DidGroup,
  DidGroupType, DidReservation, Order, Page, Region, UpdateDidInput, VoiceInTrunk, VoiceInTrunkGroup, VoiceInTrunkGroupInput, VoiceInTrunkInput,
} from './types';

export interface DidGroupFilter {
  countryId?: string;
  regionId?: string;
  cityId?: string;
  didGroupTypeId?: string;
  areaName?: string;
  prefix?: string;
}

export interface AvailableDidFilter {
  didGroupId?: string;
  countryId?: string;
  /** Digits the number must contain. */
  numberContains?: string;
}

export interface DidFilter {
  number?: string;
  orderId?: string;
  terminated?: boolean;
}

export interface DidwwProvider {
  // Coverage (all pages are walked)
  countries(): Promise<Country[]>;
  regions(filter?: { countryId?: string }): Promise<Region[]>;
  cities(filter?: { countryId?: string; regionId?: string }): Promise<City[]>;
  didGroupTypes(): Promise<DidGroupType[]>;
  /** Includes country, region, city and stock_keeping_units (and did_group_type before 2026-11-19). */
  didGroups(filter?: DidGroupFilter): Promise<DidGroup[]>;
  iterateDidGroups(filter?: DidGroupFilter): AsyncGenerator<DidGroup>;
  getDidGroup(id: string): Promise<DidGroup>;

  // Stock
  availableDids(filter?: AvailableDidFilter): Promise<AvailableDid[]>;
  availableDidsPage(filter: AvailableDidFilter, page: { number: number; size: number }): Promise<Page<AvailableDid>>;
  createReservation(input: { availableDidId: string; description?: string }): Promise<DidReservation>;
  getReservation(id: string): Promise<DidReservation>;
  /** Releases a hold; a reservation that is already gone counts as released. */
  deleteReservation(id: string): Promise<void>;

  // Buying
  getBalance(): Promise<Balance>;
  /** With `externalReferenceId`, a retry after a lost response returns the order already placed. */
  createOrder(input: CreateOrderInput): Promise<Order>;
  getOrder(id: string): Promise<Order>;
  findOrderByExternalReference(externalReferenceId: string): Promise<Order | null>;
  cancelOrder(id: string): Promise<void>;

  // Numbers we own
  listDids(filter?: DidFilter): Promise<Did[]>;
  getDid(id: string): Promise<Did>;
  updateDid(id: string, input: UpdateDidInput): Promise<Did>;

  // Routing
  createVoiceInTrunk(input: VoiceInTrunkInput): Promise<VoiceInTrunk>;
  getVoiceInTrunk(id: string): Promise<VoiceInTrunk>;
  /** The trunk we created with this `external_reference_id`, if any (finds it again after a crash). */
  findVoiceInTrunkByExternalReference(externalReferenceId: string): Promise<VoiceInTrunk | null>;
  updateVoiceInTrunk(id: string, input: Partial<VoiceInTrunkInput>): Promise<VoiceInTrunk>;
  deleteVoiceInTrunk(id: string): Promise<void>;
  createVoiceInTrunkGroup(input: VoiceInTrunkGroupInput): Promise<VoiceInTrunkGroup>;
  /** Trunk group names are unique per account: how a retried job finds the group it made. */
  findVoiceInTrunkGroupByName(name: string): Promise<VoiceInTrunkGroup | null>;
  updateVoiceInTrunkGroup(id: string, input: Partial<VoiceInTrunkGroupInput>): Promise<VoiceInTrunkGroup>;
  /** A group that is already gone counts as deleted. */
  deleteVoiceInTrunkGroup(id: string): Promise<void>;

  // Call records
  createCdrExport(input: CreateCdrExportInput): Promise<CdrExport>;
  getCdrExport(id: string): Promise<CdrExport>;
  /** The gzipped CSV of a completed export, as bytes. */
  downloadCdrExport(exportOrUrl: CdrExport | string): Promise<Buffer>;
}

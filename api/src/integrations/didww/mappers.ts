/** Raw JSON:API resources → typed DIDWW objects (see types.ts). */
import { attr, hasRel, type IncludedIndex, relId } from './jsonapi';
import { usdToCents } from './money';
import type {
  AvailableDid, Balance, CdrExport, CdrExportStatus, City, Country, Did, DidFeature, DidGroup, DidGroupType,
  DidNumberKind, DidReservation, JsonApiResource, Order, OrderItem, OrderStatus, Region, StockKeepingUnit,
  VoiceInTrunk, VoiceInTrunkConfiguration, VoiceInTrunkGroup,
} from './types';

const s = (v: string | null, fallback = ''): string => v ?? fallback;

export function toCountry(r: JsonApiResource): Country {
  return { id: r.id, name: s(attr.str(r, 'name')), prefix: s(attr.str(r, 'prefix')), iso: s(attr.str(r, 'iso')) };
}

export function toRegion(r: JsonApiResource): Region {
  return { id: r.id, name: s(attr.str(r, 'name')), iso: attr.str(r, 'iso'), countryId: relId(r, 'country') };
}

export function toCity(r: JsonApiResource): City {
  return { id: r.id, name: s(attr.str(r, 'name')), countryId: relId(r, 'country'), regionId: relId(r, 'region') };
}

export function toDidGroupType(r: JsonApiResource): DidGroupType {
  return { id: r.id, name: s(attr.str(r, 'name')) };
}

export function toSku(r: JsonApiResource): StockKeepingUnit {
  const setupPrice = s(attr.str(r, 'setup_price'), '0');
  const monthlyPrice = s(attr.str(r, 'monthly_price'), '0');
  return {
    id: r.id, setupPrice, monthlyPrice,
    setupPriceCents: usdToCents(setupPrice), monthlyPriceCents: usdToCents(monthlyPrice),
    channelsIncludedCount: attr.num(r, 'channels_included_count') ?? 0,
  };
}

/** "Toll-free", "toll_free", "TOLL FREE" → 'toll_free'; unknown names → null. */
export function toNumberKind(name: string | null): DidNumberKind | null {
  if (!name) return null;
  const k = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const known: DidNumberKind[] = ['local', 'mobile', 'national', 'toll_free', 'shared_cost', 'global'];
  return (known as string[]).includes(k) ? (k as DidNumberKind) : null;
}

/** DIDWW renamed features in 2026-04-16 (voice → voice_in, sms → sms_in); we keep one vocabulary. */
export function normalizeFeatures(raw: string[]): DidFeature[] {
  const out = new Set<DidFeature>();
  for (const f of raw) {
    if (f === 'voice' || f === 'voice_in') out.add('voice');
    else if (f === 'sms' || f === 'sms_in') out.add('sms');
    else if (f === 't38') out.add('t38');
  }
  return (['voice', 'sms', 't38'] as const).filter((f) => out.has(f));
}

export function toDidGroup(r: JsonApiResource, idx?: IncludedIndex): DidGroup {
  const rawFeatures = attr.strings(r, 'features');
  const typeRes = idx?.one(r, 'did_group_type');
  const meta = r.meta ?? {};
  const metaBool = (k: string) => (typeof meta[k] === 'boolean' ? (meta[k] as boolean) : null);
  const group: DidGroup = {
    id: r.id,
    prefix: s(attr.str(r, 'prefix')),
    areaName: s(attr.str(r, 'area_name')),
    features: normalizeFeatures(rawFeatures),
    rawFeatures,
    isMetered: attr.bool(r, 'is_metered') ?? false,
    allowAdditionalChannels: attr.bool(r, 'allow_additional_channels') ?? false,
    kind: toNumberKind(attr.str(r, 'number_type') ?? (typeRes ? attr.str(typeRes, 'name') : null)),
    countryId: relId(r, 'country'),
    regionId: relId(r, 'region'),
    cityId: relId(r, 'city'),
    didGroupTypeId: relId(r, 'did_group_type'),
    requiresDocuments: hasRel(r, 'requirement') || hasRel(r, 'address_requirement'),
    needsRegistration: metaBool('needs_registration'),
    isAvailable: metaBool('is_available'),
    availableDidsEnabled: metaBool('available_dids_enabled'),
    totalCount: typeof meta.total_count === 'number' ? meta.total_count : null,
  };
  if (idx) {
    const country = idx.one(r, 'country');
    if (country) group.country = toCountry(country);
    const region = idx.one(r, 'region');
    if (region) group.region = toRegion(region);
    const city = idx.one(r, 'city');
    if (city) group.city = toCity(city);
    if (typeRes) group.didGroupType = toDidGroupType(typeRes);
    const skus = idx.many(r, 'stock_keeping_units');
    if (skus.length > 0 || r.relationships?.stock_keeping_units?.data) group.stockKeepingUnits = skus.map(toSku);
  }
  return group;
}

export function toAvailableDid(r: JsonApiResource, idx?: IncludedIndex): AvailableDid {
  const out: AvailableDid = { id: r.id, number: s(attr.str(r, 'number')), didGroupId: relId(r, 'did_group') };
  const g = idx?.one(r, 'did_group');
  if (g && idx) out.didGroup = toDidGroup(g, idx);
  return out;
}

export function toReservation(r: JsonApiResource, idx?: IncludedIndex): DidReservation {
  const out: DidReservation = {
    id: r.id,
    description: attr.str(r, 'description'),
    // Versions before 2026 spell it `expire_at`.
    expiresAt: s(attr.str(r, 'expires_at') ?? attr.str(r, 'expire_at')),
    createdAt: s(attr.str(r, 'created_at')),
    availableDidId: relId(r, 'available_did'),
  };
  const a = idx?.one(r, 'available_did');
  if (a && idx) out.availableDid = toAvailableDid(a, idx);
  return out;
}

export function toOrderStatus(v: string | null): OrderStatus {
  const k = (v ?? '').toLowerCase();
  if (k === 'completed') return 'Completed';
  if (k === 'canceled' || k === 'cancelled') return 'Canceled';
  return 'Pending';
}

function toOrderItem(raw: unknown): OrderItem {
  const item = (raw ?? {}) as { type?: unknown; attributes?: Record<string, unknown> };
  const a = item.attributes ?? {};
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : typeof a[k] === 'number' ? String(a[k]) : null);
  const nrc = str('nrc');
  const mrc = str('mrc');
  return {
    type: typeof item.type === 'string' ? item.type : 'did_order_items',
    qty: typeof a.qty === 'number' ? a.qty : str('qty') !== null ? Number(str('qty')) : null,
    nrc, mrc,
    nrcCents: nrc !== null ? usdToCents(nrc) : null,
    mrcCents: mrc !== null ? usdToCents(mrc) : null,
    proratedMrc: typeof a.prorated_mrc === 'boolean' ? a.prorated_mrc : null,
    billedFrom: str('billed_from'),
    billedTo: str('billed_to'),
    skuId: str('sku_id'),
    didGroupId: str('did_group_id'),
    availableDidId: str('available_did_id'),
    didReservationId: str('did_reservation_id'),
  };
}

export function toOrder(r: JsonApiResource): Order {
  const amount = s(attr.str(r, 'amount'), '0');
  const items = attr.raw(r, 'items');
  return {
    id: r.id,
    reference: s(attr.str(r, 'reference')),
    amount,
    amountCents: usdToCents(amount),
    status: toOrderStatus(attr.str(r, 'status')),
    description: attr.str(r, 'description'),
    createdAt: s(attr.str(r, 'created_at')),
    externalReferenceId: attr.str(r, 'external_reference_id'),
    callbackUrl: attr.str(r, 'callback_url'),
    callbackMethod: attr.str(r, 'callback_method'),
    items: Array.isArray(items) ? items.map(toOrderItem) : [],
  };
}

export function toBalance(r: JsonApiResource): Balance {
  const totalBalance = s(attr.str(r, 'total_balance'), '0');
  const credit = s(attr.str(r, 'credit'), '0');
  const balance = s(attr.str(r, 'balance'), '0');
  return {
    totalBalance, credit, balance,
    totalBalanceCents: usdToCents(totalBalance), creditCents: usdToCents(credit), balanceCents: usdToCents(balance),
  };
}

export function toTrunkConfiguration(raw: unknown): VoiceInTrunkConfiguration | null {
  const c = (raw ?? null) as { type?: unknown; attributes?: Record<string, unknown> } | null;
  if (!c || typeof c.type !== 'string') return null;
  const a = c.attributes ?? {};
  if (c.type === 'pstn_configurations') return { type: 'pstn_configurations', dst: String(a.dst ?? '') };
  if (c.type === 'sip_configurations') {
    return {
      type: 'sip_configurations',
      username: String(a.username ?? ''),
      host: String(a.host ?? ''),
      port: typeof a.port === 'number' ? a.port : null,
      codecIds: Array.isArray(a.codec_ids) ? a.codec_ids.filter((x): x is number => typeof x === 'number') : [],
      transportProtocolId: typeof a.transport_protocol_id === 'number' ? a.transport_protocol_id : null,
      authEnabled: a.auth_enabled === true,
      authUser: typeof a.auth_user === 'string' ? a.auth_user : null,
      authPassword: typeof a.auth_password === 'string' ? a.auth_password : null,
    };
  }
  return null;
}

export function toVoiceInTrunkGroup(r: JsonApiResource): VoiceInTrunkGroup {
  const members = r.relationships?.voice_in_trunks?.data;
  return {
    id: r.id,
    name: String(attr.raw(r, 'name') ?? ''),
    capacityLimit: (attr.raw(r, 'capacity_limit') as number | null | undefined) ?? null,
    trunkIds: Array.isArray(members) ? members.map((m) => m.id) : [],
  };
}

export function toVoiceInTrunk(r: JsonApiResource): VoiceInTrunk {
  return {
    id: r.id,
    name: s(attr.str(r, 'name')),
    priority: attr.num(r, 'priority'),
    weight: attr.num(r, 'weight'),
    capacityLimit: attr.num(r, 'capacity_limit'),
    ringingTimeout: attr.num(r, 'ringing_timeout'),
    cliFormat: attr.str(r, 'cli_format'),
    cliPrefix: attr.str(r, 'cli_prefix'),
    description: attr.str(r, 'description'),
    externalReferenceId: attr.str(r, 'external_reference_id'),
    createdAt: attr.str(r, 'created_at'),
    configuration: toTrunkConfiguration(attr.raw(r, 'configuration')),
  };
}

export function toDid(r: JsonApiResource, idx?: IncludedIndex): Did {
  const did: Did = {
    id: r.id,
    number: s(attr.str(r, 'number')),
    description: attr.str(r, 'description'),
    terminated: attr.bool(r, 'terminated') ?? false,
    blocked: attr.bool(r, 'blocked') ?? false,
    awaitingRegistration: attr.bool(r, 'awaiting_registration') ?? false,
    expiresAt: attr.str(r, 'expires_at'),
    createdAt: attr.str(r, 'created_at'),
    channelsIncludedCount: attr.num(r, 'channels_included_count') ?? 0,
    capacityLimit: attr.num(r, 'capacity_limit'),
    didGroupId: relId(r, 'did_group'),
    orderId: relId(r, 'order'),
    voiceInTrunkId: relId(r, 'voice_in_trunk'),
    voiceInTrunkGroupId: relId(r, 'voice_in_trunk_group'),
  };
  if (idx) {
    const g = idx.one(r, 'did_group');
    if (g) did.didGroup = toDidGroup(g, idx);
    const t = idx.one(r, 'voice_in_trunk');
    if (t) did.voiceInTrunk = toVoiceInTrunk(t);
  }
  return did;
}

export function toCdrExportStatus(v: string | null): CdrExportStatus {
  const k = (v ?? '').toLowerCase();
  return k === 'completed' ? 'Completed' : k === 'processing' ? 'Processing' : 'Pending';
}

export function toCdrExport(r: JsonApiResource): CdrExport {
  const filters = attr.raw(r, 'filters');
  return {
    id: r.id,
    status: toCdrExportStatus(attr.str(r, 'status')),
    createdAt: attr.str(r, 'created_at'),
    url: attr.str(r, 'url'),
    filters: filters && typeof filters === 'object' ? (filters as Record<string, unknown>) : {},
    exportType: attr.str(r, 'export_type'),
  };
}

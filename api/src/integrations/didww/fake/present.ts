/** Store records → JSON:API resources, as the requested API version shapes them. */
import { centsToUsd } from '../money';
import type { FakeResource, Resolver } from './jsonapi';
import type { DidRec, ExportRec, FakeStore, OrderRec, ReservationRec, StockDid, TrunkGroupRec, TrunkRec } from './store';

export const FEATURE_NAMES_SINCE = '2026-04-16';
export const NUMBER_TYPE_SINCE = '2026-11-19';
export const EXPORTS_V2_SINCE = '2026-04-16';

const iso = (ms: number): string => new Date(ms).toISOString();
const ref = (type: string, id: string | null) => (id ? { type, id } : null);

export interface Presenter {
  resolve: Resolver;
  relNames(type: string): string[];
  stock(s: StockDid): FakeResource;
  reservation(r: ReservationRec): FakeResource;
  order(o: OrderRec): FakeResource;
  did(d: DidRec): FakeResource;
  trunk(t: TrunkRec): FakeResource;
  trunkGroup(g: TrunkGroupRec): FakeResource;
  export(e: ExportRec, origin: string): FakeResource;
  balance(): FakeResource;
}

export function presenter(store: FakeStore, version: string, origin: string): Presenter {
  const newNames = version >= FEATURE_NAMES_SINCE;
  const numberType = version >= NUMBER_TYPE_SINCE;

  let availableByGroup: Map<string, number> | null = null;
  const availableIn = (groupId: string): number => {
    if (!availableByGroup) {
      availableByGroup = new Map();
      for (const s of store.stock.values()) {
        if (s.status === 'available') availableByGroup.set(s.didGroupId, (availableByGroup.get(s.didGroupId) ?? 0) + 1);
      }
    }
    return availableByGroup.get(groupId) ?? 0;
  };

  const features = (fs: string[]) => (newNames ? fs.map((f) => (f === 'voice' ? 'voice_in' : f === 'sms' ? 'sms_in' : f)) : fs);

  const countResource = (type: string, id: string): FakeResource | undefined => {
    switch (type) {
      case 'countries': {
        const c = store.countries.get(id);
        return c && { type, id, attributes: { name: c.name, prefix: c.prefix, iso: c.iso } };
      }
      case 'regions': {
        const r = store.regions.get(id);
        return r && { type, id, attributes: { name: r.name, iso: r.iso }, rels: { country: ref('countries', r.countryId) } };
      }
      case 'cities': {
        const c = store.cities.get(id);
        return c && { type, id, attributes: { name: c.name }, rels: { country: ref('countries', c.countryId), region: ref('regions', c.regionId) } };
      }
      case 'did_group_types': {
        const t = store.groupTypes.get(id);
        return t && { type, id, attributes: { name: t.name } };
      }
      case 'stock_keeping_units': {
        const s = store.skus.get(id);
        return s && { type, id, attributes: { setup_price: s.setupPrice, monthly_price: s.monthlyPrice, channels_included_count: s.channelsIncludedCount } };
      }
      case 'did_groups': {
        const g = store.groups.get(id);
        if (!g) return undefined;
        const total = availableIn(id);
        const attributes: Record<string, unknown> = {
          prefix: g.prefix, area_name: g.areaName, features: features(g.features),
          is_metered: g.isMetered, allow_additional_channels: g.allowAdditionalChannels,
        };
        if (newNames) attributes.service_restrictions = null;
        if (numberType) attributes.number_type = g.type.toLowerCase().replace('-', '_');
        const rels: FakeResource['rels'] = {
          country: ref('countries', g.countryId), region: ref('regions', g.regionId), city: ref('cities', g.cityId),
          stock_keeping_units: (store.skusByGroup.get(id) ?? []).map((s) => ({ type: 'stock_keeping_units', id: s.id })),
          address_requirement: null,
        };
        if (!numberType) rels.did_group_type = ref('did_group_types', g.didGroupTypeId);
        return {
          type, id, attributes, rels,
          meta: { needs_registration: false, is_available: total > 0, available_dids_enabled: true, total_count: total },
        };
      }
      case 'available_dids': {
        const s = store.stock.get(id);
        return s && p.stock(s);
      }
      case 'did_reservations': {
        const r = store.reservations.get(id);
        return r && p.reservation(r);
      }
      case 'orders': {
        const o = store.orders.get(id);
        return o && p.order(o);
      }
      case 'dids': {
        const d = store.dids.get(id);
        return d && p.did(d);
      }
      case 'voice_in_trunks': {
        const t = store.trunks.get(id);
        return t && p.trunk(t);
      }
      case 'voice_in_trunk_groups': {
        const g = store.trunkGroups.get(id);
        return g && p.trunkGroup(g);
      }
      default:
        return undefined;
    }
  };

  const REL_NAMES: Record<string, string[]> = {
    countries: [],
    regions: ['country'],
    cities: ['country', 'region'],
    did_group_types: [],
    stock_keeping_units: [],
    did_groups: numberType
      ? ['country', 'region', 'city', 'stock_keeping_units', 'address_requirement']
      : ['country', 'region', 'city', 'did_group_type', 'stock_keeping_units', 'address_requirement'],
    available_dids: ['did_group'],
    did_reservations: ['available_did'],
    orders: [],
    dids: ['did_group', 'order', 'voice_in_trunk', 'voice_in_trunk_group'],
    voice_in_trunks: [],
    voice_in_trunk_groups: ['voice_in_trunks'],
    exports: [],
    cdr_exports: [],
    balances: [],
  };

  const p: Presenter = {
    resolve: countResource,
    relNames: (type) => REL_NAMES[type] ?? [],
    stock: (s) => ({ type: 'available_dids', id: s.id, attributes: { number: s.number }, rels: { did_group: ref('did_groups', s.didGroupId) } }),
    reservation: (r) => ({
      type: 'did_reservations', id: r.id,
      attributes: { [newNames ? 'expires_at' : 'expire_at']: iso(r.expiresAt), created_at: iso(r.createdAt), description: r.description },
      rels: { available_did: ref('available_dids', r.availableDidId) },
    }),
    order: (o) => ({
      type: 'orders', id: o.id,
      attributes: {
        amount: centsToUsd(o.amountCents), status: o.status, created_at: iso(o.createdAt), description: 'DID',
        reference: o.reference, external_reference_id: o.externalReferenceId,
        callback_url: o.callbackUrl, callback_method: o.callbackMethod,
        items: o.items.map((i) => ({
          type: 'did_order_items',
          attributes: {
            qty: i.qty, nrc: centsToUsd(i.nrcCents), mrc: centsToUsd(i.mrcCents), prorated_mrc: false,
            billed_from: iso(o.createdAt).slice(0, 10), billed_to: iso(o.createdAt + 30 * 86_400_000).slice(0, 10),
            sku_id: i.skuId, did_group_id: i.didGroupId,
            ...(i.availableDidId ? { available_did_id: i.availableDidId } : {}),
            ...(i.didReservationId ? { did_reservation_id: i.didReservationId } : {}),
          },
        })),
      },
    }),
    did: (d) => ({
      type: 'dids', id: d.id,
      attributes: {
        number: d.number, description: d.description, terminated: d.terminated, blocked: d.blocked,
        awaiting_registration: d.awaitingRegistration, expires_at: iso(d.expiresAt), created_at: iso(d.createdAt),
        channels_included_count: d.channelsIncludedCount, capacity_limit: d.capacityLimit,
        billing_cycles_count: null, dedicated_channels_count: 0,
      },
      rels: {
        did_group: ref('did_groups', d.didGroupId), order: ref('orders', d.orderId),
        voice_in_trunk: ref('voice_in_trunks', d.voiceInTrunkId),
        voice_in_trunk_group: ref('voice_in_trunk_groups', d.voiceInTrunkGroupId ?? null),
      },
    }),
    trunkGroup: (g) => ({
      type: 'voice_in_trunk_groups', id: g.id,
      attributes: { name: g.name, capacity_limit: g.capacityLimit, created_at: iso(g.createdAt) },
      rels: { voice_in_trunks: g.trunkIds.map((id) => ({ type: 'voice_in_trunks', id })) },
    }),
    trunk: (t) => ({
      type: 'voice_in_trunks', id: t.id,
      attributes: {
        name: t.name, priority: t.priority, weight: t.weight, capacity_limit: t.capacityLimit,
        ringing_timeout: t.ringingTimeout, cli_format: t.cliFormat, cli_prefix: t.cliPrefix,
        description: t.description, external_reference_id: t.externalReferenceId, created_at: iso(t.createdAt),
        configuration: t.configuration,
      },
    }),
    export: (e) => {
      const lower = e.resource === 'exports' && version >= EXPORTS_V2_SINCE;
      const status = lower ? e.status.toLowerCase() : e.status;
      const attributes: Record<string, unknown> = {
        status, created_at: iso(e.createdAt), filters: e.filters,
        url: e.status === 'Completed' ? `${origin}/v3/${e.resource}/${e.id}.csv.gz` : null,
        callback_url: e.callbackUrl, callback_method: e.callbackMethod,
      };
      if (e.resource === 'exports') {
        attributes.export_type = e.exportType;
        attributes.external_reference_id = e.externalReferenceId;
      }
      return { type: e.resource, id: e.id, attributes };
    },
    balance: () => ({
      type: 'balances', id: 'e2b6bd0c-2d1b-4e55-9a3a-5f7f2f3c9b10',
      attributes: {
        total_balance: centsToUsd(store.balanceCents + store.creditCents),
        credit: centsToUsd(store.creditCents),
        balance: centsToUsd(store.balanceCents),
      },
    }),
  };
  return p;
}

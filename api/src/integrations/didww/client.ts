/**
 * DIDWW API v3 client (JSON:API over fetch). Configure with the base URL (…/v3), the API key and
 * the dated API version; the version picks the auth style (see auth.ts) and a few shapes
 * (did group number types, CDR exports).
 */
import { authStyleFor } from './auth';
import { DidwwError, isDidwwError } from './errors';
import { Transport, type DidwwLogger } from './http';
import { buildQuery, IncludedIndex, resourceBody } from './jsonapi';
import {
  toAvailableDid, toBalance, toCdrExport, toCity, toCountry, toDid, toDidGroup, toDidGroupType, toOrder,
  toRegion, toReservation, toVoiceInTrunk, toVoiceInTrunkGroup,
} from './mappers';
import type { AvailableDidFilter, DidFilter, DidGroupFilter, DidwwProvider } from './provider';
import type {
  CdrExport, CreateCdrExportInput, CreateOrderInput, JsonApiDocument, JsonApiResource, ListQuery, OrderItemInput,
  Page, UpdateDidInput, VoiceInTrunkConfiguration, VoiceInTrunkGroupInput, VoiceInTrunkInput,
} from './types';

export interface DidwwClientConfig {
  /** API base including the version path, e.g. https://api.didww.com/v3 or the fake's `url`. */
  baseUrl: string;
  apiKey: string;
  /** Dated version, e.g. "2026-04-16" (Api-Key auth) or "2026-11-19" (bearer tokens). */
  apiVersion: string;
  /** Token service (bearer versions). Default: `<origin of baseUrl>/token`. */
  tokenUrl?: string;
  /** Per attempt. Default 10 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  fetch?: typeof fetch;
  logger?: DidwwLogger;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  maxRetryAfterMs?: number;
  /** Page size when walking lists (DIDWW's maximum is 100). */
  pageSize?: number;
}

export type DidwwClient = DidwwProvider & {
  readonly apiVersion: string;
  readonly authStyle: 'api-key' | 'bearer';
};

/** First version where `exports` take `from`/`to` and `export_type` (older: `cdr_exports` by month). */
const EXPORTS_SINCE = '2026-04-16';
/** First version where did groups carry `number_type` instead of a `did_group_type` relationship. */
const NUMBER_TYPE_SINCE = '2026-11-19';

/** Relationship data only comes with includes, so ids need them too. */
const DID_INCLUDES = ['did_group', 'order', 'voice_in_trunk', 'voice_in_trunk_group'];

const one = (doc: JsonApiDocument): JsonApiResource => {
  if (!doc.data || Array.isArray(doc.data)) {
    throw new DidwwError({ kind: 'unavailable', status: 200, detail: 'expected a single resource in `data`' });
  }
  return doc.data;
};
const many = (doc: JsonApiDocument): JsonApiResource[] => (Array.isArray(doc.data) ? doc.data : []);
const defined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const utc = (d: Date): string => d.toISOString().slice(0, 19).replace('T', ' ');

export function createDidwwClient(config: DidwwClientConfig): DidwwClient {
  const apiVersion = config.apiVersion;
  const transport = new Transport({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    apiVersion,
    tokenUrl: config.tokenUrl ?? new URL('/token', config.baseUrl).href,
    timeoutMs: config.timeoutMs ?? 10_000,
    maxRetries: config.maxRetries ?? 3,
    fetch: config.fetch ?? globalThis.fetch.bind(globalThis),
    sleep: config.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    now: config.now ?? Date.now,
    random: config.random ?? Math.random,
    ...(config.logger ? { logger: config.logger } : {}),
    baseDelayMs: config.retryBaseDelayMs ?? 250,
    maxDelayMs: config.retryMaxDelayMs ?? 8_000,
    maxRetryAfterMs: config.maxRetryAfterMs ?? 60_000,
  });
  const pageSize = Math.min(100, config.pageSize ?? 100);
  const get = (path: string, q?: ListQuery) => transport.json({ method: 'GET', path, query: buildQuery(q) });

  async function listPage<T>(path: string, q: ListQuery, map: (r: JsonApiResource, idx: IncludedIndex) => T, page: { number: number; size: number }): Promise<Page<T>> {
    const doc = await get(path, { ...q, page });
    const idx = new IncludedIndex(doc);
    const total = doc.meta?.total_records;
    return { items: many(doc).map((r) => map(r, idx)), pageNumber: page.number, pageSize: page.size, totalRecords: typeof total === 'number' ? total : null };
  }

  /** Walks pages until `meta.total_records` items were seen (or a short/empty page ends it). */
  async function* walk<T>(path: string, q: ListQuery, map: (r: JsonApiResource, idx: IncludedIndex) => T): AsyncGenerator<T> {
    let seen = 0;
    for (let number = 1; ; number++) {
      const page = await listPage(path, q, map, { number, size: pageSize });
      for (const item of page.items) yield item;
      seen += page.items.length;
      if (page.items.length === 0) return;
      if (page.totalRecords !== null ? seen >= page.totalRecords : page.items.length < pageSize) return;
    }
  }

  async function listAll<T>(path: string, q: ListQuery, map: (r: JsonApiResource, idx: IncludedIndex) => T): Promise<T[]> {
    const out: T[] = [];
    for await (const item of walk(path, q, map)) out.push(item);
    return out;
  }

  const groupIncludes = (): string[] =>
    apiVersion >= NUMBER_TYPE_SINCE
      ? ['country', 'region', 'city', 'stock_keeping_units']
      : ['country', 'region', 'city', 'did_group_type', 'stock_keeping_units'];

  const groupQuery = (f: DidGroupFilter = {}): ListQuery => ({
    include: groupIncludes(),
    filter: defined({
      'country.id': f.countryId, 'region.id': f.regionId, 'city.id': f.cityId,
      'did_group_type.id': f.didGroupTypeId, area_name: f.areaName, prefix: f.prefix,
    }),
  });

  const availableQuery = (f: AvailableDidFilter = {}): ListQuery => ({
    include: ['did_group'],
    filter: defined({ 'did_group.id': f.didGroupId, 'country.id': f.countryId, number_contains: f.numberContains }),
  });

  const orderItem = (i: OrderItemInput) => ({
    type: 'did_order_items',
    attributes:
      'qty' in i ? { sku_id: i.skuId, qty: i.qty }
      : 'availableDidId' in i ? { sku_id: i.skuId, available_did_id: i.availableDidId }
      : { sku_id: i.skuId, did_reservation_id: i.didReservationId },
  });

  async function findOrderDoc(ref: string): Promise<JsonApiDocument | null> {
    const doc = await get('/orders', { filter: { external_reference_id: ref }, page: { number: 1, size: 1 } });
    const first = many(doc)[0];
    return first ? { data: first } : null;
  }

  const trunkConfiguration = (c: VoiceInTrunkConfiguration) =>
    c.type === 'pstn_configurations'
      ? { type: c.type, attributes: { dst: c.dst } }
      : {
          type: c.type,
          attributes: defined({
            username: c.username, host: c.host, port: c.port, codec_ids: c.codecIds,
            transport_protocol_id: c.transportProtocolId, auth_enabled: c.authEnabled,
            auth_user: c.authUser, auth_password: c.authPassword,
          }),
        };

  const trunkAttributes = (i: Partial<VoiceInTrunkInput>) =>
    defined({
      name: i.name, priority: i.priority, weight: i.weight, capacity_limit: i.capacityLimit,
      ringing_timeout: i.ringingTimeout, cli_format: i.cliFormat, cli_prefix: i.cliPrefix,
      description: i.description, external_reference_id: i.externalReferenceId,
      configuration: i.configuration ? trunkConfiguration(i.configuration) : undefined,
    });

  const groupMembers = (ids: string[]) => ({ voice_in_trunks: ids.map((id) => ({ type: 'voice_in_trunks', id })) });

  const ignoreNotFound = (e: unknown): void => {
    if (!isDidwwError(e, 'not_found')) throw e;
  };

  const useExports = apiVersion >= EXPORTS_SINCE;
  const exportsPath = useExports ? '/exports' : '/cdr_exports';

  return {
    apiVersion,
    authStyle: authStyleFor(apiVersion),

    countries: () => listAll('/countries', {}, toCountry),
    regions: (f = {}) => listAll('/regions', { include: ['country'], filter: defined({ 'country.id': f.countryId }) }, toRegion),
    cities: (f = {}) =>
      listAll('/cities', { include: ['country', 'region'], filter: defined({ 'country.id': f.countryId, 'region.id': f.regionId }) }, toCity),
    didGroupTypes: () => listAll('/did_group_types', {}, toDidGroupType),
    didGroups: (f) => listAll('/did_groups', groupQuery(f), toDidGroup),
    iterateDidGroups: (f) => walk('/did_groups', groupQuery(f), toDidGroup),
    async getDidGroup(id) {
      const doc = await get(`/did_groups/${encodeURIComponent(id)}`, { include: groupIncludes() });
      return toDidGroup(one(doc), new IncludedIndex(doc));
    },

    availableDids: (f) => listAll('/available_dids', availableQuery(f), toAvailableDid),
    availableDidsPage: (f, page) => listPage('/available_dids', availableQuery(f), toAvailableDid, page),

    async createReservation({ availableDidId, description }) {
      const body = resourceBody('did_reservations', { description }, { available_did: { type: 'available_dids', id: availableDidId } });
      const doc = await transport.json({ method: 'POST', path: '/did_reservations', body, query: buildQuery({ include: ['available_did'] }) });
      return toReservation(one(doc), new IncludedIndex(doc));
    },
    async getReservation(id) {
      const doc = await get(`/did_reservations/${encodeURIComponent(id)}`, { include: ['available_did'] });
      return toReservation(one(doc), new IncludedIndex(doc));
    },
    async deleteReservation(id) {
      await transport.json({ method: 'DELETE', path: `/did_reservations/${encodeURIComponent(id)}` }).catch(ignoreNotFound);
    },

    async getBalance() {
      return toBalance(one(await get('/balance')));
    },

    async createOrder(input: CreateOrderInput) {
      if (input.items.length === 0) throw new DidwwError({ kind: 'validation', status: 0, detail: 'an order needs at least one item' });
      const body = resourceBody('orders', {
        allow_back_ordering: input.allowBackOrdering ?? false,
        items: input.items.map(orderItem),
        external_reference_id: input.externalReferenceId,
        callback_url: input.callbackUrl,
        callback_method: input.callbackMethod?.toLowerCase(),
      });
      const ref = input.externalReferenceId;
      const doc = await transport.json({
        method: 'POST', path: '/orders', body,
        ...(ref ? { probe: () => findOrderDoc(ref) } : {}),
      });
      return toOrder(one(doc));
    },
    async getOrder(id) {
      return toOrder(one(await get(`/orders/${encodeURIComponent(id)}`)));
    },
    async findOrderByExternalReference(ref) {
      const doc = await findOrderDoc(ref);
      return doc ? toOrder(one(doc)) : null;
    },
    async cancelOrder(id) {
      await transport.json({ method: 'DELETE', path: `/orders/${encodeURIComponent(id)}` });
    },

    listDids: (f: DidFilter = {}) =>
      listAll('/dids', {
        include: DID_INCLUDES,
        filter: defined({ number: f.number, 'order.id': f.orderId, terminated: f.terminated }),
      }, toDid),
    async getDid(id) {
      const doc = await get(`/dids/${encodeURIComponent(id)}`, { include: DID_INCLUDES });
      return toDid(one(doc), new IncludedIndex(doc));
    },
    async updateDid(id, input: UpdateDidInput) {
      const rel: Record<string, { type: string; id: string } | null> = {};
      if (input.voiceInTrunkId !== undefined) rel.voice_in_trunk = input.voiceInTrunkId === null ? null : { type: 'voice_in_trunks', id: input.voiceInTrunkId };
      if (input.voiceInTrunkGroupId !== undefined) {
        rel.voice_in_trunk_group = input.voiceInTrunkGroupId === null ? null : { type: 'voice_in_trunk_groups', id: input.voiceInTrunkGroupId };
      }
      const body = resourceBody('dids', defined({ description: input.description, terminated: input.terminated, capacity_limit: input.capacityLimit }), rel, id);
      const doc = await transport.json({ method: 'PATCH', path: `/dids/${encodeURIComponent(id)}`, body, query: buildQuery({ include: DID_INCLUDES }) });
      return toDid(one(doc), new IncludedIndex(doc));
    },

    async createVoiceInTrunk(input) {
      const doc = await transport.json({ method: 'POST', path: '/voice_in_trunks', body: resourceBody('voice_in_trunks', trunkAttributes(input)) });
      return toVoiceInTrunk(one(doc));
    },
    async getVoiceInTrunk(id) {
      return toVoiceInTrunk(one(await get(`/voice_in_trunks/${encodeURIComponent(id)}`)));
    },
    async findVoiceInTrunkByExternalReference(ref) {
      const found = await listAll('/voice_in_trunks', { filter: { external_reference_id: ref } }, toVoiceInTrunk);
      return found[0] ?? null;
    },
    async updateVoiceInTrunk(id, input) {
      const body = resourceBody('voice_in_trunks', trunkAttributes(input), undefined, id);
      return toVoiceInTrunk(one(await transport.json({ method: 'PATCH', path: `/voice_in_trunks/${encodeURIComponent(id)}`, body })));
    },
    async deleteVoiceInTrunk(id) {
      await transport.json({ method: 'DELETE', path: `/voice_in_trunks/${encodeURIComponent(id)}` }).catch(ignoreNotFound);
    },
    async createVoiceInTrunkGroup(input) {
      const body = resourceBody('voice_in_trunk_groups', defined({ name: input.name, capacity_limit: input.capacityLimit }), groupMembers(input.trunkIds));
      return toVoiceInTrunkGroup(one(await transport.json({ method: 'POST', path: '/voice_in_trunk_groups', body, query: buildQuery({ include: ['voice_in_trunks'] }) })));
    },
    async findVoiceInTrunkGroupByName(name) {
      const doc = await get('/voice_in_trunk_groups', { filter: { name }, include: ['voice_in_trunks'] });
      const first = many(doc)[0];
      return first ? toVoiceInTrunkGroup(first) : null;
    },
    async updateVoiceInTrunkGroup(id, input) {
      const body = resourceBody('voice_in_trunk_groups', defined({ name: input.name, capacity_limit: input.capacityLimit }), input.trunkIds ? groupMembers(input.trunkIds) : undefined, id);
      const path = `/voice_in_trunk_groups/${encodeURIComponent(id)}`;
      return toVoiceInTrunkGroup(one(await transport.json({ method: 'PATCH', path, body, query: buildQuery({ include: ['voice_in_trunks'] }) })));
    },
    async deleteVoiceInTrunkGroup(id) {
      await transport.json({ method: 'DELETE', path: `/voice_in_trunk_groups/${encodeURIComponent(id)}` }).catch(ignoreNotFound);
    },

    async createCdrExport(input: CreateCdrExportInput) {
      const filters = useExports
        ? defined({ from: utc(input.from), to: utc(input.to), did_number: input.didNumber })
        : defined({ year: String(input.from.getUTCFullYear()), month: String(input.from.getUTCMonth() + 1), did_number: input.didNumber });
      const attributes = defined({
        filters,
        export_type: useExports ? 'cdr_in' : undefined,
        callback_url: input.callbackUrl,
        callback_method: input.callbackMethod?.toLowerCase(),
      });
      const doc = await transport.json({ method: 'POST', path: exportsPath, body: resourceBody(useExports ? 'exports' : 'cdr_exports', attributes) });
      return toCdrExport(one(doc));
    },
    async getCdrExport(id) {
      return toCdrExport(one(await get(`${exportsPath}/${encodeURIComponent(id)}`)));
    },
    async downloadCdrExport(exportOrUrl: CdrExport | string) {
      const url = typeof exportOrUrl === 'string' ? exportOrUrl : exportOrUrl.url;
      if (!url) throw new DidwwError({ kind: 'validation', status: 0, detail: 'export has no download URL yet' });
      return transport.bytes({ method: 'GET', path: url });
    },
  };
}

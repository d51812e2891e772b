/** Inbound trunks with a PSTN (`dst`) or SIP configuration. Deleting a trunk detaches its DIDs. */
import { incoming, list, route, single, type Ctx, type Route } from '../context';
import { errors, requireFilters } from '../jsonapi';
import type { TrunkRec } from '../store';

const CLI_FORMATS = ['raw', 'e164', 'local'];

function configuration(raw: unknown): TrunkRec['configuration'] {
  const c = (raw ?? null) as { type?: unknown; attributes?: Record<string, unknown> } | null;
  const p = '/data/attributes/configuration';
  if (!c || typeof c !== 'object') throw errors.validation(p, "configuration - can't be blank");
  const a = c.attributes ?? {};
  if (c.type === 'pstn_configurations') {
    if (typeof a.dst !== 'string' || !/^\d{6,15}$/.test(a.dst)) throw errors.validation(`${p}/dst`, 'dst - is invalid');
    return { type: c.type, attributes: { dst: a.dst } };
  }
  if (c.type === 'sip_configurations') {
    if (typeof a.host !== 'string' || a.host === '') throw errors.validation(`${p}/host`, "host - can't be blank");
    if (typeof a.username !== 'string' || a.username === '') throw errors.validation(`${p}/username`, "username - can't be blank");
    return { type: c.type, attributes: { port: 5060, codec_ids: [9, 7], transport_protocol_id: 1, auth_enabled: false, ...a } };
  }
  throw errors.validation(`${p}/type`, 'type - is not included in the list');
}

function apply(ctx: Ctx, t: TrunkRec, a: Record<string, unknown>): void {
  const num = (k: string, min: number, max: number, nullable = false) => {
    if (!(k in a)) return undefined;
    const v = a[k];
    if (v === null && nullable) return null;
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) throw errors.validation(`/data/attributes/${k}`, `${k} - must be between ${min} and ${max}`);
    return v as number;
  };
  if ('name' in a) {
    if (typeof a.name !== 'string' || a.name.trim() === '') throw errors.validation('/data/attributes/name', "name - can't be blank");
    const clash = [...ctx.store.trunks.values()].some((o) => o.id !== t.id && o.name === a.name);
    if (clash) throw errors.validation('/data/attributes/name', 'name - has already been taken');
    t.name = a.name;
  }
  const priority = num('priority', 0, 65535);
  if (priority !== undefined && priority !== null) t.priority = priority;
  const weight = num('weight', 0, 65535);
  if (weight !== undefined && weight !== null) t.weight = weight;
  const cap = num('capacity_limit', 0, 100000, true);
  if (cap !== undefined) t.capacityLimit = cap;
  const ring = num('ringing_timeout', 1, 120, true);
  if (ring !== undefined) t.ringingTimeout = ring;
  if ('cli_format' in a) {
    const v = String(a.cli_format).toLowerCase();
    if (!CLI_FORMATS.includes(v)) throw errors.validation('/data/attributes/cli_format', 'cli_format - is not included in the list');
    t.cliFormat = v;
  }
  if ('cli_prefix' in a) t.cliPrefix = a.cli_prefix === null ? null : String(a.cli_prefix);
  if ('description' in a) t.description = a.description === null ? null : String(a.description);
  if ('external_reference_id' in a) t.externalReferenceId = a.external_reference_id === null ? null : String(a.external_reference_id);
  if ('configuration' in a) t.configuration = configuration(a.configuration);
}

export const trunkRoutes: Route[] = [
  route('GET', '/voice_in_trunks', (ctx) => {
    requireFilters(ctx.query, ['name', 'external_reference_id', 'configuration.type', 'id']);
    const f = ctx.query.filter;
    const found = [...ctx.store.trunks.values()].filter((t) =>
      (!f.name || t.name === f.name) && (!f.external_reference_id || t.externalReferenceId === f.external_reference_id) &&
      (!f['configuration.type'] || t.configuration.type === f['configuration.type']) && (!f.id || t.id === f.id));
    return list(ctx, found.map(ctx.present.trunk));
  }),
  route('GET', '/voice_in_trunks/:id', (ctx) => {
    const t = ctx.store.trunks.get(ctx.params.id!);
    return single(ctx, t && ctx.present.trunk(t));
  }),
  route('POST', '/voice_in_trunks', (ctx) => {
    const a = incoming(ctx, 'voice_in_trunks').attributes;
    if (!('name' in a)) throw errors.validation('/data/attributes/name', "name - can't be blank");
    if (!('configuration' in a)) throw errors.validation('/data/attributes/configuration', "configuration - can't be blank");
    const t: TrunkRec = {
      id: ctx.store.newId(), name: '', priority: 1, weight: 65535, capacityLimit: null, ringingTimeout: null,
      cliFormat: 'raw', cliPrefix: null, description: null, externalReferenceId: null, createdAt: ctx.store.now(),
      configuration: { type: 'pstn_configurations', attributes: {} },
    };
    apply(ctx, t, a);
    ctx.store.trunks.set(t.id, t);
    return single(ctx, ctx.present.trunk(t), 201);
  }),
  route('PATCH', '/voice_in_trunks/:id', (ctx) => {
    const t = ctx.store.trunks.get(ctx.params.id!);
    if (!t) throw errors.notFound(ctx.params.id!);
    const draft = structuredClone(t);
    apply(ctx, draft, incoming(ctx, 'voice_in_trunks').attributes);
    Object.assign(t, draft);
    return single(ctx, ctx.present.trunk(t));
  }),
  route('DELETE', '/voice_in_trunks/:id', (ctx) => {
    if (!ctx.store.trunks.delete(ctx.params.id!)) throw errors.notFound(ctx.params.id!);
    for (const d of ctx.store.dids.values()) if (d.voiceInTrunkId === ctx.params.id) d.voiceInTrunkId = null;
    for (const g of ctx.store.trunkGroups.values()) g.trunkIds = g.trunkIds.filter((id) => id !== ctx.params.id);
    return { status: 204, doc: null };
  }),
];

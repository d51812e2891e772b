/** Trunk groups: an ordered set of voice-in trunks a DID rings in turn (failover). */
import { incoming, list, route, single, type Ctx, type Incoming, type Route } from '../context';
import { errors, requireFilters } from '../jsonapi';
import type { TrunkGroupRec } from '../store';

function members(ctx: Ctx, inc: Incoming): string[] | undefined {
  if (!('voice_in_trunks' in inc.relationships)) return undefined;
  const data = inc.relationships.voice_in_trunks?.data;
  if (!Array.isArray(data)) throw errors.validation('/data/relationships/voice_in_trunks', 'voice_in_trunks - is invalid');
  const ids = data.map((d) => String(d.id));
  if (ids.some((id) => !ctx.store.trunks.has(id))) throw errors.validation('/data/relationships/voice_in_trunks', 'voice_in_trunks - is invalid');
  return ids;
}

function apply(ctx: Ctx, g: TrunkGroupRec, inc: Incoming): void {
  const a = inc.attributes;
  if ('name' in a) {
    if (typeof a.name !== 'string' || a.name.trim() === '') throw errors.validation('/data/attributes/name', "name - can't be blank");
    if ([...ctx.store.trunkGroups.values()].some((o) => o.id !== g.id && o.name === a.name)) throw errors.validation('/data/attributes/name', 'name - has already been taken');
    g.name = a.name;
  }
  if ('capacity_limit' in a) g.capacityLimit = a.capacity_limit === null ? null : Number(a.capacity_limit);
  const ids = members(ctx, inc);
  if (ids) g.trunkIds = ids;
}

export const trunkGroupRoutes: Route[] = [
  route('GET', '/voice_in_trunk_groups', (ctx) => {
    requireFilters(ctx.query, ['name', 'id']);
    const f = ctx.query.filter;
    const found = [...ctx.store.trunkGroups.values()].filter((g) => (!f.name || g.name === f.name) && (!f.id || g.id === f.id));
    return list(ctx, found.map(ctx.present.trunkGroup));
  }),
  route('GET', '/voice_in_trunk_groups/:id', (ctx) => {
    const g = ctx.store.trunkGroups.get(ctx.params.id!);
    return single(ctx, g && ctx.present.trunkGroup(g));
  }),
  route('POST', '/voice_in_trunk_groups', (ctx) => {
    const inc = incoming(ctx, 'voice_in_trunk_groups');
    if (!('name' in inc.attributes)) throw errors.validation('/data/attributes/name', "name - can't be blank");
    const g: TrunkGroupRec = { id: ctx.store.newId(), name: '', capacityLimit: null, trunkIds: [], createdAt: ctx.store.now() };
    apply(ctx, g, inc);
    ctx.store.trunkGroups.set(g.id, g);
    return single(ctx, ctx.present.trunkGroup(g), 201);
  }),
  route('PATCH', '/voice_in_trunk_groups/:id', (ctx) => {
    const g = ctx.store.trunkGroups.get(ctx.params.id!);
    if (!g) throw errors.notFound(ctx.params.id!);
    const draft = structuredClone(g);
    apply(ctx, draft, incoming(ctx, 'voice_in_trunk_groups'));
    Object.assign(g, draft);
    return single(ctx, ctx.present.trunkGroup(g));
  }),
  route('DELETE', '/voice_in_trunk_groups/:id', (ctx) => {
    if (!ctx.store.trunkGroups.delete(ctx.params.id!)) throw errors.notFound(ctx.params.id!);
    for (const d of ctx.store.dids.values()) if (d.voiceInTrunkGroupId === ctx.params.id) d.voiceInTrunkGroupId = null;
    return { status: 204, doc: null };
  }),
];

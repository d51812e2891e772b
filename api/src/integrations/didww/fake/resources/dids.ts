/** Numbers the account owns: list, show, PATCH (trunk assignment, description, terminated, capacity). */
import { filterBool, incoming, list, relIdOf, route, single, type Route } from '../context';
import { errors, requireFilters } from '../jsonapi';

export const didRoutes: Route[] = [
  route('GET', '/dids', (ctx) => {
    requireFilters(ctx.query, ['number', 'order.id', 'terminated', 'did_group.id', 'voice_in_trunk.id', 'id', 'blocked']);
    const f = ctx.query.filter;
    const terminated = filterBool(f.terminated);
    const found = [...ctx.store.dids.values()].filter((d) =>
      (!f.number || d.number === f.number) && (!f['order.id'] || d.orderId === f['order.id']) &&
      (terminated === undefined || d.terminated === terminated) && (!f['did_group.id'] || d.didGroupId === f['did_group.id']) &&
      (!f['voice_in_trunk.id'] || d.voiceInTrunkId === f['voice_in_trunk.id']) && (!f.id || d.id === f.id));
    return list(ctx, found.map(ctx.present.did));
  }),
  route('GET', '/dids/:id', (ctx) => {
    const d = ctx.store.dids.get(ctx.params.id!);
    return single(ctx, d && ctx.present.did(d));
  }),
  route('PATCH', '/dids/:id', (ctx) => {
    const d = ctx.store.dids.get(ctx.params.id!);
    if (!d) throw errors.notFound(ctx.params.id!);
    const inc = incoming(ctx, 'dids');
    if (inc.id !== undefined && inc.id !== d.id) throw errors.badRequest('Key is not included in URL', `The URL does not support the key ${inc.id}`, '113');
    const a = inc.attributes;
    if ('terminated' in a) {
      if (typeof a.terminated !== 'boolean') throw errors.validation('/data/attributes/terminated', 'terminated - is not a boolean');
      d.terminated = a.terminated;
    }
    if ('description' in a) d.description = a.description === null ? null : String(a.description);
    if ('capacity_limit' in a) {
      const v = a.capacity_limit;
      if (v !== null && (!Number.isInteger(v) || (v as number) < 0)) throw errors.validation('/data/attributes/capacity_limit', 'capacity_limit - must be a non-negative integer');
      d.capacityLimit = v as number | null;
    }
    const trunkId = relIdOf(inc, 'voice_in_trunk');
    if (trunkId !== undefined) {
      if (trunkId !== null && !ctx.store.trunks.has(trunkId)) throw errors.validation('/data/relationships/voice_in_trunk', 'voice_in_trunk - is invalid');
      d.voiceInTrunkId = trunkId;
      // A DID rings one trunk or one trunk group, never both.
      if (trunkId !== null) d.voiceInTrunkGroupId = null;
    }
    const groupId = relIdOf(inc, 'voice_in_trunk_group');
    if (groupId !== undefined) {
      if (groupId !== null && !ctx.store.trunkGroups.has(groupId)) throw errors.validation('/data/relationships/voice_in_trunk_group', 'voice_in_trunk_group - is invalid');
      d.voiceInTrunkGroupId = groupId;
      if (groupId !== null) d.voiceInTrunkId = null;
    }
    return single(ctx, ctx.present.did(d));
  }),
];

/** Numbers in stock. Reserved, sold and "taken by someone else" numbers are not listed. */
import { list, route, single, type Ctx, type Route } from '../context';
import { requireFilters } from '../jsonapi';
import type { StockDid } from '../store';

/** True when a fault says another buyer just took this number. */
export function takenElsewhere(ctx: Ctx, s: StockDid): boolean {
  const taken = ctx.faults.scenario.takenNumbers;
  return taken.includes(s.number) || taken.includes(s.id);
}

export const availableDidRoutes: Route[] = [
  route('GET', '/available_dids', (ctx) => {
    requireFilters(ctx.query, ['did_group.id', 'country.id', 'number_contains', 'did_group.stock_keeping_units.id', 'id']);
    const f = ctx.query.filter;
    const out = [];
    for (const s of ctx.store.stock.values()) {
      if (s.status !== 'available' || takenElsewhere(ctx, s)) continue;
      if (f['did_group.id'] && s.didGroupId !== f['did_group.id']) continue;
      if (f['country.id'] && s.countryId !== f['country.id']) continue;
      if (f.number_contains && !s.number.includes(f.number_contains)) continue;
      if (f.id && s.id !== f.id) continue;
      if (f['did_group.stock_keeping_units.id'] && !(ctx.store.skusByGroup.get(s.didGroupId) ?? []).some((k) => k.id === f['did_group.stock_keeping_units.id'])) continue;
      out.push(ctx.present.stock(s));
    }
    return list(ctx, out);
  }),
  route('GET', '/available_dids/:id', (ctx) => {
    const s = ctx.store.stock.get(ctx.params.id!);
    return single(ctx, s && s.status === 'available' && !takenElsewhere(ctx, s) ? ctx.present.stock(s) : undefined);
  }),
];

/**
 * DID reservations: one available DID each, released on expiry or DELETE. DIDWW documents no
 * account-wide cap; the fake keeps a generous one so a runaway client still hits a wall.
 */
import { incoming, list, relIdOf, route, single, type Route } from '../context';
import { errors } from '../jsonapi';
import { takenElsewhere } from './available-dids';

export const MAX_LIVE_RESERVATIONS = 1000;

export const reservationRoutes: Route[] = [
  route('GET', '/did_reservations', (ctx) => list(ctx, [...ctx.store.reservations.values()].map(ctx.present.reservation))),
  route('GET', '/did_reservations/:id', (ctx) => {
    const r = ctx.store.reservations.get(ctx.params.id!);
    return single(ctx, r && ctx.present.reservation(r));
  }),
  route('POST', '/did_reservations', (ctx) => {
    const inc = incoming(ctx, 'did_reservations');
    const availableDidId = relIdOf(inc, 'available_did');
    if (!availableDidId) throw errors.validation('/data/relationships/available_did', "available_did - can't be blank");
    const s = ctx.store.stock.get(availableDidId);
    if (!s) throw errors.validation('/data/relationships/available_did', 'available_did - is invalid');
    if (s.status !== 'available' || ctx.fault.taken || takenElsewhere(ctx, s)) {
      throw errors.validation('/data/relationships/available_did', 'available_did - is not available');
    }
    if (ctx.store.reservations.size >= MAX_LIVE_RESERVATIONS) {
      throw errors.validation('/data', `limit of ${MAX_LIVE_RESERVATIONS} active DID reservations reached`);
    }
    const description = inc.attributes.description;
    const now = ctx.store.now();
    const r = {
      id: ctx.store.newId(), availableDidId, createdAt: now, expiresAt: now + ctx.store.reservationTtlMs,
      description: typeof description === 'string' ? description : null,
    };
    ctx.store.reservations.set(r.id, r);
    s.status = 'reserved';
    s.reservationId = r.id;
    return single(ctx, ctx.present.reservation(r), 201);
  }),
  route('DELETE', '/did_reservations/:id', (ctx) => {
    if (!ctx.store.reservations.has(ctx.params.id!)) throw errors.notFound(ctx.params.id!);
    ctx.store.releaseReservation(ctx.params.id!);
    return { status: 204, doc: null };
  }),
];

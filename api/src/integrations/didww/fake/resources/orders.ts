/**
 * Orders: consume stock and balance at creation, complete (or cancel) asynchronously, cancel on
 * DELETE while Pending. Items: sku_id + qty | sku_id + available_did_id | sku_id + did_reservation_id.
 */
import { usdToCents } from '../../money';
import { incoming, list, route, single, type Ctx, type Route } from '../context';
import { errors, HttpError, requireFilters } from '../jsonapi';
import type { OrderItemRec, OrderRec, StockDid } from '../store';
import { takenElsewhere } from './available-dids';

const ptr = (i: number, field: string) => `/data/attributes/items/${i}/${field}`;

function planItem(ctx: Ctx, raw: unknown, i: number, allowBackOrdering: boolean, picked: Set<string>): OrderItemRec {
  const item = (raw ?? {}) as { type?: unknown; attributes?: Record<string, unknown> };
  if (item.type !== 'did_order_items') throw errors.validation(`/data/attributes/items/${i}/type`, 'type - is invalid');
  const a = item.attributes ?? {};
  const sku = typeof a.sku_id === 'string' ? ctx.store.skus.get(a.sku_id) : undefined;
  if (!sku) throw errors.validation(ptr(i, 'sku_id'), 'sku_id - is invalid');
  const forms = ['qty', 'available_did_id', 'did_reservation_id'].filter((k) => a[k] !== undefined && a[k] !== null);
  if (forms.length !== 1) throw errors.validation(ptr(i, 'qty'), 'exactly one of qty, available_did_id or did_reservation_id is required');
  const base = {
    skuId: sku.id, didGroupId: sku.didGroupId,
    nrcCents: usdToCents(sku.setupPrice), mrcCents: usdToCents(sku.monthlyPrice),
    availableDidId: null as string | null, didReservationId: null as string | null, backordered: false,
  };
  const usable = (s: StockDid | undefined, reservationId?: string): s is StockDid =>
    !!s && !picked.has(s.id) && !takenElsewhere(ctx, s) && !ctx.fault.taken &&
    (s.status === 'available' || (reservationId !== undefined && s.status === 'reserved' && s.reservationId === reservationId));

  if (forms[0] === 'qty') {
    const qty = Number(a.qty);
    if (!Number.isInteger(qty) || qty < 1) throw errors.validation(ptr(i, 'qty'), 'qty - must be greater than 0');
    const chosen: string[] = [];
    if (!ctx.fault.outOfStock) {
      for (const s of ctx.store.stock.values()) {
        if (chosen.length === qty) break;
        if (s.didGroupId === sku.didGroupId && usable(s)) chosen.push(s.id);
      }
    }
    if (chosen.length < qty && !allowBackOrdering) throw errors.validation(ptr(i, 'qty'), 'qty - not enough DIDs in stock');
    chosen.forEach((id) => picked.add(id));
    return { ...base, qty, stockIds: chosen, backordered: chosen.length < qty };
  }
  if (forms[0] === 'available_did_id') {
    const s = ctx.store.stock.get(String(a.available_did_id));
    if (!s) throw errors.validation(ptr(i, 'available_did_id'), 'available_did_id - is invalid');
    if (s.didGroupId !== sku.didGroupId) throw errors.validation(ptr(i, 'sku_id'), 'sku_id - does not belong to the DID group of the available DID');
    if (ctx.fault.outOfStock) throw errors.validation(ptr(i, 'available_did_id'), 'available_did_id - out of stock');
    if (!usable(s)) throw errors.validation(ptr(i, 'available_did_id'), 'available_did_id - is not available');
    picked.add(s.id);
    return { ...base, qty: 1, stockIds: [s.id], availableDidId: s.id };
  }
  const r = ctx.store.reservations.get(String(a.did_reservation_id));
  if (!r) throw errors.validation(ptr(i, 'did_reservation_id'), 'did_reservation_id - is invalid or expired');
  const s = ctx.store.stock.get(r.availableDidId);
  if (s?.didGroupId !== sku.didGroupId) throw errors.validation(ptr(i, 'sku_id'), 'sku_id - does not belong to the DID group of the reservation');
  if (!usable(s, r.id)) throw errors.validation(ptr(i, 'did_reservation_id'), 'did_reservation_id - DID is not available');
  picked.add(s.id);
  return { ...base, qty: 1, stockIds: [s.id], didReservationId: r.id };
}

function createOrder(ctx: Ctx) {
  const inc = incoming(ctx, 'orders');
  const a = inc.attributes;
  if (!Array.isArray(a.items) || a.items.length === 0) throw errors.validation('/data/attributes/items', "items - can't be blank");
  const method = a.callback_method === undefined || a.callback_method === null ? null : String(a.callback_method).toLowerCase();
  if (method !== null && method !== 'get' && method !== 'post') throw errors.validation('/data/attributes/callback_method', 'callback_method - is not included in the list');
  if (a.callback_url !== undefined && a.callback_url !== null && !/^https?:\/\//.test(String(a.callback_url))) {
    throw errors.validation('/data/attributes/callback_url', 'callback_url - is invalid');
  }
  const ref = typeof a.external_reference_id === 'string' ? a.external_reference_id : null;
  if (ref !== null && ref.length > 100) throw errors.validation('/data/attributes/external_reference_id', 'external_reference_id - is too long (maximum is 100 characters)');
  const allowBack = a.allow_back_ordering !== false;
  const picked = new Set<string>();
  const items = a.items.map((raw, i) => planItem(ctx, raw, i, allowBack, picked));
  const amountCents = items.reduce((sum, i) => sum + (i.nrcCents + i.mrcCents) * i.qty, 0);
  if (ctx.fault.insufficientFunds || amountCents > ctx.store.balanceCents + ctx.store.creditCents) throw errors.insufficientFunds();

  const order: OrderRec = {
    id: ctx.store.newId(), reference: ctx.store.nextOrderReference(), status: 'Pending', amountCents,
    createdAt: ctx.store.now(), externalReferenceId: ref,
    callbackUrl: typeof a.callback_url === 'string' ? a.callback_url : null, callbackMethod: method, items,
  };
  for (const item of items) {
    if (item.didReservationId) ctx.store.reservations.delete(item.didReservationId);
    for (const id of item.stockIds) {
      const s = ctx.store.stock.get(id);
      if (s) {
        s.status = 'ordered';
        s.reservationId = null;
      }
    }
  }
  ctx.store.balanceCents -= amountCents;
  ctx.store.orders.set(order.id, order);
  ctx.store.counters.ordersCreated += 1;
  if (ref) ctx.store.count(ctx.store.counters.ordersByExternalReference, ref);
  ctx.lifecycle.scheduleOrder(order, ctx.fault.orderOutcome ?? 'complete');
  return single(ctx, ctx.present.order(order), 201);
}

export const orderRoutes: Route[] = [
  route('GET', '/orders', (ctx) => {
    requireFilters(ctx.query, ['external_reference_id', 'status', 'reference', 'id']);
    const f = ctx.query.filter;
    const found = [...ctx.store.orders.values()].filter((o) =>
      (!f.external_reference_id || o.externalReferenceId === f.external_reference_id) &&
      (!f.status || o.status.toLowerCase() === f.status.toLowerCase()) &&
      (!f.reference || o.reference === f.reference) && (!f.id || o.id === f.id));
    if (ctx.query.sort.length === 0) ctx.query.sort = ['-created_at'];
    return list(ctx, found.map(ctx.present.order));
  }),
  route('GET', '/orders/:id', (ctx) => {
    const o = ctx.store.orders.get(ctx.params.id!);
    return single(ctx, o && ctx.present.order(o));
  }),
  route('POST', '/orders', createOrder),
  route('DELETE', '/orders/:id', (ctx) => {
    const o = ctx.store.orders.get(ctx.params.id!);
    if (!o) throw errors.notFound(ctx.params.id!);
    if (o.status !== 'Pending') {
      throw new HttpError(422, [{ title: 'Invalid status', detail: `status - only Pending orders can be canceled (order is ${o.status})`, code: '100', source: { pointer: '/data/attributes/status' }, status: '422' }]);
    }
    ctx.lifecycle.cancelOrder(o.id);
    return { status: 204, doc: null };
  }),
];

/**
 * Asynchronous transitions of the fake: orders complete (DIDs appear) or cancel after a delay,
 * exports complete, and callbacks are delivered like DIDWW's (GET with query parameters, or POST
 * form-encoded `id`, `type`, `status`).
 */
import { buildCdrFile } from './cdr';
import type { OrderOutcome } from './faults';
import { generateSmsFor } from './sms';
import type { DidRec, ExportRec, FakeStore, OrderRec } from './store';

export interface LifecycleOptions {
  orderDelayMs: number;
  exportDelayMs: number;
  /** Days of synthetic call history before a DID was bought (keeps demo usage pages non-empty). */
  cdrBackfillDays: number;
  /** `form` (DIDWW's documented POST body) or `jsonapi` (a JSON:API document). */
  callbackFormat: 'form' | 'jsonapi';
}

export class Lifecycle {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly store: FakeStore, private readonly opts: LifecycleOptions) {}

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  scheduleOrder(order: OrderRec, outcome: OrderOutcome): void {
    if (outcome === 'pending' || order.items.some((i) => i.backordered)) return;
    this.later(this.opts.orderDelayMs, () => {
      if (outcome === 'canceled') this.cancelOrder(order.id);
      else this.completeOrder(order.id);
    });
  }

  /** Pending → Completed: the numbers become DIDs on the account. */
  completeOrder(id: string): boolean {
    const order = this.store.orders.get(id);
    if (!order || order.status !== 'Pending') return false;
    order.status = 'Completed';
    const now = this.store.now();
    for (const item of order.items) {
      const sku = this.store.skus.get(item.skuId);
      for (const stockId of item.stockIds) {
        const s = this.store.stock.get(stockId);
        if (!s) continue;
        const did: DidRec = {
          id: this.store.newId(), number: s.number, description: null, terminated: false, blocked: false,
          awaitingRegistration: false, expiresAt: now + 30 * 86_400_000, createdAt: now,
          channelsIncludedCount: sku?.channelsIncludedCount ?? 2, capacityLimit: null,
          didGroupId: s.didGroupId, orderId: order.id, voiceInTrunkId: null,
        };
        this.store.dids.set(did.id, did);
        const group = this.store.groups.get(did.didGroupId);
        if (group?.features.includes('sms')) this.store.sms.push(...generateSmsFor(did, 3));
      }
    }
    this.notify(order.callbackUrl, order.callbackMethod, { id: order.id, type: 'orders', status: 'completed' });
    return true;
  }

  /** Pending → Canceled: money back, numbers back in stock. */
  cancelOrder(id: string): boolean {
    const order = this.store.orders.get(id);
    if (!order || order.status !== 'Pending') return false;
    order.status = 'Canceled';
    this.store.balanceCents += order.amountCents;
    for (const item of order.items) {
      for (const stockId of item.stockIds) {
        const s = this.store.stock.get(stockId);
        if (s) {
          s.status = 'available';
          s.reservationId = null;
        }
      }
    }
    this.notify(order.callbackUrl, order.callbackMethod, { id: order.id, type: 'orders', status: 'canceled' });
    return true;
  }

  scheduleExport(exp: ExportRec): void {
    this.later(this.opts.exportDelayMs, () => {
      exp.file = buildCdrFile(this.store, exp, this.opts.cdrBackfillDays);
      exp.status = 'Completed';
      this.notify(exp.callbackUrl, exp.callbackMethod, { id: exp.id, type: exp.resource, status: 'completed' });
    });
  }

  private notify(url: string | null, method: string | null, payload: Record<string, string>): void {
    if (!url) return;
    const m = (method ?? 'post').toUpperCase();
    const at = new Date(this.store.now()).toISOString();
    const record = { url, method: m, payload, at, result: 'sending' as number | string };
    this.store.callbacks.push(record);
    let target = url;
    const init: RequestInit = { method: m, signal: AbortSignal.timeout(5_000) };
    if (m === 'GET') {
      const u = new URL(url);
      for (const [k, v] of Object.entries(payload)) u.searchParams.set(k, v);
      target = u.href;
    } else if (this.opts.callbackFormat === 'jsonapi') {
      init.headers = { 'Content-Type': 'application/vnd.api+json' };
      init.body = JSON.stringify({ data: { type: payload.type, id: payload.id, attributes: { status: payload.status } } });
    } else {
      init.headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      init.body = new URLSearchParams(payload).toString();
    }
    const p = fetch(target, init)
      .then(async (r) => {
        await r.arrayBuffer().catch(() => undefined);
        record.result = r.status;
      })
      .catch((e: unknown) => {
        record.result = `error: ${(e as Error).message}`;
      })
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.pending]);
  }
}

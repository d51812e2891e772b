/**
 * Asynchronous transitions of the fake: orders complete (DIDs appear) or cancel after a delay,
 * exports complete, and callbacks are delivered like DIDWW's (GET with query parameters, or POST
 * form-encoded `id`, `type`, `status`).
 */
import { buildCdrFile } from './cdr';
import type { OrderOutcome } from './faults';
import { generateSmsFor } from './sms';
import { seededRandom, type DemoAvailableDid } from '../../../demo/coverage';
import type { DidRec, ExportRec, FakeStore, OrderRec, SmsRec } from './store';

/** A DID the account owns from the start (the demo customer's numbers). */
export interface OwnedDid {
  number: DemoAvailableDid;
  didId: string;
  boughtAt: number;
}

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
  private readonly immediates = new Set<NodeJS.Immediate>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly intervals = new Set<NodeJS.Timeout>();

  constructor(private readonly store: FakeStore, private readonly opts: LifecycleOptions) {}

  private later(ms: number, fn: () => void): void {
    // "No delay" runs right after the response that scheduled it is written, before this process
    // reads another request: a 0 ms timer could still be pending when the next request arrives.
    if (ms <= 0) {
      const i = setImmediate(() => {
        this.immediates.delete(i);
        fn();
      });
      this.immediates.add(i);
      return;
    }
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
        if (group?.features.includes('sms')) this.deliverSms(generateSmsFor(did, 3));
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

  /** Adds DIDs the account already owns, taking their numbers out of stock. */
  adoptDids(owned: OwnedDid[]): void {
    for (const o of owned) {
      const s = this.store.stock.get(o.number.id);
      if (s) s.status = 'ordered';
      this.store.dids.set(o.didId, {
        id: o.didId, number: o.number.number, description: 'demo', terminated: false, blocked: false,
        awaitingRegistration: false, expiresAt: this.store.now() + 30 * 86_400_000, createdAt: o.boughtAt,
        channelsIncludedCount: 2, capacityLimit: null, didGroupId: o.number.didGroupId, orderId: 'demo', voiceInTrunkId: null,
      });
    }
  }

  /**
   * Inbound SMS as DIDWW's HTTP IN trunk sends them: a JSON body built from the trunk variables
   * ({SMS_UUID}, {SMS_SRC_ADDR}, {SMS_DST_ADDR}, {SMS_TEXT}, {SMS_TIME} in RFC 1123) to the
   * configured request URL, whose path carries our shared secret.
   */
  deliverSms(messages: SmsRec[]): void {
    this.store.sms.push(...messages);
    const url = this.store.smsWebhookUrl;
    if (!url) return;
    for (const m of messages) {
      const payload = { id: m.id, from: m.from, to: m.to, text: m.text, time: new Date(m.receivedAt).toUTCString() };
      this.send(url, 'POST', payload, { 'Content-Type': 'application/json' }, JSON.stringify(payload));
    }
  }

  /**
   * Demo traffic: every `everyMs`, each SMS-capable DID gets a message with probability `chance`,
   * decided by a seeded PRNG per tick and number, so a run is reproducible.
   */
  startSmsTraffic(everyMs: number, chance = 0.15): void {
    let tick = 0;
    const t = setInterval(() => {
      tick += 1;
      for (const did of this.store.dids.values()) {
        if (did.terminated || !this.store.groups.get(did.didGroupId)?.features.includes('sms')) continue;
        if (seededRandom(`traffic:${did.number}:${tick}`)() >= chance) continue;
        const seq = this.store.sms.filter((m) => m.didId === did.id).length;
        this.deliverSms(generateSmsFor(did, 1, seq, this.store.now() - (seq + 1) * 60_000));
      }
    }, everyMs);
    t.unref();
    this.intervals.add(t);
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
    if (m === 'GET') {
      const u = new URL(url);
      for (const [k, v] of Object.entries(payload)) u.searchParams.set(k, v);
      this.send(u.href, m, payload);
    } else if (this.opts.callbackFormat === 'jsonapi') {
      const body = JSON.stringify({ data: { type: payload.type, id: payload.id, attributes: { status: payload.status } } });
      this.send(url, m, payload, { 'Content-Type': 'application/vnd.api+json' }, body);
    } else {
      this.send(url, m, payload, { 'Content-Type': 'application/x-www-form-urlencoded' }, new URLSearchParams(payload).toString());
    }
  }

  private send(target: string, m: string, payload: Record<string, string>, headers?: Record<string, string>, body?: string): void {
    const record = { url: target, method: m, payload, at: new Date(this.store.now()).toISOString(), result: 'sending' as number | string };
    this.store.callbacks.push(record);
    const init: RequestInit = { method: m, signal: AbortSignal.timeout(5_000), ...(headers ? { headers } : {}), ...(body ? { body } : {}) };
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
    for (const i of this.immediates) clearImmediate(i);
    this.immediates.clear();
    for (const t of this.intervals) clearInterval(t);
    this.timers.clear();
    await Promise.allSettled([...this.pending]);
  }
}

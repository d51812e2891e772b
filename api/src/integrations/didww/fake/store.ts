/** In-memory state of the fake DIDWW account: coverage, stock, holds, orders, numbers, trunks, exports. */
import { randomUUID } from 'node:crypto';
import {
  demoAvailableNumbers, demoCoverage, type DemoAvailableDid, type DemoCity, type DemoCountry, type DemoCoverage,
  type DemoDidGroup, type DemoDidGroupType, type DemoRegion, type DemoSku,
} from '../../../demo/coverage';

export interface FakeDataset {
  coverage: DemoCoverage;
  numbers: DemoAvailableDid[];
}

export type StockStatus = 'available' | 'reserved' | 'ordered';
export interface StockDid extends DemoAvailableDid {
  status: StockStatus;
  reservationId: string | null;
}

export interface ReservationRec {
  id: string;
  availableDidId: string;
  description: string | null;
  createdAt: number;
  expiresAt: number;
}

export type OrderStatus = 'Pending' | 'Completed' | 'Canceled';
export interface OrderItemRec {
  skuId: string;
  didGroupId: string;
  qty: number;
  nrcCents: number;
  mrcCents: number;
  /** Stock numbers this line consumed. */
  stockIds: string[];
  availableDidId: string | null;
  didReservationId: string | null;
  backordered: boolean;
}
export interface OrderRec {
  id: string;
  reference: string;
  status: OrderStatus;
  amountCents: number;
  createdAt: number;
  externalReferenceId: string | null;
  callbackUrl: string | null;
  callbackMethod: string | null;
  items: OrderItemRec[];
}

export interface DidRec {
  id: string;
  number: string;
  description: string | null;
  terminated: boolean;
  blocked: boolean;
  awaitingRegistration: boolean;
  expiresAt: number;
  createdAt: number;
  channelsIncludedCount: number;
  capacityLimit: number | null;
  didGroupId: string;
  orderId: string;
  voiceInTrunkId: string | null;
  voiceInTrunkGroupId?: string | null;
}

export interface TrunkGroupRec {
  id: string;
  name: string;
  capacityLimit: number | null;
  /** Members in failover order (DIDWW orders them by each trunk's priority). */
  trunkIds: string[];
  createdAt: number;
}

export interface TrunkRec {
  id: string;
  name: string;
  priority: number;
  weight: number;
  capacityLimit: number | null;
  ringingTimeout: number | null;
  cliFormat: string;
  cliPrefix: string | null;
  description: string | null;
  externalReferenceId: string | null;
  createdAt: number;
  configuration: { type: string; attributes: Record<string, unknown> };
}

export interface ExportRec {
  id: string;
  resource: 'exports' | 'cdr_exports';
  exportType: string | null;
  status: 'Pending' | 'Completed';
  createdAt: number;
  filters: Record<string, string>;
  callbackUrl: string | null;
  callbackMethod: string | null;
  externalReferenceId: string | null;
  file: Buffer | null;
}

export interface SmsRec {
  id: string;
  didId: string;
  from: string;
  to: string;
  text: string;
  receivedAt: string;
}

export interface CallbackRec {
  url: string;
  method: string;
  payload: Record<string, string>;
  at: string;
  result: number | string;
}

export interface Counters {
  requests: number;
  byRoute: Record<string, number>;
  faultsInjected: Record<string, number>;
  ordersCreated: number;
  ordersByExternalReference: Record<string, number>;
  tokensIssued: number;
}

const freshCounters = (): Counters => ({
  requests: 0, byRoute: {}, faultsInjected: {}, ordersCreated: 0, ordersByExternalReference: {}, tokensIssued: 0,
});

export class FakeStore {
  readonly countries = new Map<string, DemoCountry>();
  readonly regions = new Map<string, DemoRegion>();
  readonly cities = new Map<string, DemoCity>();
  readonly groupTypes = new Map<string, DemoDidGroupType>();
  readonly groups = new Map<string, DemoDidGroup>();
  readonly skus = new Map<string, DemoSku>();
  readonly skusByGroup = new Map<string, DemoSku[]>();
  stock = new Map<string, StockDid>();
  reservations = new Map<string, ReservationRec>();
  orders = new Map<string, OrderRec>();
  dids = new Map<string, DidRec>();
  trunks = new Map<string, TrunkRec>();
  trunkGroups = new Map<string, TrunkGroupRec>();
  exports = new Map<string, ExportRec>();
  sms: SmsRec[] = [];
  /** Where inbound SMS are POSTed (our HTTP IN trunk's request URL); null: kept here only. */
  smsWebhookUrl: string | null = null;
  callbacks: CallbackRec[] = [];
  tokens = new Map<string, number>();
  counters = freshCounters();
  balanceCents: number;
  creditCents: number;
  clockOffsetMs = 0;
  private orderSeq = 0;

  constructor(
    private readonly dataset: FakeDataset,
    private readonly baseNow: () => number,
    private readonly initialBalanceCents: number,
    readonly reservationTtlMs: number,
  ) {
    const c = dataset.coverage;
    for (const x of c.countries) this.countries.set(x.id, x);
    for (const x of c.regions) this.regions.set(x.id, x);
    for (const x of c.cities) this.cities.set(x.id, x);
    for (const x of c.didGroupTypes) this.groupTypes.set(x.id, x);
    for (const x of c.didGroups) this.groups.set(x.id, x);
    for (const x of c.skus) {
      this.skus.set(x.id, x);
      this.skusByGroup.set(x.didGroupId, [...(this.skusByGroup.get(x.didGroupId) ?? []), x]);
    }
    this.balanceCents = initialBalanceCents;
    this.creditCents = 0;
    this.resetState();
  }

  now(): number {
    return this.baseNow() + this.clockOffsetMs;
  }

  /** Everything but coverage back to the initial state. */
  resetState(): void {
    this.stock = new Map(this.dataset.numbers.map((n) => [n.id, { ...n, status: 'available' as StockStatus, reservationId: null }]));
    this.reservations.clear();
    this.orders.clear();
    this.dids.clear();
    this.trunks.clear();
    this.trunkGroups.clear();
    this.exports.clear();
    this.sms = [];
    this.callbacks = [];
    this.tokens.clear();
    this.counters = freshCounters();
    this.balanceCents = this.initialBalanceCents;
    this.creditCents = 0;
    this.clockOffsetMs = 0;
    this.orderSeq = 0;
  }

  /** Releases holds whose time is up. Called at the start of every request. */
  expireReservations(): void {
    const now = this.now();
    for (const r of this.reservations.values()) {
      if (r.expiresAt <= now) this.releaseReservation(r.id);
    }
  }

  releaseReservation(id: string): void {
    const r = this.reservations.get(id);
    if (!r) return;
    this.reservations.delete(id);
    const s = this.stock.get(r.availableDidId);
    if (s && s.status === 'reserved' && s.reservationId === id) {
      s.status = 'available';
      s.reservationId = null;
    }
  }

  nextOrderReference(): string {
    this.orderSeq += 1;
    return `NNJ-${String(100000 + this.orderSeq)}`;
  }

  newId(): string {
    return randomUUID();
  }

  count(map: Record<string, number>, key: string): void {
    map[key] = (map[key] ?? 0) + 1;
  }

  snapshot(): Record<string, unknown> {
    const byStatus: Record<string, number> = {};
    for (const o of this.orders.values()) this.count(byStatus, o.status);
    let available = 0;
    for (const s of this.stock.values()) if (s.status === 'available') available++;
    return {
      counters: this.counters,
      balanceCents: this.balanceCents,
      creditCents: this.creditCents,
      stockAvailable: available,
      reservationsActive: this.reservations.size,
      orders: { total: this.orders.size, byStatus },
      dids: this.dids.size,
      trunks: this.trunks.size,
      trunkGroups: this.trunkGroups.size,
      exports: this.exports.size,
      sms: this.sms.length,
      callbacks: this.callbacks.length,
      clockOffsetMs: this.clockOffsetMs,
    };
  }
}

export function defaultDataset(perGroup?: number): FakeDataset {
  return { coverage: demoCoverage(), numbers: demoAvailableNumbers(perGroup === undefined ? {} : { perGroup }) };
}

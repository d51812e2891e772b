import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import type { NumberStatus } from '../../generated/prisma/enums';
import { decodeCursor, keysetAfter, timeIdCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { badInput } from '../../graphql/errors';
import type { ModuleDeps } from '../module-deps';
import { orderReference } from '../orders/order-view';
import type { CircuitBreaker, BreakerView } from './circuit-breaker';

/** Statuses that need (or may soon need) someone's attention. */
export const QUEUE_STATUSES: NumberStatus[] = ['PENDING', 'PROVISIONING', 'FAILED'];

export interface QueueItem {
  id: string;
  e164: string;
  status: NumberStatus;
  orderId: string;
  /** e.g. "NN-000042". */
  orderReference: string;
  customerEmail: string;
  paidAt: Date;
  ageSeconds: number;
  refunded: boolean;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
}

export interface ProvisioningMetrics {
  since: Date;
  activated: number;
  failed: number;
  inProgress: number;
  /** activated / (activated + failed); null when nothing finished in the window. */
  successRate: number | null;
  /** Paid → ACTIVE, milliseconds. */
  p50Ms: number | null;
  p95Ms: number | null;
  breaker: BreakerView;
}

const MAX_WINDOW_DAYS = 90;

/** Staff reads over provisioning: the queue of numbers still in flight or failed, and its figures. */
export class ProvisioningQueue {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly breaker: CircuitBreaker,
  ) {}

  /** Oldest first (the longest waiting on top), keyset-paged on (createdAt, id). */
  async list(filter: { statuses?: NumberStatus[] | null; numberId?: string | null }, limit: number, after: string | null | undefined): Promise<ConnectionShape<QueueItem>> {
    const statuses = filter.statuses?.length ? filter.statuses : QUEUE_STATUSES;
    if (statuses.some((s) => !QUEUE_STATUSES.includes(s))) throw badInput('The queue holds PENDING, PROVISIONING and FAILED numbers only.', ['filter', 'statuses']);
    if (filter.numberId && !z.uuid().safeParse(filter.numberId).success) throw badInput('Not a number id.', ['filter', 'numberId']);
    const cursor = decodeCursor(after, timeIdCursor);
    const where = { status: { in: statuses }, ...(filter.numberId ? { id: filter.numberId } : {}) };
    const keyset = cursor ? keysetAfter<Prisma.PurchasedNumberWhereInput>(cursor, 'createdAt', 'asc') : {};
    const rows = await this.deps.prisma.purchasedNumber.findMany({
      where: { ...where, ...keyset },
      include: {
        user: { select: { email: true } },
        orderLine: { select: { status: true, order: { select: { id: true, reference: true } } } },
        provisioning: { orderBy: { startedAt: 'desc' }, take: 1, select: { startedAt: true } },
        _count: { select: { provisioning: { where: { step: { not: 'RELEASE' } } } } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
    });
    const lastErrors = await this.deps.prisma.provisioningAttempt.findMany({
      where: { purchasedNumberId: { in: rows.map((r) => r.id) }, error: { not: null } },
      orderBy: { startedAt: 'desc' },
      distinct: ['purchasedNumberId'],
      select: { purchasedNumberId: true, error: true },
    });
    const errorOf = new Map(lastErrors.map((e) => [e.purchasedNumberId, e.error]));
    const now = this.deps.clock.now().getTime();
    return toConnection(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
      toNode: (r): QueueItem => ({
        id: r.id,
        e164: r.e164,
        status: r.status,
        orderId: r.orderLine.order.id,
        orderReference: orderReference(r.orderLine.order.reference),
        customerEmail: r.user.email,
        paidAt: r.createdAt,
        ageSeconds: Math.max(0, Math.floor((now - r.createdAt.getTime()) / 1000)),
        refunded: r.orderLine.status === 'REFUNDED',
        attempts: r._count.provisioning,
        lastError: errorOf.get(r.id) ?? r.failureReason,
        lastAttemptAt: r.provisioning[0]?.startedAt ?? null,
      }),
      count: () => this.deps.prisma.purchasedNumber.count({ where }),
    });
  }

  /** Success rate and paid→ACTIVE percentiles for numbers paid since `since` (at most 90 days back). */
  async metrics(since: Date | null | undefined): Promise<ProvisioningMetrics> {
    const now = this.deps.clock.now();
    const from = since ?? new Date(now.getTime() - 7 * 86_400_000);
    if (Number.isNaN(from.getTime()) || from > now) throw badInput('`since` must be a time in the past.', ['since']);
    if (now.getTime() - from.getTime() > MAX_WINDOW_DAYS * 86_400_000) throw badInput(`\`since\` may be at most ${MAX_WINDOW_DAYS} days ago.`, ['since']);
    // Paid = the number's creation (fulfilment creates it in the payment's transaction).
    const [row] = await this.deps.prisma.$queryRaw<Array<{ activated: number; failed: number; in_progress: number; p50: number | null; p95: number | null }>>`
      SELECT
        count(*) FILTER (WHERE activated_at IS NOT NULL)::int AS activated,
        count(*) FILTER (WHERE activated_at IS NULL AND status = 'FAILED')::int AS failed,
        count(*) FILTER (WHERE status IN ('PENDING', 'PROVISIONING'))::int AS in_progress,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM activated_at - created_at) * 1000) FILTER (WHERE activated_at IS NOT NULL) AS p50,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM activated_at - created_at) * 1000) FILTER (WHERE activated_at IS NOT NULL) AS p95
      FROM purchased_numbers WHERE created_at >= ${from}`;
    const activated = row?.activated ?? 0;
    const failed = row?.failed ?? 0;
    return {
      since: from,
      activated,
      failed,
      inProgress: row?.in_progress ?? 0,
      successRate: activated + failed > 0 ? activated / (activated + failed) : null,
      p50Ms: row?.p50 == null ? null : Math.round(Number(row.p50)),
      p95Ms: row?.p95 == null ? null : Math.round(Number(row.p95)),
      breaker: await this.breaker.view(),
    };
  }
}

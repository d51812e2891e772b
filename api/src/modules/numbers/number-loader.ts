import DataLoader from 'dataloader';
import type pg from 'pg';
import { Prisma } from '../../generated/prisma/client';
import type { NumberStatus } from '../../generated/prisma/enums';
import { pgRunner } from '../../db/sql-runner';
import { toNumberView } from './number-view';
import type { PurchasedNumber } from './numbers.types';

interface Row extends Record<string, unknown> {
  id: string;
  user_id: string;
  e164: string;
  country_id: string;
  status: NumberStatus;
  activated_at: Date | null;
  paid_until: Date | null;
  cancel_at_period_end: boolean;
  failure_reason: string | null;
  created_at: Date;
  order_id: string;
  monthly_price: number;
  currency: string;
  status_events: Array<{ fromStatus: NumberStatus | null; toStatus: NumberStatus; cause: string; at: string }>;
}

/**
 * Loads numbers many at once: every number asked for in one tick — the status changes of every
 * live subscriber, the lines of an order list — costs one query (plain SQL, timeline aggregated in
 * the database) instead of a Prisma query pair each. Each load carries its owner, so the caller can
 * check it; nothing is cached, as every event asks for the state after it.
 */
export class NumberLoader {
  private readonly loader: DataLoader<string, { userId: string; view: PurchasedNumber } | null>;

  constructor(pool: pg.Pool) {
    const sql = pgRunner(pool);
    this.loader = new DataLoader(
      async (ids) => {
        const rows = await sql.query<Row>(Prisma.sql`
          SELECT pn.id, pn.user_id, pn.e164, pn.country_id, pn.status::text AS status, pn.activated_at, pn.paid_until,
                 pn.cancel_at_period_end, pn.failure_reason, pn.created_at, ol.order_id, ol.monthly_price, ol.currency,
                 coalesce((SELECT json_agg(json_build_object('fromStatus', e.from_status, 'toStatus', e.to_status, 'cause', e.cause, 'at', e.created_at) ORDER BY e.created_at, e.id)
                           FROM number_status_events e WHERE e.purchased_number_id = pn.id), '[]'::json) AS status_events
          FROM purchased_numbers pn JOIN order_lines ol ON ol.id = pn.order_line_id
          WHERE pn.id = ANY(${[...ids]}::uuid[])`);
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => {
          const r = byId.get(id);
          return r ? { userId: r.user_id, view: toView(r) } : null;
        });
      },
      { cache: false, maxBatchSize: 500 },
    );
  }

  /** The number as it is now, or null when it does not exist or is not `userId`'s. */
  ofUser(userId: string, id: string): Promise<PurchasedNumber | null> {
    return this.visibleTo({ userId, staff: false }, id);
  }

  /** The number as it is now, or null when it does not exist or the viewer may not see it (staff see all). */
  async visibleTo(viewer: { userId: string; staff: boolean }, id: string): Promise<PurchasedNumber | null> {
    const found = await this.loader.load(id);
    return found && (viewer.staff || found.userId === viewer.userId) ? found.view : null;
  }
}

function toView(r: Row): PurchasedNumber {
  return toNumberView({
    id: r.id,
    e164: r.e164,
    countryId: r.country_id,
    status: r.status,
    activatedAt: r.activated_at,
    paidUntil: r.paid_until,
    cancelAtPeriodEnd: r.cancel_at_period_end,
    failureReason: r.failure_reason,
    createdAt: r.created_at,
    statusEvents: r.status_events.map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, cause: e.cause, createdAt: new Date(e.at) })),
    orderLine: { orderId: r.order_id, monthlyPrice: r.monthly_price, currency: r.currency },
  });
}

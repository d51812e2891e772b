import { phoneFormats } from '../../lib/phone-format';
import { Prisma } from '../../generated/prisma/client';
import { prismaRunner, type SqlRunner } from '../../db/sql-runner';
import { formatMoney, money } from '../../lib/money';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import { orderReference } from '../orders/order-view';

type Tx = Prisma.TransactionClient;

export const PROVISION_TASK = 'provision-number';

/** What the payment provider tells us about a paid checkout. */
export interface PaidCheckout {
  orderId: string;
  customerId: string | null;
  subscriptionId: string | null;
  invoiceId: string | null;
  paymentIntentId: string | null;
  chargeId: string | null;
  amountTotal: number;
  currency: string;
  /** Subscription item per order line, when known. */
  subscriptionItems: Map<string, string>;
  /** End of the first paid period, when known. */
  paidUntil: Date | null;
}

interface OrderToFulfil extends Record<string, unknown> {
  id: string;
  status: string;
  user_id: string;
  reference: number;
  currency: string;
  due_today: number;
  email: string;
  name: string;
  stripe_customer_id: string | null;
  lines: Array<{ e164: string; setupPrice: number; monthlyPrice: number }>;
}

/**
 * Turns a paid checkout into an order that is PAID, a payment row, purchased numbers waiting to be
 * provisioned, their provisioning jobs and the confirmation email — in the caller's ONE transaction.
 * Idempotent: an order already past PENDING is left as it is, so the webhook, a duplicate delivery
 * and the success page's confirmCheckout can all call it.
 *
 * Plain SQL, a fixed handful of statements whatever the order's size (the numbers, their timeline
 * rows and jobs are multi-row inserts): the Stripe webhook runs it on a pg transaction, and per-line
 * Prisma calls made a ten-number order cost more CPU than provisioning its numbers.
 */
export async function fulfilOrderSql(sql: SqlRunner, deps: ModuleDeps, email: EmailService, paid: PaidCheckout): Promise<'fulfilled' | 'already' | 'unknown'> {
  const now = deps.clock.now();
  // Row lock: concurrent fulfilments of one order queue up here, and the second sees PAID.
  const [order] = await sql.query<OrderToFulfil>(Prisma.sql`
    WITH o AS (SELECT id, status::text AS status, user_id, reference, currency, due_today FROM orders WHERE id = ${paid.orderId}::uuid FOR UPDATE)
    SELECT o.*, u.email, u.name, u.stripe_customer_id,
           (SELECT coalesce(json_agg(json_build_object('e164', l.e164, 'setupPrice', l.setup_price, 'monthlyPrice', l.monthly_price) ORDER BY l.id), '[]'::json)
            FROM order_lines l WHERE l.order_id = o.id) AS lines
    FROM o JOIN users u ON u.id = o.user_id`);
  if (!order) return 'unknown';
  if (!['PENDING', 'EXPIRED', 'CANCELED'].includes(order.status)) return 'already';

  const paidUntil = paid.paidUntil ?? new Date(now.getTime() + 30 * 86_400_000);
  const currency = paid.currency.toUpperCase();
  const itemLines = [...paid.subscriptionItems.keys()];
  const [done] = await sql.query<{ numbers: number; jobs: number }>(Prisma.sql`
    WITH ord AS (
      UPDATE orders SET status = 'PAID', paid_at = ${now}::timestamptz, stripe_subscription_id = ${paid.subscriptionId}, updated_at = ${now}::timestamptz
      WHERE id = ${order.id}::uuid RETURNING id),
    usr AS (
      UPDATE users SET stripe_customer_id = ${paid.customerId}, updated_at = ${now}::timestamptz
      WHERE id = ${order.user_id}::uuid AND stripe_customer_id IS NULL AND ${paid.customerId}::text IS NOT NULL RETURNING id),
    pay AS (
      INSERT INTO payments (id, order_id, kind, status, amount, currency, stripe_invoice_id, stripe_payment_intent_id, stripe_charge_id, created_at, updated_at)
      VALUES (uuidv7(), ${order.id}::uuid, 'INITIAL', 'SUCCEEDED', ${paid.amountTotal}::int, ${currency}, ${paid.invoiceId}, ${paid.paymentIntentId}, ${paid.chargeId}, ${now}::timestamptz, ${now}::timestamptz)
      RETURNING id),
    paid_ev AS (
      INSERT INTO order_events (id, order_id, type, message, data, created_at, updated_at)
      VALUES (uuidv7(), ${order.id}::uuid, 'paid', ${`Payment of ${formatMoney(money(paid.amountTotal, currency))} received.`}, ${JSON.stringify({ invoiceId: paid.invoiceId })}::jsonb,
              ${now}::timestamptz, ${now}::timestamptz)
      RETURNING id),
    items AS (SELECT * FROM unnest(${itemLines}::uuid[], ${itemLines.map((l) => paid.subscriptionItems.get(l)!)}::text[]) AS i(line_id, item_id)),
    nums AS (
      INSERT INTO purchased_numbers (id, user_id, order_line_id, country_id, did_group_id, e164, status, didww_order_reference, didww_reservation_id,
                                     stripe_subscription_item_id, paid_until, created_at, updated_at)
      SELECT uuidv7(), ${order.user_id}::uuid, l.id, an.country_id, an.did_group_id, l.e164, 'PENDING', uuidv7()::text, ci.didww_reservation_id,
             items.item_id, ${paidUntil}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM order_lines l JOIN available_numbers an ON an.id = l.available_number_id
      LEFT JOIN cart_items ci ON ci.available_number_id = l.available_number_id
      LEFT JOIN items ON items.line_id = l.id
      WHERE l.order_id = ${order.id}::uuid
      ORDER BY l.id
      RETURNING id),
    timeline AS (
      INSERT INTO number_status_events (id, purchased_number_id, from_status, to_status, cause, created_at, updated_at)
      SELECT uuidv7(), id, NULL, 'PENDING', ${`Paid in order ${orderReference(order.reference)}`}, ${now}::timestamptz, ${now}::timestamptz FROM nums
      RETURNING id),
    sold AS (
      UPDATE available_numbers SET status = 'SOLD', updated_at = ${now}::timestamptz
      WHERE id IN (SELECT available_number_id FROM order_lines WHERE order_id = ${order.id}::uuid) RETURNING id),
    -- The holds become the sale: the cart items go, their reservations travel with the purchased numbers.
    unheld AS (
      DELETE FROM cart_items WHERE available_number_id IN (SELECT available_number_id FROM order_lines WHERE order_id = ${order.id}::uuid) RETURNING id),
    jobs AS (
      SELECT graphile_worker.add_job(identifier => ${PROVISION_TASK}, payload => json_build_object('purchasedNumberId', id), max_attempts => 10, job_key => 'provision:' || id) AS job
      FROM nums)
    SELECT (SELECT count(*) FROM nums)::int AS numbers, (SELECT count(*) FROM jobs)::int AS jobs,
           (SELECT count(*) FROM ord) + (SELECT count(*) FROM usr) + (SELECT count(*) FROM pay) + (SELECT count(*) FROM paid_ev)
           + (SELECT count(*) FROM timeline) + (SELECT count(*) FROM sold) + (SELECT count(*) FROM unheld) AS touched`);
  if (done!.jobs !== done!.numbers) throw new Error(`fulfilment queued ${done!.jobs} jobs for ${done!.numbers} numbers`);

  const cur = order.currency.trim();
  await email.queueSql(sql, {
    to: order.email,
    userId: order.user_id,
    template: 'orderConfirmation',
    dedupeKey: `order-confirmation:${order.id}`,
    data: {
      name: order.name,
      orderReference: orderReference(order.reference),
      lines: order.lines.map((l) => ({
        e164: l.e164,
        national: nationalFormat(l.e164),
        setup: money(l.setupPrice, cur),
        monthly: money(l.monthlyPrice, cur),
      })),
      dueToday: money(order.due_today, cur),
      orderUrl: `${deps.config.WEB_URL}/orders/${order.id}`,
    },
  });
  return 'fulfilled';
}

/** The same, inside a Prisma interactive transaction (confirmCheckout, rarer webhook paths, tests). */
export function fulfilOrder(tx: Tx, deps: ModuleDeps, email: EmailService, paid: PaidCheckout): Promise<'fulfilled' | 'already' | 'unknown'> {
  return fulfilOrderSql(prismaRunner(tx), deps, email, paid);
}

export function nationalFormat(e164: string): string {
  return phoneFormats(e164).national;
}

import type Stripe from 'stripe';
import { Prisma } from '../../generated/prisma/client';
import type { SqlRunner } from '../../db/sql-runner';
import { formatMoney, money } from '../../lib/money';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import { nationalFormat } from './fulfilment';
import { invoiceChargeId, invoicePaymentIntentId, invoicePeriodEnd, invoiceSubscriptionId } from './stripe-objects';

/**
 * Renewals and failed renewals, as plain SQL on the webhook's own pg transaction. They are the
 * webhook's hot path — every subscription renews on its anniversary, so they arrive in bursts — and
 * a Prisma interactive transaction spent far more CPU per statement than the statements themselves.
 * Same rules as the rest of StripeEvents: any delivery order ends in the same state. The status
 * moves here (ACTIVE → PAST_DUE, PAST_DUE/SUSPENDED → ACTIVE) are ones provisioning/number-status.ts
 * allows, each recorded in number_status_events like every other transition.
 */
export class BillingEvents {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly email: EmailService,
  ) {}

  /** invoice.paid: the payment recorded once, paid-until extended, lapsed numbers live again. */
  async invoicePaid(sql: SqlRunner, invoice: Stripe.Invoice): Promise<void> {
    const subscriptionId = invoiceSubscriptionId(invoice);
    if (!subscriptionId || !invoice.id) return;
    const order = await this.orderOf(sql, subscriptionId);
    if (!order) return;
    const now = this.deps.clock.now();
    if (invoice.billing_reason === 'subscription_create') {
      await sql.query(Prisma.sql`
        UPDATE payments SET stripe_invoice_id = ${invoice.id}, updated_at = ${now}::timestamptz
        WHERE order_id = ${order.id}::uuid AND kind = 'INITIAL' AND stripe_invoice_id IS NULL RETURNING id`);
    } else {
      const currency = invoice.currency.toUpperCase();
      // Stripe retries the same invoice after a failure; its success settles the failed payment.
      // The payment and, when it changed, the timeline entry: one round trip.
      await sql.query(Prisma.sql`
        WITH prev AS (SELECT id, status FROM payments WHERE stripe_invoice_id = ${invoice.id} FOR UPDATE),
        ins AS (
          INSERT INTO payments (id, order_id, kind, status, amount, currency, stripe_invoice_id, stripe_charge_id, stripe_payment_intent_id, created_at, updated_at)
          SELECT uuidv7(), ${order.id}::uuid, 'RENEWAL', 'SUCCEEDED', ${invoice.amount_paid}::int, ${currency}, ${invoice.id},
                 ${invoiceChargeId(invoice)}, ${invoicePaymentIntentId(invoice)}, ${now}::timestamptz, ${now}::timestamptz
          WHERE NOT EXISTS (SELECT 1 FROM prev)
          ON CONFLICT (stripe_invoice_id) DO NOTHING RETURNING id),
        upd AS (
          UPDATE payments p SET status = 'SUCCEEDED', amount = ${invoice.amount_paid}::int, currency = ${currency},
                 stripe_charge_id = ${invoiceChargeId(invoice)}, stripe_payment_intent_id = ${invoicePaymentIntentId(invoice)},
                 failure_message = NULL, updated_at = ${now}::timestamptz
          FROM prev WHERE p.id = prev.id AND prev.status = 'FAILED' RETURNING p.id)
        INSERT INTO order_events (id, order_id, type, message, data, created_at, updated_at)
        SELECT uuidv7(), ${order.id}::uuid, 'renewed', ${`Renewal of ${formatMoney(money(invoice.amount_paid, currency))} paid.`}, '{}', ${now}::timestamptz, ${now}::timestamptz
        WHERE EXISTS (SELECT 1 FROM ins) OR EXISTS (SELECT 1 FROM upd)
        RETURNING id`);
    }
    const periodEnd = invoicePeriodEnd(invoice);
    await sql.query(Prisma.sql`
      WITH n AS (${liveNumbersOf(order.id)}),
      upd AS (
        UPDATE purchased_numbers p
        SET paid_until = CASE WHEN ${periodEnd}::timestamptz > coalesce(n.paid_until, '-infinity') THEN ${periodEnd}::timestamptz ELSE n.paid_until END,
            status = CASE WHEN n.status IN ('PAST_DUE', 'SUSPENDED') THEN 'ACTIVE'::"NumberStatus" ELSE n.status END,
            grace_until = CASE WHEN n.status IN ('PAST_DUE', 'SUSPENDED') THEN NULL ELSE p.grace_until END,
            updated_at = ${now}::timestamptz
        FROM n WHERE p.id = n.id
        RETURNING p.id, n.status AS was)
      INSERT INTO number_status_events (id, purchased_number_id, from_status, to_status, cause, created_at, updated_at)
      SELECT uuidv7(), id, was, 'ACTIVE', 'Payment received', ${now}::timestamptz, ${now}::timestamptz
      FROM upd WHERE was IN ('PAST_DUE', 'SUSPENDED')
      RETURNING id`);
  }

  /** invoice.payment_failed: live numbers PAST_DUE with a grace period, the failure recorded, a dunning email. */
  async invoiceFailed(sql: SqlRunner, invoice: Stripe.Invoice): Promise<void> {
    const subscriptionId = invoiceSubscriptionId(invoice);
    if (!subscriptionId) return;
    const order = await this.orderOf(sql, subscriptionId);
    if (!order) return;
    const now = this.deps.clock.now();
    const graceUntil = new Date(now.getTime() + this.deps.config.GRACE_DAYS * 86_400_000);
    const numbers = await sql.query<{ e164: string }>(Prisma.sql`
      WITH n AS (${liveNumbersOf(order.id)}),
      upd AS (
        UPDATE purchased_numbers p SET status = 'PAST_DUE', grace_until = ${graceUntil}::timestamptz, updated_at = ${now}::timestamptz
        FROM n WHERE p.id = n.id AND n.status = 'ACTIVE' RETURNING p.id),
      events AS (
        INSERT INTO number_status_events (id, purchased_number_id, from_status, to_status, cause, created_at, updated_at)
        SELECT uuidv7(), id, 'ACTIVE', 'PAST_DUE', 'Renewal payment failed', ${now}::timestamptz, ${now}::timestamptz FROM upd)
      SELECT n.e164 FROM n ORDER BY n.e164`);
    // The failed payment (once per invoice) and the timeline entry: one round trip.
    const failedPayment = invoice.id
      ? Prisma.sql`, pay AS (
          INSERT INTO payments (id, order_id, kind, status, amount, currency, stripe_invoice_id, failure_message, created_at, updated_at)
          VALUES (uuidv7(), ${order.id}::uuid, ${invoice.billing_reason === 'subscription_create' ? 'INITIAL' : 'RENEWAL'}::"PaymentKind", 'FAILED',
                  ${invoice.amount_due}::int, ${invoice.currency.toUpperCase()}, ${invoice.id}, 'Payment failed', ${now}::timestamptz, ${now}::timestamptz)
          ON CONFLICT (stripe_invoice_id) DO NOTHING RETURNING id)`
      : Prisma.empty;
    await sql.query(Prisma.sql`
      WITH ev AS (
        INSERT INTO order_events (id, order_id, type, message, data, created_at, updated_at)
        VALUES (uuidv7(), ${order.id}::uuid, 'payment_failed', 'A renewal payment failed; the numbers stay live during the grace period.', '{}', ${now}::timestamptz, ${now}::timestamptz)
        RETURNING id)${failedPayment}
      SELECT id FROM ev`);
    if (numbers.length === 0) return;
    await this.email.queueSql(sql, {
      to: order.email,
      userId: order.user_id,
      template: 'paymentFailed',
      dedupeKey: `payment-failed:${invoice.id ?? `${subscriptionId}:${now.toISOString()}`}`,
      data: { name: order.name, numbers: numbers.map((n) => ({ e164: n.e164, national: nationalFormat(n.e164) })), graceUntil, billingUrl: `${this.deps.config.WEB_URL}/orders/${order.id}` },
    });
  }

  private async orderOf(sql: SqlRunner, subscriptionId: string) {
    const [order] = await sql.query<{ id: string; user_id: string; email: string; name: string }>(Prisma.sql`
      SELECT o.id, o.user_id, u.email, u.name FROM orders o JOIN users u ON u.id = o.user_id
      WHERE o.stripe_subscription_id = ${subscriptionId} ORDER BY o.created_at LIMIT 1`);
    return order ?? null;
  }
}

/** The order's numbers that billing still concerns, locked for the update that follows. */
function liveNumbersOf(orderId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT pn.id, pn.status, pn.paid_until, pn.e164
    FROM purchased_numbers pn JOIN order_lines ol ON ol.id = pn.order_line_id
    WHERE ol.order_id = ${orderId}::uuid AND pn.status NOT IN ('RELEASED', 'RELEASING', 'FAILED')
    FOR UPDATE OF pn`;
}

import type Stripe from 'stripe';
import type pg from 'pg';
import { Prisma } from '../../generated/prisma/client';
import { pgRunner, pgTransaction, prismaRunner, type SqlRunner } from '../../db/sql-runner';
import { BillingEvents } from './billing-events';
import { enqueueJob } from '../../jobs/enqueue';
import type { PaymentGateway } from '../../integrations/stripe/types';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import { fulfilOrderSql, type PaidCheckout } from './fulfilment';
import { paidCheckoutFromSession } from './paid-checkout';
import { invoicePeriodEnd, invoiceSubscriptionId, invoiceSubscriptionMetadata } from './stripe-objects';
import { UUID } from '../../lib/ids';
import { note } from '../provisioning/number-status';

type Tx = Prisma.TransactionClient;

/** invoice.paid for a renewal (not the first invoice, which may fulfil an order) or invoice.payment_failed. */
function isRenewalOrFailure(event: Stripe.Event): boolean {
  return event.type === 'invoice.payment_failed' || (event.type === 'invoice.paid' && event.data.object.billing_reason !== 'subscription_create');
}

/**
 * The event's row, inserted in the same transaction as its effects: a concurrent duplicate finds it
 * (or waits on it, then finds it) and does nothing.
 */
async function claim(sql: SqlRunner, event: Stripe.Event): Promise<boolean> {
  const claimed = await sql.query<{ id: string }>(Prisma.sql`
    INSERT INTO stripe_events (id, type, payload, processed_at, created_at, updated_at)
    VALUES (${event.id}, ${event.type}, ${JSON.stringify(event)}::jsonb, now(), now(), now())
    ON CONFLICT (id) DO NOTHING RETURNING id`);
  return claimed.length > 0;
}

export const RELEASE_NUMBER_TASK = 'release-number';

/** Queues a number's release (keyed per number: queuing it again only moves the waiting job). */
export function queueRelease(db: Parameters<typeof enqueueJob>[0], numberId: string, runAt?: Date): Promise<void> {
  return enqueueJob(db, RELEASE_NUMBER_TASK, { purchasedNumberId: numberId }, { jobKey: `release:${numberId}`, runAt, maxAttempts: 10 });
}

/**
 * Stripe events drive payment state (the redirect only shows it). Each event id is handled once:
 * its row in stripe_events is inserted in the same transaction as its effects, so a duplicate
 * delivery — even a concurrent one — finds the row and does nothing, and a failed attempt leaves
 * no row, so Stripe's retry runs it again. Handlers are written so any delivery order ends in the
 * same state.
 */
export class StripeEvents {
  private readonly billing: BillingEvents;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly email: EmailService,
    private readonly payments: PaymentGateway,
    /** Renewals and failures run on a plain pg transaction (see billing-events.ts). */
    private readonly pool: pg.Pool,
  ) {
    this.billing = new BillingEvents(deps, email);
  }

  async handle(event: Stripe.Event): Promise<'processed' | 'duplicate'> {
    // Renewals and failures need nothing from Stripe first, so no duplicate pre-check: the claim in
    // the transaction catches duplicates (they arrive in bursts, and every round trip shows in the tail).
    const [seen] = isRenewalOrFailure(event) ? [] : await pgRunner(this.pool).query(Prisma.sql`SELECT 1 AS seen FROM stripe_events WHERE id = ${event.id}`);
    if (seen) return 'duplicate';
    // Network calls happen before the transaction: never hold row locks while waiting on Stripe.
    const paid = await this.paidCheckoutFor(event);
    // Payments, renewals and failures — the webhook's hot path — run on a plain pg transaction.
    if (event.type === 'checkout.session.completed' || event.type === 'invoice.paid' || event.type === 'invoice.payment_failed') {
      return pgTransaction(this.pool, async (sql) => {
        if (!(await claim(sql, event))) return 'duplicate' as const;
        if (paid) await fulfilOrderSql(sql, this.deps, this.email, paid);
        if (event.type === 'checkout.session.completed') return 'processed' as const;
        if (event.type === 'invoice.paid') await this.billing.invoicePaid(sql, event.data.object);
        else await this.billing.invoiceFailed(sql, event.data.object);
        return 'processed' as const;
      });
    }
    return this.deps.prisma.$transaction(
      async (tx) => {
        if (!(await claim(prismaRunner(tx), event))) return 'duplicate' as const;
        await this.apply(tx, event);
        return 'processed' as const;
      },
      { timeout: 20_000 },
    );
  }

  /** For events that mean "paid", the checkout facts fulfilment needs (fetched from Stripe). */
  private async paidCheckoutFor(event: Stripe.Event): Promise<PaidCheckout | null> {
    if (event.type === 'checkout.session.completed') {
      const s = event.data.object;
      const orderId = s.metadata?.orderId ?? s.client_reference_id;
      if (!orderId || !UUID.test(orderId) || s.payment_status !== 'paid') return null;
      return paidCheckoutFromSession(await this.payments.retrieveCheckoutSession(s.id), orderId);
    }
    if (event.type === 'invoice.paid' && event.data.object.billing_reason === 'subscription_create') {
      // The first invoice can arrive before checkout.session.completed: fulfil from it just the same.
      const invoice = event.data.object;
      const subscriptionId = invoiceSubscriptionId(invoice);
      const metaOrderId = invoiceSubscriptionMetadata(invoice).orderId;
      const order = await this.deps.prisma.order.findFirst({
        where: { OR: [...(subscriptionId ? [{ stripeSubscriptionId: subscriptionId }] : []), ...(metaOrderId && UUID.test(metaOrderId) ? [{ id: metaOrderId }] : [])] },
      });
      if (!order?.stripeCheckoutSessionId || order.status !== 'PENDING') return null;
      const paid = paidCheckoutFromSession(await this.payments.retrieveCheckoutSession(order.stripeCheckoutSessionId), order.id);
      return { ...paid, paidUntil: invoicePeriodEnd(invoice) };
    }
    return null;
  }

  private async apply(tx: Tx, event: Stripe.Event): Promise<void> {
    switch (event.type) {
      case 'checkout.session.expired':
        return this.sessionExpired(tx, event.data.object);
      case 'customer.subscription.deleted':
        return this.subscriptionDeleted(tx, event.data.object);
      case 'charge.refunded':
        return this.chargeRefunded(tx, event.data.object);
      default:
        // Recorded (so it is never reprocessed) and otherwise ignored.
        return;
    }
  }

  private async sessionExpired(tx: Tx, s: Stripe.Checkout.Session): Promise<void> {
    const orderId = s.metadata?.orderId ?? s.client_reference_id;
    if (!orderId || !UUID.test(orderId)) return;
    const { count } = await tx.order.updateMany({ where: { id: orderId, status: 'PENDING' }, data: { status: 'EXPIRED' } });
    if (count) await tx.orderEvent.create({ data: { orderId, type: 'expired', message: 'Checkout ended without payment.' } });
  }

  private async subscriptionDeleted(tx: Tx, sub: Stripe.Subscription): Promise<void> {
    const order = await tx.order.findFirst({ where: { stripeSubscriptionId: sub.id } });
    if (!order) return;
    const now = this.deps.clock.now();
    const numbers = await tx.purchasedNumber.findMany({ where: { orderLine: { orderId: order.id }, status: { notIn: ['RELEASED', 'RELEASING', 'FAILED'] } } });
    for (const n of numbers) {
      await tx.purchasedNumber.update({ where: { id: n.id }, data: { cancelAtPeriodEnd: true } });
      await note(tx, n.id, n.status, 'Subscription ended: release scheduled');
      const runAt = n.paidUntil && n.paidUntil > now ? n.paidUntil : now;
      await queueRelease(tx, n.id, runAt);
    }
    await tx.orderEvent.create({ data: { orderId: order.id, type: 'subscription_ended', message: 'Subscription ended; the numbers will be released at the end of the paid period.' } });
  }

  private async chargeRefunded(tx: Tx, charge: Stripe.Charge): Promise<void> {
    const payment = await tx.payment.findFirst({ where: { stripeChargeId: charge.id } });
    if (!payment) return;
    const refunded = Math.min(charge.amount_refunded, payment.amount);
    await tx.payment.update({
      where: { id: payment.id },
      data: { refundedAmount: refunded, status: refunded >= payment.amount ? 'REFUNDED' : refunded > 0 ? 'PARTIALLY_REFUNDED' : payment.status },
    });
    for (const r of charge.refunds?.data ?? []) {
      const known = await tx.refund.findUnique({ where: { stripeRefundId: r.id } });
      if (known) continue;
      const lineId = r.metadata?.orderLineId;
      await tx.refund.create({
        data: {
          paymentId: payment.id, orderLineId: lineId && UUID.test(lineId) ? lineId : null, amount: r.amount,
          currency: r.currency.toUpperCase(), reason: r.reason ?? 'Refunded in Stripe', stripeRefundId: r.id,
        },
      });
    }
  }
}

import type Stripe from 'stripe';
import type { Prisma } from '../../generated/prisma/client';
import { enqueueJob } from '../../jobs/enqueue';
import { formatMoney, money } from '../../lib/money';
import type { PaymentGateway } from '../../integrations/stripe/types';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import { fulfilOrder, nationalFormat, type PaidCheckout } from './fulfilment';
import { paidCheckoutFromSession } from './paid-checkout';
import { invoiceChargeId, invoicePaymentIntentId, invoicePeriodEnd, invoiceSubscriptionId, invoiceSubscriptionMetadata } from './stripe-objects';
import { UUID } from '../../lib/ids';
import { note, transition } from '../provisioning/number-status';

type Tx = Prisma.TransactionClient;

export const RELEASE_NUMBER_TASK = 'release-number';

/**
 * Stripe events drive payment state (the redirect only shows it). Each event id is handled once:
 * its row in stripe_events is inserted in the same transaction as its effects, so a duplicate
 * delivery — even a concurrent one — finds the row and does nothing, and a failed attempt leaves
 * no row, so Stripe's retry runs it again. Handlers are written so any delivery order ends in the
 * same state.
 */
export class StripeEvents {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly email: EmailService,
    private readonly payments: PaymentGateway,
  ) {}

  async handle(event: Stripe.Event): Promise<'processed' | 'duplicate'> {
    const { prisma } = this.deps;
    if (await prisma.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return 'duplicate';
    // Network calls happen before the transaction: never hold row locks while waiting on Stripe.
    const paid = await this.paidCheckoutFor(event);
    return prisma.$transaction(
      async (tx) => {
        const claimed = await tx.$queryRaw<Array<{ id: string }>>`
          INSERT INTO stripe_events (id, type, payload, processed_at, created_at, updated_at)
          VALUES (${event.id}, ${event.type}, ${JSON.stringify(event)}::jsonb, now(), now(), now())
          ON CONFLICT (id) DO NOTHING RETURNING id`;
        if (claimed.length === 0) return 'duplicate' as const;
        await this.apply(tx, event, paid);
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

  private async apply(tx: Tx, event: Stripe.Event, paid: PaidCheckout | null): Promise<void> {
    switch (event.type) {
      case 'checkout.session.completed':
        if (paid) await fulfilOrder(tx, this.deps, this.email, paid);
        return;
      case 'checkout.session.expired':
        return this.sessionExpired(tx, event.data.object);
      case 'invoice.paid':
        if (paid) await fulfilOrder(tx, this.deps, this.email, paid);
        return this.invoicePaid(tx, event.data.object);
      case 'invoice.payment_failed':
        return this.invoiceFailed(tx, event.data.object);
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

  private async invoicePaid(tx: Tx, invoice: Stripe.Invoice): Promise<void> {
    const subscriptionId = invoiceSubscriptionId(invoice);
    if (!subscriptionId || !invoice.id) return;
    const order = await tx.order.findFirst({ where: { stripeSubscriptionId: subscriptionId } });
    if (!order) return;
    const periodEnd = invoicePeriodEnd(invoice);
    if (invoice.billing_reason === 'subscription_create') {
      await tx.payment.updateMany({ where: { orderId: order.id, kind: 'INITIAL', stripeInvoiceId: null }, data: { stripeInvoiceId: invoice.id } });
    } else {
      const exists = await tx.payment.findUnique({ where: { stripeInvoiceId: invoice.id } });
      const paidFields = {
        status: 'SUCCEEDED' as const, amount: invoice.amount_paid, currency: invoice.currency.toUpperCase(),
        stripeChargeId: invoiceChargeId(invoice), stripePaymentIntentId: invoicePaymentIntentId(invoice), failureMessage: null,
      };
      if (!exists) {
        await tx.payment.create({ data: { orderId: order.id, kind: 'RENEWAL', stripeInvoiceId: invoice.id, ...paidFields } });
      } else if (exists.status === 'FAILED') {
        // Stripe retries the same invoice after a failure; its success settles the failed payment.
        await tx.payment.update({ where: { id: exists.id }, data: paidFields });
      }
      if (!exists || exists.status === 'FAILED') {
        await tx.orderEvent.create({ data: { orderId: order.id, type: 'renewed', message: `Renewal of ${formatMoney(money(invoice.amount_paid, invoice.currency.toUpperCase()))} paid.` } });
      }
    }
    const numbers = await tx.purchasedNumber.findMany({ where: { orderLine: { orderId: order.id }, status: { notIn: ['RELEASED', 'RELEASING', 'FAILED'] } } });
    for (const n of numbers) {
      const later = periodEnd && (!n.paidUntil || periodEnd > n.paidUntil) ? periodEnd : n.paidUntil;
      const recovering = n.status === 'PAST_DUE' || n.status === 'SUSPENDED';
      await tx.purchasedNumber.update({ where: { id: n.id }, data: { paidUntil: later } });
      if (recovering) await transition(tx, { numberId: n.id, from: ['PAST_DUE', 'SUSPENDED'], to: 'ACTIVE', cause: 'Payment received', data: { graceUntil: null } });
    }
  }

  private async invoiceFailed(tx: Tx, invoice: Stripe.Invoice): Promise<void> {
    const subscriptionId = invoiceSubscriptionId(invoice);
    if (!subscriptionId) return;
    const order = await tx.order.findFirst({ where: { stripeSubscriptionId: subscriptionId }, include: { user: true } });
    if (!order) return;
    const now = this.deps.clock.now();
    const graceUntil = new Date(now.getTime() + this.deps.config.GRACE_DAYS * 86_400_000);
    const numbers = await tx.purchasedNumber.findMany({ where: { orderLine: { orderId: order.id }, status: { notIn: ['RELEASED', 'RELEASING', 'FAILED'] } } });
    for (const n of numbers.filter((x) => x.status === 'ACTIVE')) {
      await transition(tx, { numberId: n.id, from: 'ACTIVE', to: 'PAST_DUE', cause: 'Renewal payment failed', data: { graceUntil } });
    }
    if (invoice.id && !(await tx.payment.findUnique({ where: { stripeInvoiceId: invoice.id } }))) {
      await tx.payment.create({
        data: {
          orderId: order.id, kind: invoice.billing_reason === 'subscription_create' ? 'INITIAL' : 'RENEWAL', status: 'FAILED',
          amount: invoice.amount_due, currency: invoice.currency.toUpperCase(), stripeInvoiceId: invoice.id, failureMessage: 'Payment failed',
        },
      });
    }
    await tx.orderEvent.create({ data: { orderId: order.id, type: 'payment_failed', message: 'A renewal payment failed; the numbers stay live during the grace period.' } });
    if (numbers.length === 0) return;
    await this.email.queue(tx, {
      to: order.user.email,
      userId: order.userId,
      template: 'paymentFailed',
      dedupeKey: `payment-failed:${invoice.id ?? `${subscriptionId}:${now.toISOString()}`}`,
      data: { name: order.user.name, numbers: numbers.map((n) => ({ e164: n.e164, national: nationalFormat(n.e164) })), graceUntil, billingUrl: `${this.deps.config.WEB_URL}/orders/${order.id}` },
    });
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
      await enqueueJob(tx, RELEASE_NUMBER_TASK, { purchasedNumberId: n.id }, { jobKey: `release:${n.id}`, runAt, maxAttempts: 10 });
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

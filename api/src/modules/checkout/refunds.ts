import { ErrorCode, fail, ok, userError, type Result } from '../../graphql/errors';
import { formatMoney, money } from '../../lib/money';
import { isPaymentGatewayError, LAST_SUBSCRIPTION_ITEM } from '../../integrations/stripe/errors';
import type { PaymentGateway } from '../../integrations/stripe/types';
import type { Actor } from '../audit/audit.service';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import { orderReference } from '../orders/order-view';
import { nationalFormat } from './fulfilment';
import { queueRelease } from './stripe-events';
import { UUID } from '../../lib/ids';
import { note as timelineNote } from '../provisioning/number-status';


/**
 * Staff refunds of whole orders or single lines. Each line is refunded at Stripe with its own
 * idempotency key, so a retried click never pays out twice; its number is then released and its
 * subscription billing stopped.
 */
export class Refunds {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly email: EmailService,
    private readonly payments: PaymentGateway,
  ) {}

  /** `actor` null: an automatic refund (a number that could not be provisioned); no audit entry, no issuer. */
  async refund(actor: Actor | null, orderId: string, lineIds: string[] | null, reason: string | null): Promise<Result<{ refundedLines: number }>> {
    const { prisma } = this.deps;
    if (!UUID.test(orderId)) return fail(userError(ErrorCode.NOT_FOUND, 'No such order.', ['orderId']));
    const order = await prisma.order.findUnique({
      where: { id: orderId },
      include: { lines: { include: { purchasedNumber: true } }, payments: true, user: true },
    });
    if (!order) return fail(userError(ErrorCode.NOT_FOUND, 'No such order.', ['orderId']));
    const payment = order.payments.find((p) => p.kind === 'INITIAL' && p.status !== 'FAILED' && p.stripeChargeId);
    if (!payment) return fail(userError(ErrorCode.VALIDATION, 'This order has no captured payment to refund.', ['orderId']));
    const unknown = (lineIds ?? []).filter((id) => !order.lines.some((l) => l.id === id));
    if (unknown.length) return fail(userError(ErrorCode.NOT_FOUND, 'A line is not part of this order.', ['lineIds']));
    const chosen = order.lines.filter((l) => (lineIds?.length ? lineIds.includes(l.id) : true) && l.setupPrice + l.monthlyPrice - l.refundedAmount > 0);
    if (chosen.length === 0) return fail(userError(ErrorCode.VALIDATION, 'Nothing left to refund on these lines.', ['lineIds']));
    const note = reason?.trim().slice(0, 500) || 'Refunded by staff';
    const cur = order.currency.trim();

    const done: Array<{ e164: string; amount: number; subscriptionItemId: string | null }> = [];
    for (const line of chosen) {
      const amount = line.setupPrice + line.monthlyPrice - line.refundedAmount;
      let refund;
      try {
        refund = await this.payments.refund({
          chargeId: payment.stripeChargeId!,
          amount,
          reason: 'requested_by_customer',
          idempotencyKey: `refund:${line.id}:${line.refundedAmount}`,
          metadata: { orderId: order.id, orderLineId: line.id },
        });
      } catch (err) {
        this.deps.log.error({ err, orderLineId: line.id }, 'refund failed at the payment provider');
        if (done.length === 0) return fail(userError(ErrorCode.PAYMENT_FAILED, 'The payment provider refused the refund. Nothing was refunded.'));
        break;
      }
      await prisma.$transaction(async (tx) => {
        await tx.refund.upsert({
          where: { stripeRefundId: refund.id },
          create: { paymentId: payment.id, orderLineId: line.id, amount, currency: cur, reason: note, stripeRefundId: refund.id, issuedById: actor?.userId ?? null },
          update: { orderLineId: line.id, reason: note, issuedById: actor?.userId ?? null },
        });
        await tx.orderLine.update({ where: { id: line.id }, data: { status: 'REFUNDED', refundedAmount: { increment: amount } } });
        // Derived from the refund rows, so this and Stripe's charge.refunded webhook agree in any order.
        const { _sum } = await tx.refund.aggregate({ where: { paymentId: payment.id }, _sum: { amount: true } });
        const refunded = Math.min(_sum.amount ?? 0, payment.amount);
        await tx.payment.update({ where: { id: payment.id }, data: { refundedAmount: refunded, status: refunded >= payment.amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED' } });
        if (line.purchasedNumber && !['RELEASED', 'RELEASING'].includes(line.purchasedNumber.status)) {
          await tx.purchasedNumber.update({ where: { id: line.purchasedNumber.id }, data: { cancelAtPeriodEnd: true } });
          await timelineNote(tx, line.purchasedNumber.id, line.purchasedNumber.status, 'Refunded: release scheduled');
          await queueRelease(tx, line.purchasedNumber.id);
        }
        await tx.orderEvent.create({ data: { orderId: order.id, type: 'refunded', message: `Refunded ${formatMoney(money(amount, cur))} for ${line.e164}.`, data: { refundId: refund.id, reason: note } } });
        if (actor) await this.deps.audit.record(actor, { action: 'order.refund', targetType: 'Order', targetId: order.id, data: { orderLineId: line.id, amount, refundId: refund.id, reason: note } }, tx);
      });
      done.push({ e164: line.e164, amount, subscriptionItemId: line.purchasedNumber?.stripeSubscriptionItemId ?? null });
    }

    const lines = await prisma.orderLine.findMany({ where: { orderId: order.id } });
    const allRefunded = lines.every((l) => l.status === 'REFUNDED');
    await prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: order.id }, data: { status: allRefunded ? 'REFUNDED' : 'PARTIALLY_REFUNDED' } });
      const total = done.reduce((s, d) => s + d.amount, 0);
      await this.email.queue(tx, {
        to: order.user.email,
        userId: order.userId,
        template: 'refundIssued',
        dedupeKey: `refund:${order.id}:${lines.map((l) => `${l.id}=${l.refundedAmount}`).join(',')}`,
        data: {
          name: order.user.name,
          orderReference: orderReference(order.reference),
          amount: money(total, cur),
          lines: done.map((d) => ({ e164: d.e164, national: nationalFormat(d.e164), amount: money(d.amount, cur) })),
          orderUrl: `${this.deps.config.WEB_URL}/orders/${order.id}`,
        },
      });
    });
    await this.stopBilling(order.stripeSubscriptionId, allRefunded, done.map((d) => d.subscriptionItemId));
    return done.length === chosen.length
      ? ok({ refundedLines: done.length })
      : fail(userError(ErrorCode.PAYMENT_FAILED, `Refunded ${done.length} of ${chosen.length} lines; the provider refused the rest. Try again.`));
  }

  /**
   * No more invoices for refunded numbers: their subscription items go, or the whole subscription
   * when every line is refunded (Stripe keeps at least one item on a live subscription).
   */
  private async stopBilling(subscriptionId: string | null, everything: boolean, itemIds: Array<string | null>): Promise<void> {
    if (!subscriptionId) return;
    const cancelAll = () =>
      this.payments.cancelSubscription(subscriptionId, { atPeriodEnd: false }).then(() => undefined);
    try {
      if (everything) return await cancelAll();
      for (const itemId of itemIds) {
        if (!itemId) continue;
        try {
          await this.payments.removeSubscriptionItem(itemId, { idempotencyKey: `remove-item:${itemId}` });
        } catch (err) {
          if (isPaymentGatewayError(err) && err.code === LAST_SUBSCRIPTION_ITEM) return await cancelAll();
          throw err;
        }
      }
    } catch (err) {
      // The refund stands; staff see billing still running in Stripe and can stop it there.
      this.deps.log.error({ err, subscriptionId }, 'could not stop billing for refunded numbers');
    }
  }
}

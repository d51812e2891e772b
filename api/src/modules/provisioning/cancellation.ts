import { z } from 'zod';
import type { NumberStatus } from '../../generated/prisma/enums';
import { ErrorCode, fail, ok, userError, zodUserErrors, type Result } from '../../graphql/errors';
import { isPaymentGatewayError, LAST_SUBSCRIPTION_ITEM } from '../../integrations/stripe/errors';
import type { PaymentGateway } from '../../integrations/stripe/types';
import type { ModuleDeps } from '../module-deps';
import { queueRelease } from '../checkout/stripe-events';
import { note } from './number-status';

const input = z.object({ numberId: z.uuid({ message: 'Not a number id.' }) });
const CANCELLABLE: NumberStatus[] = ['ACTIVE', 'PAST_DUE', 'SUSPENDED'];

export interface CancelledNumber {
  numberId: string;
  status: NumberStatus;
  cancelAtPeriodEnd: boolean;
}

/**
 * A customer cancels one number at the end of its paid period. Billing stops at Stripe first
 * (the whole subscription at period end when this is its last live number, otherwise this
 * number's item, without proration: the current month is paid and used); then the number keeps
 * working until `paidUntil`, when its `release-number` job gives it back. Cancelling twice is a
 * no-op that returns the same answer.
 */
export class Cancellation {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly payments: PaymentGateway,
  ) {}

  async cancel(userId: string, raw: { numberId: string }): Promise<Result<CancelledNumber>> {
    const parsed = input.safeParse(raw);
    if (!parsed.success) return fail(...zodUserErrors(parsed.error));
    const { prisma, clock } = this.deps;
    const number = await prisma.purchasedNumber.findFirst({
      where: { id: parsed.data.numberId, userId },
      include: { orderLine: { include: { order: { select: { id: true, stripeSubscriptionId: true } } } } },
    });
    if (!number) return fail(userError(ErrorCode.NOT_FOUND, 'No such number.', ['numberId']));
    const view = (status: NumberStatus): CancelledNumber => ({ numberId: number.id, status, cancelAtPeriodEnd: true });
    if (number.cancelAtPeriodEnd) return ok(view(number.status));
    if (!CANCELLABLE.includes(number.status)) {
      return fail(userError(ErrorCode.VALIDATION, 'Only a live number can be cancelled.', ['numberId']));
    }

    const { order } = number.orderLine;
    try {
      await this.stopBilling(order.id, order.stripeSubscriptionId, number.id, number.stripeSubscriptionItemId);
    } catch (err) {
      this.deps.log.error({ err, numberId: number.id }, 'could not cancel billing at the payment provider');
      return fail(userError(ErrorCode.PAYMENT_FAILED, 'The payment provider could not be reached; nothing was changed. Try again.'));
    }

    const now = clock.now();
    const runAt = number.paidUntil && number.paidUntil > now ? number.paidUntil : now;
    await prisma.$transaction(async (tx) => {
      await tx.purchasedNumber.update({ where: { id: number.id }, data: { cancelAtPeriodEnd: true } });
      await note(tx, number.id, number.status, `Cancelled by the customer: release on ${runAt.toISOString().slice(0, 10)}`);
      await tx.orderEvent.create({ data: { orderId: order.id, type: 'number_cancelled', message: `${number.e164} cancelled; it stays live until ${runAt.toISOString().slice(0, 10)}.` } });
      await queueRelease(tx, number.id, runAt);
    });
    return ok(view(number.status));
  }

  private async stopBilling(orderId: string, subscriptionId: string | null, numberId: string, itemId: string | null): Promise<void> {
    if (!subscriptionId) return;
    const others = await this.deps.prisma.purchasedNumber.count({
      where: { id: { not: numberId }, orderLine: { orderId }, cancelAtPeriodEnd: false, status: { notIn: ['RELEASING', 'RELEASED', 'FAILED'] } },
    });
    const cancelAtPeriodEnd = () => this.payments.cancelSubscription(subscriptionId, { atPeriodEnd: true });
    if (others === 0) {
      await cancelAtPeriodEnd();
      return;
    }
    if (!itemId) {
      // Older orders may lack the item id: the other numbers must keep billing, so staff stop this one by hand.
      this.deps.log.warn({ numberId, subscriptionId }, 'cancelled number has no subscription item; billing must be adjusted in Stripe');
      return;
    }
    try {
      await this.payments.removeSubscriptionItem(itemId, { idempotencyKey: `cancel-item:${itemId}` });
    } catch (err) {
      if (isPaymentGatewayError(err) && err.code === LAST_SUBSCRIPTION_ITEM) await cancelAtPeriodEnd();
      else throw err;
    }
  }
}

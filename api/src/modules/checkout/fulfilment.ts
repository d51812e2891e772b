import { phoneFormats } from '../../lib/phone-format';
import type { Prisma } from '../../generated/prisma/client';
import { enqueueJob } from '../../jobs/enqueue';
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

/**
 * Turns a paid checkout into an order that is PAID, a payment row, purchased numbers waiting to be
 * provisioned, their provisioning jobs and the confirmation email — in the caller's ONE transaction.
 * Idempotent: an order already past PENDING is left as it is, so the webhook, a duplicate delivery
 * and the success page's confirmCheckout can all call it.
 */
export async function fulfilOrder(tx: Tx, deps: ModuleDeps, email: EmailService, paid: PaidCheckout): Promise<'fulfilled' | 'already' | 'unknown'> {
  const now = deps.clock.now();
  // Row lock: concurrent fulfilments of one order queue up here, and the second sees PAID.
  const locked = await tx.$queryRaw<Array<{ id: string; status: string }>>`SELECT id, status::text FROM orders WHERE id = ${paid.orderId}::uuid FOR UPDATE`;
  if (!locked[0]) return 'unknown';
  if (!['PENDING', 'EXPIRED', 'CANCELED'].includes(locked[0].status)) return 'already';

  const order = await tx.order.findUniqueOrThrow({
    where: { id: paid.orderId },
    include: { lines: { include: { availableNumber: { select: { id: true, status: true, countryId: true, didGroupId: true } } } }, user: true },
  });
  const paidUntil = paid.paidUntil ?? new Date(now.getTime() + 30 * 86_400_000);

  await tx.order.update({
    where: { id: order.id },
    data: { status: 'PAID', paidAt: now, stripeSubscriptionId: paid.subscriptionId, updatedAt: now },
  });
  if (paid.customerId && !order.user.stripeCustomerId) {
    await tx.user.update({ where: { id: order.userId }, data: { stripeCustomerId: paid.customerId } });
  }
  await tx.payment.create({
    data: {
      orderId: order.id,
      kind: 'INITIAL',
      status: 'SUCCEEDED',
      amount: paid.amountTotal,
      currency: paid.currency.toUpperCase(),
      stripeInvoiceId: paid.invoiceId,
      stripePaymentIntentId: paid.paymentIntentId,
      stripeChargeId: paid.chargeId,
    },
  });
  await tx.orderEvent.create({
    data: { orderId: order.id, type: 'paid', message: `Payment of ${formatMoney(money(paid.amountTotal, paid.currency.toUpperCase()))} received.`, data: { invoiceId: paid.invoiceId } },
  });

  const heldItems = await tx.cartItem.findMany({ where: { availableNumberId: { in: order.lines.map((l) => l.availableNumberId) } } });
  const reservationOf = new Map(heldItems.map((i) => [i.availableNumberId, i.didwwReservationId]));
  for (const line of order.lines) {
    const number = await tx.purchasedNumber.create({
      data: {
        userId: order.userId,
        orderLineId: line.id,
        countryId: line.availableNumber.countryId,
        didGroupId: line.availableNumber.didGroupId,
        e164: line.e164,
        status: 'PENDING',
        didwwReservationId: reservationOf.get(line.availableNumberId) ?? null,
        stripeSubscriptionItemId: paid.subscriptionItems.get(line.id) ?? null,
        paidUntil,
      },
    });
    await tx.numberStatusEvent.create({ data: { purchasedNumberId: number.id, fromStatus: null, toStatus: 'PENDING', cause: `Paid in order ${orderReference(order.reference)}` } });
    await enqueueJob(tx, PROVISION_TASK, { purchasedNumberId: number.id }, { jobKey: `provision:${number.id}`, maxAttempts: 10 });
  }
  await tx.availableNumber.updateMany({ where: { id: { in: order.lines.map((l) => l.availableNumberId) } }, data: { status: 'SOLD', updatedAt: now } });
  // The holds become the sale: the cart items go, their reservations travel with the purchased numbers.
  await tx.cartItem.deleteMany({ where: { availableNumberId: { in: order.lines.map((l) => l.availableNumberId) } } });

  const cur = order.currency.trim();
  await email.queue(tx, {
    to: order.user.email,
    userId: order.userId,
    template: 'orderConfirmation',
    dedupeKey: `order-confirmation:${order.id}`,
    data: {
      name: order.user.name,
      orderReference: orderReference(order.reference),
      lines: order.lines.map((l) => ({
        e164: l.e164,
        national: nationalFormat(l.e164),
        setup: money(l.setupPrice, cur),
        monthly: money(l.monthlyPrice, cur),
      })),
      dueToday: money(order.dueToday, cur),
      orderUrl: `${deps.config.WEB_URL}/orders/${order.id}`,
    },
  });
  return 'fulfilled';
}

export function nationalFormat(e164: string): string {
  return phoneFormats(e164).national;
}

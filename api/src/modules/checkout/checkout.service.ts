import { phoneFormats } from '../../lib/phone-format';
import { ErrorCode, fail, ok, userError, type Result } from '../../graphql/errors';
import type { PaymentGateway } from '../../integrations/stripe/types';
import type { CartService } from '../cart/cart.service';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import type { OrdersService } from '../orders/orders.service';
import type { Order } from '../orders/orders.types';
import { fulfilOrder, type PaidCheckout } from './fulfilment';
import { paidCheckoutFromSession } from './paid-checkout';

/** Stripe Checkout sessions live at least 30 minutes; holds under a checkout last as long, plus slack. */
const SESSION_MINUTES = 30;
const HOLD_SLACK_MS = 5 * 60_000;

export class CheckoutService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly cart: CartService,
    private readonly orders: OrdersService,
    private readonly email: EmailService,
    private readonly payments: PaymentGateway,
  ) {}

  /** Turns the cart into an order awaiting payment and a Checkout session. Double clicks get the same order. */
  async start(user: { userId: string; email: string }): Promise<Result<{ order: Order; checkoutUrl: string }>> {
    const { prisma, clock } = this.deps;
    const { live, expired } = await this.cart.liveItems(user.userId);
    if (expired.length > 0) {
      const numbers = await prisma.availableNumber.findMany({ where: { id: { in: expired.map((e) => e.availableNumberId) } }, select: { e164: true } });
      return fail(
        ...expired.map((e, i) =>
          userError(ErrorCode.HOLD_EXPIRED, `The hold on ${pretty(numbers[i]?.e164 ?? '')} ran out. Remove it or add it again.`, ['cart', 'items', e.id]),
        ),
      );
    }
    if (live.length === 0) return fail(userError(ErrorCode.CART_EMPTY, 'Your cart is empty.'));

    const open = await prisma.order.findMany({ where: { userId: user.userId, status: 'PENDING' }, include: { lines: true } });
    const wanted = new Set(live.map((i) => i.availableNumberId));
    const same = open.find((o) => o.checkoutUrl && o.lines.length === wanted.size && o.lines.every((l) => wanted.has(l.availableNumberId)));
    if (same) return ok({ order: (await this.orders.order({ userId: user.userId, staff: false }, same.id))!, checkoutUrl: same.checkoutUrl! });

    const now = clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_MINUTES * 60_000 + 60_000);
    const monthly = await this.cart.discountedMonthly(live);
    const currency = live[0]!.currency;
    const setupTotal = live.reduce((s, i) => s + i.setupPrice, 0);
    const monthlyTotal = monthly.reduce((s, m) => s + m, 0);

    const order = await prisma.$transaction(async (tx) => {
      // A cart changed since its last checkout: the older, unpaid checkout is superseded.
      for (const o of open) {
        await tx.order.update({ where: { id: o.id }, data: { status: 'CANCELED' } });
        await tx.orderEvent.create({ data: { orderId: o.id, type: 'canceled', message: 'Replaced by a newer checkout.' } });
      }
      const numbers = await tx.availableNumber.findMany({ where: { id: { in: [...wanted] } }, select: { id: true, e164: true } });
      const e164Of = new Map(numbers.map((n) => [n.id, n.e164]));
      const created = await tx.order.create({
        data: {
          userId: user.userId,
          currency,
          setupTotal,
          monthlyTotal,
          dueToday: setupTotal + monthlyTotal,
          expiresAt,
          lines: {
            create: live.map((i, k) => ({
              availableNumberId: i.availableNumberId,
              e164: e164Of.get(i.availableNumberId)!,
              setupPrice: i.setupPrice,
              monthlyPrice: monthly[k]!,
              currency: i.currency,
            })),
          },
          events: { create: { type: 'created', message: 'Checkout started.' } },
        },
        include: { lines: true },
      });
      // The numbers stay ours for as long as the customer may be paying.
      await tx.cartItem.updateMany({
        where: { id: { in: live.map((i) => i.id) }, holdExpiresAt: { lt: new Date(expiresAt.getTime() + HOLD_SLACK_MS) } },
        data: { holdExpiresAt: new Date(expiresAt.getTime() + HOLD_SLACK_MS) },
      });
      return created;
    });
    for (const o of open) {
      if (o.stripeCheckoutSessionId) await this.payments.expireCheckoutSession(o.stripeCheckoutSessionId).catch(() => undefined);
    }

    try {
      const session = await this.payments.createCheckoutSession({
        orderId: order.id,
        customerEmail: user.email,
        stripeCustomerId: (await prisma.user.findUnique({ where: { id: user.userId }, select: { stripeCustomerId: true } }))?.stripeCustomerId,
        lines: order.lines.map((l) => ({
          orderLineId: l.id,
          description: describe(l.e164),
          setupAmount: l.setupPrice,
          monthlyAmount: l.monthlyPrice,
          currency: l.currency.trim(),
        })),
        successUrl: `${this.deps.config.WEB_URL}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${this.deps.config.WEB_URL}/cart?checkout=cancelled`,
        expiresAt: new Date(now.getTime() + SESSION_MINUTES * 60_000),
      });
      await prisma.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: session.id, checkoutUrl: session.url } });
      return ok({ order: (await this.orders.order({ userId: user.userId, staff: false }, order.id))!, checkoutUrl: session.url });
    } catch (err) {
      this.deps.log.error({ err, orderId: order.id }, 'could not create a checkout session');
      await prisma.$transaction([
        prisma.order.update({ where: { id: order.id }, data: { status: 'FAILED' } }),
        prisma.orderEvent.create({ data: { orderId: order.id, type: 'checkout_failed', message: 'The payment provider could not be reached.' } }),
      ]);
      return fail(userError(ErrorCode.PAYMENT_FAILED, 'Payments are unavailable right now. Your numbers stay held; please try again in a minute.'));
    }
  }

  /**
   * Called by the success page. Runs the same idempotent fulfilment as the webhook, so the page
   * shows a paid order even if the webhook is late, and a late webhook changes nothing.
   */
  async confirm(userId: string, sessionId: string): Promise<Result<Order>> {
    const notFound = fail<Order>(userError(ErrorCode.NOT_FOUND, 'No such checkout.', ['sessionId']));
    if (!/^cs_[A-Za-z0-9_]{4,200}$/.test(sessionId)) return notFound;
    const order = await this.deps.prisma.order.findFirst({ where: { stripeCheckoutSessionId: sessionId, userId } });
    if (!order) return notFound;
    if (order.status === 'PENDING') {
      const session = await this.payments.retrieveCheckoutSession(sessionId);
      if (session.status === 'complete' && session.paymentStatus === 'paid') {
        await this.fulfil(paidCheckoutFromSession(session, order.id));
      } else if (session.status === 'expired') {
        return fail(userError(ErrorCode.PAYMENT_FAILED, 'This checkout expired without payment.', ['sessionId']));
      }
    }
    return ok((await this.orders.order({ userId, staff: false }, order.id))!);
  }

  fulfil(paid: PaidCheckout) {
    return this.deps.prisma.$transaction((tx) => fulfilOrder(tx, this.deps, this.email, paid));
  }
}

function pretty(e164: string): string {
  return phoneFormats(e164).international;
}

function describe(e164: string): string {
  return `Phone number ${pretty(e164)}`;
}

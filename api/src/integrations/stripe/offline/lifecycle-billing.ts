/**
 * Subscription and payment life after checkout: renewals and failed renewals (which Stripe does on
 * its own, so staff and tests trigger them through `simulate`), cancellations and refunds (which
 * the app asks for through the API). Each commits its objects and events in one transaction.
 */
import type { TwinContext } from './context';
import { invalid, noSuch } from './errors';
import { event, type RequestInfo } from './events';
import { addMonths, unix } from './ids';
import { invoice, type Customer, type Invoice, type Subscription, type SubscriptionItem } from './objects-billing';
import { refund, type Charge, type PaymentIntent, type Refund } from './objects-payments';
import type { Transition } from './lifecycle-checkout';
import { lineText, nextInvoiceNumber, settleInvoice } from './settle';
import type { StripeStore } from './store';

const lockSub = async (store: StripeStore, id: string) => {
  const sub = await store.require<Subscription>(id, 'subscription');
  if (sub.status === 'canceled') throw invalid(`A canceled subscription can only update its cancellation_details and metadata. (${id})`, 'subscription');
  return sub;
};

/**
 * The next billing cycle: a paid `subscription_cycle` invoice and `invoice.paid`. A past-due
 * subscription instead gets its open invoice paid (a successful retry); one set to cancel at
 * period end ends instead, with `customer.subscription.deleted`.
 */
export async function renew(ctx: TwinContext, subId: string): Promise<Transition<Invoice | Subscription>> {
  return cycle(ctx, subId, false);
}

/** A renewal whose card is declined: open invoice, subscription `past_due`, `invoice.payment_failed`. */
export async function failPayment(ctx: TwinContext, subId: string): Promise<Transition<Invoice | Subscription>> {
  return cycle(ctx, subId, true);
}

async function cycle(ctx: TwinContext, subId: string, declined: boolean): Promise<Transition<Invoice | Subscription>> {
  return ctx.store.transaction([subId], async (store) => {
    const sub = await lockSub(store, subId);
    const now = unix(ctx.clock.now());
    if (sub.cancel_at_period_end && !declined) return endLocked(store, sub, now, 'cancellation_requested', null);
    const cust = await store.require<Customer>(sub.customer, 'customer');
    const open = sub.latest_invoice ? await store.get<Invoice>(sub.latest_invoice) : null;
    let inv: Invoice;
    if (open?.status === 'open') {
      inv = open; // retrying the invoice that already failed: same period, same invoice
    } else {
      const names = new Map<string, string>();
      for (const si of sub.items.data) names.set(si.id, (await store.get(si.price.product))?.name as string | undefined ?? 'Phone number');
      const start = sub.items.data[0]?.current_period_end ?? now;
      const end = addMonths(start, 1);
      for (const item of sub.items.data) Object.assign(item, { current_period_start: start, current_period_end: end });
      inv = invoice({
        sub,
        customerEmail: cust.email,
        billingReason: 'subscription_cycle',
        lines: sub.items.data.map((si) => ({
          price: si.price,
          quantity: si.quantity,
          description: lineText(si.price, si.quantity, names.get(si.id)!),
          metadata: si.metadata,
          period: { start, end },
          subscriptionItemId: si.id,
        })),
        period: { start: addMonths(start, -1), end: start },
        created: now,
        number: nextInvoiceNumber(cust),
      });
      sub.latest_invoice = inv.id;
    }
    const payment = settleInvoice(inv, cust, now, 'Subscription update', declined);
    const previousStatus = sub.status;
    sub.status = declined ? 'past_due' : 'active';
    const events = [event(declined ? 'invoice.payment_failed' : 'invoice.paid', inv, now, null)];
    if (previousStatus !== sub.status) events.push(event('customer.subscription.updated', sub, now, null, { status: previousStatus }));
    await store.put(cust, inv, ...payment, sub, ...events);
    return { value: inv, events, changed: true };
  });
}

/** Ends a subscription now: `customer.subscription.deleted`. */
export async function cancelNow(ctx: TwinContext, subId: string, reason: 'cancellation_requested' | 'payment_failed', request: RequestInfo | null): Promise<Transition<Subscription>> {
  return ctx.store.transaction([subId], async (store) => endLocked(store, await lockSub(store, subId), unix(ctx.clock.now()), reason, request));
}

async function endLocked(store: StripeStore, sub: Subscription, now: number, reason: string, request: RequestInfo | null): Promise<Transition<Subscription>> {
  Object.assign(sub, { status: 'canceled', canceled_at: sub.canceled_at ?? now, ended_at: now, cancellation_details: { comment: null, feedback: null, reason } });
  const events = [event('customer.subscription.deleted', sub, now, request)];
  await store.put(sub, ...events);
  return { value: sub, events, changed: true };
}

/** Sets or clears cancel-at-period-end: `customer.subscription.updated` with the previous values. */
export async function setCancelAtPeriodEnd(ctx: TwinContext, subId: string, flag: boolean, request: RequestInfo | null): Promise<Transition<Subscription>> {
  return ctx.store.transaction([subId], async (store) => {
    const sub = await lockSub(store, subId);
    if (sub.cancel_at_period_end === flag) return { value: sub, events: [], changed: false };
    const now = unix(ctx.clock.now());
    const previous = { cancel_at_period_end: sub.cancel_at_period_end, cancel_at: sub.cancel_at, canceled_at: sub.canceled_at, cancellation_details: sub.cancellation_details };
    Object.assign(sub, {
      cancel_at_period_end: flag,
      cancel_at: flag ? (sub.items.data[0]?.current_period_end ?? now) : null,
      canceled_at: flag ? now : null,
      cancellation_details: { comment: null, feedback: null, reason: flag ? 'cancellation_requested' : null },
    });
    const events = [event('customer.subscription.updated', sub, now, request, previous)];
    await store.put(sub, ...events);
    return { value: sub, events, changed: true };
  });
}

/** What Stripe answers when asked to delete a subscription's only item (an `invalid_request_error`, 400). */
export const LAST_ITEM_MESSAGE =
  'A subscription must have at least one active plan. To cancel a subscription, please use the cancel API endpoint on /v1/subscriptions.';

/**
 * Deletes one item from its subscription (no prorations: the twin models none, see billing-api):
 * `customer.subscription.updated` with the previous `items`. A subscription's last item cannot go,
 * as on Stripe; a deleted item is gone (404), as on Stripe.
 */
export async function removeItem(ctx: TwinContext, itemId: string, request: RequestInfo | null): Promise<Transition<SubscriptionItem>> {
  const subId = await ctx.store.subscriptionIdForItem(itemId);
  if (!subId) throw noSuch('subscription item', itemId);
  return ctx.store.transaction([subId], async (store) => {
    const sub = await lockSub(store, subId);
    const item = sub.items.data.find((si) => si.id === itemId);
    if (!item) throw noSuch('subscription item', itemId); // deleted by a concurrent request
    if (sub.items.data.length === 1) throw invalid(LAST_ITEM_MESSAGE);
    const now = unix(ctx.clock.now());
    const previous = { items: structuredClone(sub.items) };
    sub.items.data = sub.items.data.filter((si) => si.id !== itemId);
    const events = [event('customer.subscription.updated', sub, now, request, previous)];
    await store.put(sub, ...events);
    return { value: item, events, changed: true };
  });
}

export interface RefundParams {
  charge?: string | undefined;
  paymentIntent?: string | undefined;
  amount?: number | undefined;
  reason: string | null;
  metadata: Record<string, string>;
}

/** A refund against a charge (found directly or through its payment intent): `charge.refunded`. */
export async function refundCharge(ctx: TwinContext, p: RefundParams, request: RequestInfo | null): Promise<Transition<Refund>> {
  let chargeId = p.charge;
  if (!chargeId && p.paymentIntent) {
    const pi = await ctx.store.require<PaymentIntent>(p.paymentIntent, 'payment_intent', 'payment_intent');
    chargeId = pi.latest_charge ?? undefined;
    if (!chargeId) throw invalid(`PaymentIntent ${pi.id} does not have a successful charge to refund.`, 'payment_intent', 'charge_not_refundable');
  }
  if (!chargeId) throw invalid('One of the following params should be provided for this request: payment_intent or charge.', 'charge', 'parameter_missing');
  return ctx.store.transaction([chargeId], async (store) => {
    const charge = await store.require<Charge>(chargeId, 'charge', 'charge');
    if (charge.status !== 'succeeded') throw invalid(`Charge ${charge.id} has not succeeded and cannot be refunded.`, 'charge', 'charge_not_refundable');
    const left = charge.amount - charge.amount_refunded;
    if (left <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, 'charge', 'charge_already_refunded');
    const amount = p.amount ?? left;
    if (amount <= 0) throw invalid('Invalid positive integer', 'amount');
    if (amount > left) throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, 'amount', 'amount_too_large');
    const now = unix(ctx.clock.now());
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    const re = refund(charge, amount, p.reason, p.metadata, now);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const events = [event('charge.refunded', charge, now, request, previous)];
    await store.put(re, charge, ...events);
    return { value: re, events, changed: true };
  });
}

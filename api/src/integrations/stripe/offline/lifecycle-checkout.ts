/**
 * What happens to a checkout session after it is created: paid on the offline page (customer,
 * subscription, first invoice, payment), or expired (declined, timed out, or expired by the app).
 * Each transition commits objects and events together; delivery is the caller's choice.
 */
import type { TwinContext } from './context';
import { event, type RequestInfo, type StripeEvent } from './events';
import { addMonths, newId, unix } from './ids';
import { customer, invoice, subscription, subscriptionItem, type Customer } from './objects-billing';
import type { CheckoutSession } from './objects-checkout';
import { lineText, nextInvoiceNumber, settleInvoice } from './settle';
import type { StripeStore } from './store';

export interface Transition<T> {
  value: T;
  events: StripeEvent[];
  /** False when nothing happened (already paid/expired): nothing to deliver. */
  changed: boolean;
}

export async function completeSession(ctx: TwinContext, sessionId: string): Promise<Transition<CheckoutSession>> {
  return ctx.store.transaction([sessionId], async (store) => {
    const s = await store.require<CheckoutSession>(sessionId, 'checkout.session');
    const now = unix(ctx.clock.now());
    if (s.status !== 'open') return { value: s, events: [], changed: false };
    if (now >= s.expires_at) return expireLocked(store, s, now, null);

    const cust = s.customer ? await store.require<Customer>(s.customer, 'customer') : customer(s.customer_email, now);
    const periodEnd = addMonths(now, 1);
    const subId = newId('sub_');
    const items = s._line_items.data;
    // Each recurring line becomes one subscription item carrying the line's metadata (orderLineId).
    const subItems = items.filter((li) => li.price.recurring).map((li) => subscriptionItem(subId, li.price, li.metadata, now, periodEnd));
    const sub = subscription(subId, cust.id, s.currency, s._subscription_data.metadata, subItems, now);
    const inv = invoice({
      sub,
      customerEmail: cust.email,
      billingReason: 'subscription_create',
      lines: items.map((li) => {
        const si = subItems.find((x) => x.price.id === li.price.id);
        return {
          price: li.price,
          quantity: li.quantity,
          description: lineText(li.price, li.quantity, li.description),
          metadata: li.metadata,
          period: { start: now, end: si ? periodEnd : now },
          subscriptionItemId: si?.id ?? null,
        };
      }),
      period: { start: now, end: now },
      created: now,
      number: nextInvoiceNumber(cust),
    });
    const payment = settleInvoice(inv, cust, now, 'Subscription creation');
    sub.latest_invoice = inv.id;
    Object.assign(s, {
      status: 'complete',
      payment_status: inv.amount_due > 0 ? 'paid' : 'no_payment_required',
      customer: cust.id,
      customer_details: { address: null, business_name: null, email: cust.email, individual_name: null, name: null, phone: null, tax_exempt: 'none', tax_ids: [] },
      subscription: sub.id,
      invoice: inv.id,
    });
    // Stripe sends more (customer.created, invoice.created…); these two are what fulfilment needs.
    const events = [event('checkout.session.completed', s, now, null), event('invoice.paid', inv, now, null)];
    await store.put(cust, sub, inv, ...payment, s, ...events);
    return { value: s, events, changed: true };
  });
}

export async function expireSession(ctx: TwinContext, sessionId: string, request: RequestInfo | null): Promise<Transition<CheckoutSession>> {
  return ctx.store.transaction([sessionId], async (store) => {
    const s = await store.require<CheckoutSession>(sessionId, 'checkout.session');
    if (s.status !== 'open') return { value: s, events: [], changed: false };
    return expireLocked(store, s, unix(ctx.clock.now()), request);
  });
}

/** Stripe expires sessions on its own after `expires_at`; the twin does it when it next looks. */
export async function expireIfDue(ctx: TwinContext, sessionId: string): Promise<Transition<CheckoutSession> | null> {
  const s = await ctx.store.require<CheckoutSession>(sessionId, 'checkout.session');
  if (s.status !== 'open' || unix(ctx.clock.now()) < s.expires_at) return null;
  return expireSession(ctx, sessionId, null);
}

async function expireLocked(store: StripeStore, s: CheckoutSession, now: number, request: RequestInfo | null): Promise<Transition<CheckoutSession>> {
  s.status = 'expired';
  const events = [event('checkout.session.expired', s, now, request)];
  await store.put(s, ...events);
  return { value: s, events, changed: true };
}

/** Stripe objects → the small typed shapes the app works with. Pure: no I/O. */
import type Stripe from 'stripe';
import type { CheckoutSessionDetails, CheckoutSessionLine } from './types';

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

export function toCheckoutSessionDetails(session: Stripe.Checkout.Session, items: Stripe.LineItem[]): CheckoutSessionDetails {
  const subscription = typeof session.subscription === 'object' ? session.subscription : null;
  const invoice = typeof session.invoice === 'object' ? session.invoice : null;
  // Prices created from one session's price_data are the subscription items' prices: the join key.
  const itemByPrice = new Map((subscription?.items.data ?? []).map((si) => [si.price.id, si.id]));
  const payment = invoicePayment(invoice);
  return {
    id: session.id,
    status: (session.status ?? 'open') as CheckoutSessionDetails['status'],
    paymentStatus: session.payment_status as CheckoutSessionDetails['paymentStatus'],
    orderId: session.metadata?.orderId ?? session.client_reference_id ?? null,
    url: session.url,
    expiresAt: new Date(session.expires_at * 1000),
    customerId: idOf(session.customer as string | { id: string } | null),
    customerEmail: session.customer_details?.email ?? session.customer_email ?? null,
    subscriptionId: idOf(session.subscription),
    subscriptionStatus: subscription?.status ?? null,
    invoiceId: idOf(session.invoice),
    paymentIntentId: idOf(payment?.payment_intent) ?? idOf(session.payment_intent),
    chargeId: idOf(payment?.charge),
    amountTotal: session.amount_total,
    currency: session.currency,
    lines: items.map((li) => toLine(li, itemByPrice)),
    raw: session,
  };
}

function toLine(li: Stripe.LineItem, itemByPrice: Map<string, string>): CheckoutSessionLine {
  const metadata = { ...(li.metadata ?? {}) };
  const recurring = li.price?.type === 'recurring' || Boolean(li.price?.recurring);
  const priceId = li.price?.id ?? null;
  return {
    id: li.id,
    kind: recurring ? 'monthly' : 'setup',
    orderLineId: metadata.orderLineId ?? null,
    description: li.description,
    amountTotal: li.amount_total,
    currency: li.currency,
    priceId,
    subscriptionItemId: recurring && priceId ? (itemByPrice.get(priceId) ?? null) : null,
    metadata,
  };
}

/** The paid (or latest) payment of an invoice; `payments` is present only when expanded. */
function invoicePayment(invoice: Stripe.Invoice | null): Stripe.InvoicePayment.Payment | null {
  const payments = invoice?.payments?.data ?? [];
  const chosen = payments.find((p) => p.status === 'paid') ?? payments.find((p) => p.is_default) ?? payments[0];
  return chosen?.payment ?? null;
}

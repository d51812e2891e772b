import type Stripe from 'stripe';

/**
 * Stripe moved some invoice fields between API versions (e.g. `invoice.subscription` became
 * `invoice.parent.subscription_details.subscription`). These readers accept either shape.
 */
type Loose = Record<string, unknown> | null | undefined;

const obj = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : obj(v) && typeof obj(v)!.id === 'string' ? (obj(v)!.id as string) : null);

export function invoiceSubscriptionId(invoice: Stripe.Invoice): string | null {
  const i = invoice as unknown as Record<string, unknown>;
  return str(i.subscription) ?? str(obj(obj(i.parent)?.subscription_details)?.subscription);
}

export function invoiceSubscriptionMetadata(invoice: Stripe.Invoice): Record<string, string> {
  const i = invoice as unknown as Record<string, unknown>;
  const meta = obj(obj(i.subscription_details)?.metadata) ?? obj(obj(obj(i.parent)?.subscription_details)?.metadata);
  return (meta ?? {}) as Record<string, string>;
}

export function invoiceChargeId(invoice: Stripe.Invoice): string | null {
  const i = invoice as unknown as Record<string, unknown>;
  return str(i.charge);
}

export function invoicePaymentIntentId(invoice: Stripe.Invoice): string | null {
  const i = invoice as unknown as Record<string, unknown>;
  return str(i.payment_intent);
}

/** End of the period this invoice paid for: the latest line period end, or the invoice's own. */
export function invoicePeriodEnd(invoice: Stripe.Invoice): Date | null {
  const ends = (invoice.lines?.data ?? []).map((l) => l.period?.end).filter((e): e is number => typeof e === 'number');
  const end = ends.length ? Math.max(...ends) : invoice.period_end;
  return typeof end === 'number' && end > 0 ? new Date(end * 1000) : null;
}

export function subscriptionOrderId(sub: Stripe.Subscription): string | null {
  return sub.metadata?.orderId ?? null;
}

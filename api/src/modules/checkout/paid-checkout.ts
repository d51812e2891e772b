import type { CheckoutSessionDetails } from '../../integrations/stripe/types';
import type { PaidCheckout } from './fulfilment';

/** What fulfilment needs, read off a completed Checkout session. */
export function paidCheckoutFromSession(session: CheckoutSessionDetails, orderId: string): PaidCheckout {
  const subscriptionItems = new Map<string, string>();
  for (const line of session.lines) {
    if (line.kind === 'monthly' && line.orderLineId && line.subscriptionItemId) subscriptionItems.set(line.orderLineId, line.subscriptionItemId);
  }
  return {
    orderId,
    customerId: session.customerId,
    subscriptionId: session.subscriptionId,
    invoiceId: session.invoiceId,
    paymentIntentId: session.paymentIntentId,
    chargeId: session.chargeId,
    amountTotal: session.amountTotal ?? 0,
    currency: session.currency ?? 'usd',
    subscriptionItems,
    paidUntil: null,
  };
}

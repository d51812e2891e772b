/** Paying (or failing to pay) an invoice with the test card: shared by checkout and renewals. */
import { formatMoney } from './money';
import { invoicePayment, type Customer, type Invoice } from './objects-billing';
import type { Price } from './objects-checkout';
import { cardPayment } from './objects-payments';
import type { StripeObject } from './store';

/** Charges what is left on the invoice; returns the new payment intent and charge to store. */
export function settleInvoice(inv: Invoice, cust: Customer, now: number, description: string, declined = false): StripeObject[] {
  inv.attempted = true;
  inv.attempt_count += 1;
  if (inv.amount_remaining === 0) {
    markPaid(inv, now);
    return [];
  }
  const { paymentIntent, charge } = cardPayment({ amount: inv.amount_remaining, currency: inv.currency, customer: cust.id, email: cust.email, description, created: now, declined });
  // An earlier failed attempt's payment record is superseded by this one.
  for (const p of inv._payments.data) if (p.status === 'open') p.status = 'canceled';
  inv._payments.data.push(invoicePayment(inv, paymentIntent.id, !declined, now));
  if (declined) inv.next_payment_attempt = now + 3 * 86_400;
  else markPaid(inv, now);
  return [paymentIntent, charge];
}

function markPaid(inv: Invoice, now: number): void {
  inv.status = 'paid';
  inv.amount_paid = inv.amount_due;
  inv.amount_remaining = 0;
  inv.next_payment_attempt = null;
  inv.status_transitions.paid_at = now;
}

/** Invoice line text as Stripe writes it: "1 × +1 415 555 0123 (at $5.00 / month)". */
export function lineText(price: Price, quantity: number, name: string): string {
  if (!price.recurring) return name;
  return `${quantity} × ${name} (at ${formatMoney(price.unit_amount, price.currency)} / ${price.recurring.interval})`;
}

/** The customer's next invoice number, "ABCD1234-0001", advancing their sequence. */
export function nextInvoiceNumber(cust: Customer): string {
  const n = cust.next_invoice_sequence;
  cust.next_invoice_sequence = n + 1;
  return `${cust.invoice_prefix}-${String(n).padStart(4, '0')}`;
}

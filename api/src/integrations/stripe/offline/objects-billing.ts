/** Stripe-shaped customers, subscriptions and invoices (API version with `invoice.parent` and item-level periods). */
import { newId } from './ids';
import { list, type ApiList, type Price } from './objects-checkout';
import type { StripeObject } from './store';

export type Customer = StripeObject & { object: 'customer'; email: string | null; invoice_prefix: string; next_invoice_sequence: number };

export function customer(email: string | null, created: number): Customer {
  return {
    id: newId('cus_', 14),
    object: 'customer',
    address: null,
    balance: 0,
    created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    email,
    invoice_prefix: newId('', 8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

export type SubscriptionItem = StripeObject & {
  object: 'subscription_item';
  current_period_start: number;
  current_period_end: number;
  metadata: Record<string, string>;
  price: Price;
  quantity: number;
};

export function subscriptionItem(subscriptionId: string, price: Price, metadata: Record<string, string>, start: number, end: number): SubscriptionItem {
  return {
    id: newId('si_', 14),
    object: 'subscription_item',
    billing_thresholds: null,
    created: start,
    current_period_end: end,
    current_period_start: start,
    discounts: [],
    metadata,
    price,
    quantity: 1,
    subscription: subscriptionId,
    tax_rates: [],
  };
}

export type Subscription = StripeObject & {
  object: 'subscription';
  status: 'active' | 'past_due' | 'canceled' | 'unpaid';
  customer: string;
  currency: string;
  metadata: Record<string, string>;
  items: ApiList<SubscriptionItem>;
  latest_invoice: string | null;
  cancel_at_period_end: boolean;
  cancel_at: number | null;
  canceled_at: number | null;
  ended_at: number | null;
  cancellation_details: { comment: null; feedback: null; reason: string | null };
};

export function subscription(id: string, customerId: string, currency: string, metadata: Record<string, string>, items: SubscriptionItem[], created: number): Subscription {
  return {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: created,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: 'charge_automatically',
    created,
    currency,
    customer: customerId,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } },
    items: list(items, `/v1/subscription_items?subscription=${id}`),
    latest_invoice: null,
    livemode: false,
    metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: created,
    status: 'active',
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } },
    trial_start: null,
  };
}

export interface InvoiceLineInput {
  price: Price;
  quantity: number;
  description: string;
  metadata: Record<string, string>;
  period: { start: number; end: number };
  /** Set for subscription items; one-time setup fees are invoice items instead. */
  subscriptionItemId: string | null;
}

export type Invoice = StripeObject & {
  object: 'invoice';
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  billing_reason: string;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  attempt_count: number;
  attempted: boolean;
  currency: string;
  customer: string;
  total: number;
  next_payment_attempt: number | null;
  status_transitions: { finalized_at: number | null; marked_uncollectible_at: null; paid_at: number | null; voided_at: null };
  parent: { quote_details: null; subscription_details: { metadata: Record<string, string>; subscription: string }; type: 'subscription_details' };
  _payments: ApiList<StripeObject>;
};

export function invoice(o: {
  sub: Subscription;
  customerEmail: string | null;
  billingReason: 'subscription_create' | 'subscription_cycle';
  lines: InvoiceLineInput[];
  period: { start: number; end: number };
  created: number;
  number: string;
}): Invoice {
  const id = newId('in_');
  const total = o.lines.reduce((s, l) => s + l.price.unit_amount * l.quantity, 0);
  const lines = o.lines.map((l) => invoiceLine(id, o.sub.id, l));
  return {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'NumNinja',
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: o.billingReason,
    collection_method: 'charge_automatically',
    created: o.created,
    currency: o.sub.currency,
    custom_fields: null,
    customer: o.sub.customer,
    customer_address: null,
    customer_email: o.customerEmail,
    customer_name: null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: o.created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { ...list(lines, `/v1/invoices/${id}/lines`), total_count: lines.length },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: o.number,
    on_behalf_of: null,
    parent: { quote_details: null, subscription_details: { metadata: o.sub.metadata, subscription: o.sub.id }, type: 'subscription_details' },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: o.period.end,
    period_start: o.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'open',
    status_transitions: { finalized_at: o.created, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: o.created,
    _payments: list([], `/v1/invoice_payments?invoice=${id}`),
  };
}

function invoiceLine(invoiceId: string, subscriptionId: string, l: InvoiceLineInput): StripeObject {
  const amount = l.price.unit_amount * l.quantity;
  const parent = l.subscriptionItemId
    ? {
        invoice_item_details: null,
        subscription_item_details: { invoice_item: null, proration: false, proration_details: { credited_items: null }, subscription: subscriptionId, subscription_item: l.subscriptionItemId },
        type: 'subscription_item_details',
      }
    : {
        invoice_item_details: { invoice_item: newId('ii_'), proration: false, proration_details: { credited_items: null }, subscription: subscriptionId },
        subscription_item_details: null,
        type: 'invoice_item_details',
      };
  return {
    id: newId('il_'),
    object: 'line_item',
    amount,
    currency: l.price.currency,
    description: l.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: l.metadata,
    parent,
    period: l.period,
    pretax_credit_amounts: [],
    pricing: { price_details: { price: l.price.id, product: l.price.product }, type: 'price_details', unit_amount_decimal: String(l.price.unit_amount) },
    quantity: l.quantity,
    subscription: subscriptionId,
    subtotal: amount,
    taxes: [],
  };
}

/** The invoice ↔ payment intent link that replaced `invoice.payment_intent` in current API versions. */
export function invoicePayment(inv: Invoice, paymentIntentId: string, paid: boolean, created: number): StripeObject {
  return {
    id: newId('inpay_'),
    object: 'invoice_payment',
    amount_paid: paid ? inv.amount_due : null,
    amount_requested: inv.amount_due,
    created,
    currency: inv.currency,
    invoice: inv.id,
    is_default: true,
    livemode: false,
    payment: { payment_intent: paymentIntentId, type: 'payment_intent' },
    status: paid ? 'paid' : 'open',
    status_transitions: { canceled_at: null, paid_at: paid ? created : null },
  };
}

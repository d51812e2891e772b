/** Stripe-shaped products, prices, line items and checkout sessions, field for field as the API returns them. */
import { newId } from './ids';
import type { StripeObject } from './store';

export interface PriceInput {
  currency: string;
  unitAmount: number;
  recurring: { interval: string; interval_count: number } | null;
  productName: string;
  productMetadata: Record<string, string>;
}

export type Price = StripeObject & { object: 'price'; currency: string; unit_amount: number; recurring: null | { interval: string; interval_count: number; [k: string]: unknown }; product: string; type: string };
export type LineItem = StripeObject & { object: 'item'; amount_total: number; currency: string; description: string; metadata: Record<string, string>; price: Price; quantity: number };
export type ApiList<T> = { object: 'list'; data: T[]; has_more: boolean; url: string };

export function list<T>(data: T[], url: string): ApiList<T> {
  return { object: 'list', data, has_more: false, url };
}

/** price_data makes a product and an (inactive) price, as inline prices do on Stripe. */
export function productAndPrice(p: PriceInput, created: number): { product: StripeObject; price: Price } {
  const productId = newId('prod_', 14);
  const product = {
    id: productId,
    object: 'product',
    active: true,
    created,
    default_price: null,
    description: null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: p.productMetadata,
    name: p.productName,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: created,
    url: null,
  };
  const price: Price = {
    id: newId('price_'),
    object: 'price',
    active: false,
    billing_scheme: 'per_unit',
    created,
    currency: p.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: productId,
    recurring: p.recurring ? { ...p.recurring, meter: null, trial_period_days: null, usage_type: 'licensed' } : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: p.recurring ? 'recurring' : 'one_time',
    unit_amount: p.unitAmount,
    unit_amount_decimal: String(p.unitAmount),
  };
  return { product, price };
}

export function lineItem(price: Price, quantity: number, description: string, metadata: Record<string, string>): LineItem {
  const amount = price.unit_amount * quantity;
  return {
    id: newId('li_'),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description,
    metadata,
    price,
    quantity,
  };
}

export interface SessionInput {
  id: string;
  created: number;
  expiresAt: number;
  url: string;
  currency: string;
  lineItems: LineItem[];
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  subscriptionMetadata: Record<string, string>;
  successUrl: string;
  cancelUrl: string | null;
}

export type CheckoutSession = StripeObject & {
  object: 'checkout.session';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  amount_total: number;
  currency: string;
  customer: string | null;
  customer_email: string | null;
  expires_at: number;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string | null;
  subscription: string | null;
  invoice: string | null;
  /** Includable fields live under `_` keys and appear only when expanded (see expand.ts). */
  _line_items: ApiList<LineItem>;
  _subscription_data: { metadata: Record<string, string> };
};

export function checkoutSession(i: SessionInput): CheckoutSession {
  const total = i.lineItems.reduce((sum, li) => sum + li.amount_total, 0);
  return {
    id: i.id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: i.cancelUrl,
    client_reference_id: i.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: i.created,
    currency: i.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: i.customer,
    customer_creation: i.customer ? null : 'always',
    customer_details: null,
    customer_email: i.customerEmail,
    discounts: [],
    expires_at: i.expiresAt,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    metadata: i.metadata,
    mode: 'subscription',
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'always',
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: i.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: i.url,
    wallet_options: null,
    _line_items: list(i.lineItems, `/v1/checkout/sessions/${i.id}/line_items`),
    _subscription_data: { metadata: i.subscriptionMetadata },
  };
}

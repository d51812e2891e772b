/** Stripe-shaped payment intents, charges and refunds, paid (or declined) with the test card 4242. */
import { newId } from './ids';
import type { StripeObject } from './store';

export type Charge = StripeObject & {
  object: 'charge';
  amount: number;
  amount_refunded: number;
  currency: string;
  paid: boolean;
  refunded: boolean;
  status: 'succeeded' | 'failed';
  payment_intent: string;
};

export type PaymentIntent = StripeObject & { object: 'payment_intent'; latest_charge: string | null; status: string };

export type Refund = StripeObject & { object: 'refund'; amount: number; status: string; charge: string; currency: string };

const DECLINE = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } as const;

/** One card payment attempt: its intent and its charge. `declined` leaves the intent awaiting a new card. */
export function cardPayment(o: { amount: number; currency: string; customer: string; email: string | null; description: string; created: number; declined?: boolean }): {
  paymentIntent: PaymentIntent;
  charge: Charge;
} {
  const piId = newId('pi_');
  const chargeId = newId('ch_');
  const paymentMethod = newId('pm_');
  const ok = !o.declined;
  const charge: Charge = {
    id: chargeId,
    object: 'charge',
    amount: o.amount,
    amount_captured: ok ? o.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: ok ? newId('txn_') : null,
    billing_details: { address: null, email: o.email, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: 'NUMNINJA',
    captured: ok,
    created: o.created,
    currency: o.currency,
    customer: o.customer,
    description: o.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: ok ? null : DECLINE.code,
    failure_message: ok ? null : DECLINE.message,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: ok
      ? { network_status: 'approved_by_network', reason: null, risk_level: 'normal', seller_message: 'Payment complete.', type: 'authorized' }
      : { network_status: 'declined_by_network', reason: DECLINE.decline_code, risk_level: 'normal', seller_message: 'The bank did not return any further details with this decline.', type: 'issuer_declined' },
    paid: ok,
    payment_intent: piId,
    payment_method: paymentMethod,
    payment_method_details: {
      card: { brand: 'visa', country: 'US', exp_month: 12, exp_year: 2034, funding: 'credit', last4: ok ? '4242' : '0002', network: 'visa' },
      type: 'card',
    },
    receipt_email: o.email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: ok ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
  const paymentIntent: PaymentIntent = {
    id: piId,
    object: 'payment_intent',
    amount: o.amount,
    amount_capturable: 0,
    amount_received: ok ? o.amount : 0,
    application: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${piId}_secret_${newId('', 16)}`,
    confirmation_method: 'automatic',
    created: o.created,
    currency: o.currency,
    customer: o.customer,
    description: o.description,
    last_payment_error: ok ? null : { ...DECLINE, charge: chargeId, type: 'card_error' },
    latest_charge: chargeId,
    livemode: false,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: ok ? paymentMethod : null,
    payment_method_types: ['card'],
    receipt_email: null,
    setup_future_usage: 'off_session',
    status: ok ? 'succeeded' : 'requires_payment_method',
  };
  return { paymentIntent, charge };
}

export function refund(charge: Charge, amount: number, reason: string | null, metadata: Record<string, string>, created: number): Refund {
  return {
    id: newId('re_'),
    object: 'refund',
    amount,
    balance_transaction: newId('txn_'),
    charge: charge.id,
    created,
    currency: charge.currency,
    destination_details: { card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' },
    metadata,
    payment_intent: charge.payment_intent,
    reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

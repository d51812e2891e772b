/** `/v1/checkout/sessions`: create (validated as Stripe validates), retrieve, list line items, expire. */
import type { ApiRoute } from './api';
import type { TwinContext } from './context';
import { invalid, missingParam, noSuch } from './errors';
import { render } from './expand';
import { int, list, metadata, obj, onlyKnown, requiredStr, str, strings, type Params } from './form';
import { newId, unix } from './ids';
import { expireIfDue, expireSession } from './lifecycle-checkout';
import { checkoutSession, lineItem, productAndPrice, type CheckoutSession, type LineItem } from './objects-checkout';
import type { StripeObject } from './store';

const SESSION_PARAMS = ['mode', 'line_items', 'success_url', 'cancel_url', 'customer', 'customer_email', 'client_reference_id', 'metadata', 'subscription_data', 'expires_at', 'payment_method_types', 'locale'];
const LINE_PARAMS = ['price_data', 'quantity', 'metadata'];
const PRICE_DATA_PARAMS = ['currency', 'unit_amount', 'recurring', 'product_data', 'tax_behavior'];
const PRODUCT_DATA_PARAMS = ['name', 'description', 'metadata'];
/** Stripe's bounds for `expires_at`; the slack absorbs the trip from the caller's clock to ours. */
const MIN_EXPIRY_S = 30 * 60 - 10;
const MAX_EXPIRY_S = 24 * 60 * 60;

export function sessionRoutes(ctx: TwinContext): ApiRoute[] {
  const { store } = ctx;
  return [
    {
      method: 'post',
      path: '/v1/checkout/sessions',
      handler: async ({ input, expand }) => {
        const session = await createSession(ctx, input);
        return { body: await render(session, expand, store) };
      },
    },
    {
      method: 'get',
      path: '/v1/checkout/sessions/:id',
      handler: async ({ params, expand }) => {
        // Stripe expires sessions by itself; the twin catches up whenever someone looks.
        const expired = await expireIfDue(ctx, params.id!);
        const session = expired?.value ?? (await store.require<CheckoutSession>(params.id!, 'checkout.session'));
        return { body: await render(session, expand, store), events: expired?.events ?? [] };
      },
    },
    {
      method: 'get',
      path: '/v1/checkout/sessions/:id/line_items',
      handler: async ({ params, input }) => {
        const session = await store.require<CheckoutSession>(params.id!, 'checkout.session');
        const limit = Math.min(Math.max(int(input, 'limit') ?? 10, 1), 100);
        const after = str(input, 'starting_after');
        const all = session._line_items.data;
        const from = after ? all.findIndex((li: LineItem) => li.id === after) + 1 : 0;
        const data = all.slice(from, from + limit);
        return { body: { object: 'list', data, has_more: from + limit < all.length, url: session._line_items.url } };
      },
    },
    {
      method: 'post',
      path: '/v1/checkout/sessions/:id/expire',
      handler: async ({ params, expand, request }) => {
        const t = await expireSession(ctx, params.id!, request);
        if (!t.changed) throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This session has status "${t.value.status}".`);
        return { body: await render(t.value, expand, store), events: t.events };
      },
    },
  ];
}

async function createSession(ctx: TwinContext, p: Params): Promise<CheckoutSession> {
  onlyKnown(p, SESSION_PARAMS);
  const mode = requiredStr(p, 'mode');
  if (mode !== 'subscription') throw invalid('The offline Stripe twin supports `mode=subscription` only.', 'mode');
  const successUrl = url(requiredStr(p, 'success_url'), 'success_url');
  const cancelUrl = str(p, 'cancel_url') ? url(str(p, 'cancel_url')!, 'cancel_url') : null;
  const customerId = str(p, 'customer') ?? null;
  const customerEmail = str(p, 'customer_email') ?? null;
  if (customerId && customerEmail) throw invalid('You may only specify one of these parameters: customer, customer_email.', 'customer_email');
  if (customerEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(customerEmail)) throw invalid(`Invalid email address: ${customerEmail}`, 'customer_email');
  if (customerId && !(await ctx.store.get(customerId))) throw noSuch('customer', customerId, 'customer');
  const clientReferenceId = str(p, 'client_reference_id') ?? null;
  if (clientReferenceId && clientReferenceId.length > 200) throw invalid('client_reference_id must be at most 200 characters.', 'client_reference_id');
  const subscriptionData = obj(p, 'subscription_data') ?? {};
  onlyKnown(subscriptionData, ['metadata'], 'subscription_data');
  for (const t of strings(p, 'payment_method_types')) if (t !== 'card') throw invalid('The offline Stripe twin only takes cards.', 'payment_method_types');

  const now = unix(ctx.clock.now());
  const expiresAt = int(p, 'expires_at') ?? now + MAX_EXPIRY_S;
  if (expiresAt - now < MIN_EXPIRY_S) throw invalid('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', 'expires_at');
  if (expiresAt - now > MAX_EXPIRY_S) throw invalid('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', 'expires_at');

  const created: StripeObject[] = [];
  const items = (list(p, 'line_items') ?? []).map((li, i) => {
    const at = `line_items[${i}]`;
    onlyKnown(li, LINE_PARAMS, at);
    const quantity = int(li, 'quantity', `${at}[quantity]`);
    if (quantity === undefined) throw missingParam(`${at}[quantity]`);
    if (quantity < 1) throw invalid('Quantity must be at least 1.', `${at}[quantity]`);
    const pd = obj(li, 'price_data', `${at}[price_data]`);
    if (!pd) throw invalid('The offline Stripe twin needs `price_data` (it has no stored prices).', `${at}[price_data]`);
    onlyKnown(pd, PRICE_DATA_PARAMS, `${at}[price_data]`);
    const currency = requiredStr(pd, 'currency', `${at}[price_data][currency]`).toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}`, `${at}[price_data][currency]`);
    const unitAmount = int(pd, 'unit_amount', `${at}[price_data][unit_amount]`);
    if (unitAmount === undefined) throw missingParam(`${at}[price_data][unit_amount]`);
    if (unitAmount < 0) throw invalid('Invalid non-negative integer', `${at}[price_data][unit_amount]`);
    const recurringP = obj(pd, 'recurring', `${at}[price_data][recurring]`);
    let recurring: { interval: string; interval_count: number } | null = null;
    if (recurringP) {
      onlyKnown(recurringP, ['interval', 'interval_count'], `${at}[price_data][recurring]`);
      const interval = requiredStr(recurringP, 'interval', `${at}[price_data][recurring][interval]`);
      if (!['day', 'week', 'month', 'year'].includes(interval)) throw invalid(`Invalid interval: ${interval}`, `${at}[price_data][recurring][interval]`);
      recurring = { interval, interval_count: int(recurringP, 'interval_count', `${at}[price_data][recurring][interval_count]`) ?? 1 };
    }
    const prod = obj(pd, 'product_data', `${at}[price_data][product_data]`);
    if (!prod) throw missingParam(`${at}[price_data][product_data]`);
    onlyKnown(prod, PRODUCT_DATA_PARAMS, `${at}[price_data][product_data]`);
    const name = requiredStr(prod, 'name', `${at}[price_data][product_data][name]`);
    const made = productAndPrice({ currency, unitAmount, recurring, productName: name, productMetadata: metadata(prod, 'metadata', `${at}[price_data][product_data][metadata]`) }, now);
    created.push(made.product, made.price);
    return lineItem(made.price, quantity, name, metadata(li, 'metadata', `${at}[metadata]`));
  });
  if (items.length === 0) throw missingParam('line_items');
  const recurringCount = items.filter((li) => li.price.recurring).length;
  if (recurringCount === 0) throw invalid('You must specify at least one recurring price in `subscription` mode.', 'line_items');
  if (recurringCount > 20 || items.length - recurringCount > 20) throw invalid('Subscription mode allows at most 20 recurring and 20 one-time line items.', 'line_items');
  const currency = items[0]!.currency;
  if (items.some((li) => li.currency !== currency)) throw invalid('All line items must use the same currency.', 'line_items');

  const id = newId('cs_test_', 58);
  const session = checkoutSession({
    id,
    created: now,
    expiresAt,
    url: `${ctx.publicBaseUrl().replace(/\/+$/, '')}/offline-checkout/${id}`,
    currency,
    lineItems: items,
    customer: customerId,
    customerEmail,
    clientReferenceId,
    metadata: metadata(p, 'metadata'),
    subscriptionMetadata: metadata(subscriptionData, 'metadata', 'subscription_data[metadata]'),
    successUrl,
    cancelUrl,
  });
  await ctx.store.put(...created, session);
  return session;
}

function url(value: string, param: string): string {
  try {
    const u = new URL(value);
    if (u.protocol === 'http:' || u.protocol === 'https:') return value;
  } catch {
    // fall through to Stripe's message
  }
  throw invalid('Not a valid URL', param, 'url_invalid');
}

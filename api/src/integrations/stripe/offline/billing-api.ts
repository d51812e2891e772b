/** `/v1` subscriptions (retrieve, update, cancel), refunds, and plain retrieval of everything else the twin keeps. */
import type { ApiRoute } from './api';
import type { TwinContext } from './context';
import { invalid, StripeApiError } from './errors';
import { event, type StripeEvent } from './events';
import { render } from './expand';
import { bool, int, metadata, onlyKnown, str } from './form';
import { unix } from './ids';
import { cancelNow, refundCharge, setCancelAtPeriodEnd } from './lifecycle-billing';
import type { Subscription } from './objects-billing';

/** URL collection → object type, for GET /v1/<collection>/<id>. */
const RETRIEVABLE: Record<string, string> = {
  customers: 'customer',
  invoices: 'invoice',
  payment_intents: 'payment_intent',
  charges: 'charge',
  refunds: 'refund',
  events: 'event',
  prices: 'price',
  products: 'product',
  subscriptions: 'subscription',
};

const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

export function billingRoutes(ctx: TwinContext): ApiRoute[] {
  const { store } = ctx;
  return [
    {
      method: 'post',
      path: '/v1/subscriptions/:id',
      handler: async ({ params, input, expand, request }) => {
        onlyKnown(input, ['cancel_at_period_end', 'metadata', 'cancellation_details', 'proration_behavior']);
        const flag = bool(input, 'cancel_at_period_end');
        const events: StripeEvent[] = [];
        if (flag !== undefined) events.push(...(await setCancelAtPeriodEnd(ctx, params.id!, flag, request)).events);
        if (input.metadata !== undefined) {
          const md = metadata(input, 'metadata');
          const t = await store.transaction([params.id!], async (tx) => {
            const sub = await tx.require<Subscription>(params.id!, 'subscription');
            const previous = { metadata: sub.metadata };
            // Stripe merges metadata; an empty value deletes the key.
            sub.metadata = Object.fromEntries(Object.entries({ ...sub.metadata, ...md }).filter(([, v]) => v !== ''));
            const e = event('customer.subscription.updated', sub, unix(ctx.clock.now()), request, previous);
            await tx.put(sub, e);
            return e;
          });
          events.push(t);
        }
        const sub = await store.require<Subscription>(params.id!, 'subscription');
        return { body: await render(sub, expand, store), events };
      },
    },
    {
      method: 'delete',
      path: '/v1/subscriptions/:id',
      handler: async ({ params, input, expand, request }) => {
        onlyKnown(input, ['invoice_now', 'prorate', 'cancellation_details']);
        const t = await cancelNow(ctx, params.id!, 'cancellation_requested', request);
        return { body: await render(t.value, expand, store), events: t.events };
      },
    },
    {
      method: 'post',
      path: '/v1/refunds',
      handler: async ({ input, expand, request }) => {
        onlyKnown(input, ['charge', 'payment_intent', 'amount', 'reason', 'metadata']);
        const reason = str(input, 'reason') ?? null;
        if (reason && !REFUND_REASONS.includes(reason)) throw invalid(`Invalid reason: must be one of ${REFUND_REASONS.join(', ')}`, 'reason');
        const t = await refundCharge(
          ctx,
          { charge: str(input, 'charge'), paymentIntent: str(input, 'payment_intent'), amount: int(input, 'amount'), reason, metadata: metadata(input, 'metadata') },
          request,
        );
        return { body: await render(t.value, expand, store), events: t.events };
      },
    },
    {
      method: 'get',
      path: '/v1/:collection/:id',
      handler: async ({ params, expand }) => {
        const type = RETRIEVABLE[params.collection!];
        if (!type) throw new StripeApiError(404, 'invalid_request_error', `Unrecognized request URL (GET: /v1/${params.collection}/${params.id}).`);
        const found = await store.require(params.id!, type);
        return { body: await render(found, expand, store) };
      },
    },
  ];
}

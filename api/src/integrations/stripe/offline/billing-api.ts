/**
 * `/v1` subscriptions (retrieve, update, cancel), subscription items (retrieve, delete), refunds,
 * the event list, and plain retrieval of everything else the twin keeps.
 */
import type { ApiRoute } from './api';
import type { TwinContext } from './context';
import { invalid, noSuch, StripeApiError } from './errors';
import { event, type StripeEvent } from './events';
import { render } from './expand';
import { bool, int, metadata, obj, onlyKnown, str, type Params } from './form';
import { unix } from './ids';
import { cancelNow, refundCharge, removeItem, setCancelAtPeriodEnd } from './lifecycle-billing';
import type { Subscription } from './objects-billing';
import type { EventQuery } from './store';

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

const PRORATION_BEHAVIORS = ['always_invoice', 'create_prorations', 'none'];

/** `created=<unix>` or `created[gt|gte|lt|lte]=<unix>`. */
function createdRange(input: Params): EventQuery['created'] {
  if (typeof input.created === 'string') {
    const at = int(input, 'created')!;
    return { gte: at, lte: at };
  }
  const range = obj(input, 'created');
  if (!range) return undefined;
  onlyKnown(range, ['gt', 'gte', 'lt', 'lte'], 'created');
  const out: NonNullable<EventQuery['created']> = {};
  for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
    const v = int(range, op, `created[${op}]`);
    if (v !== undefined) out[op] = v;
  }
  return out;
}

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
      method: 'get',
      path: '/v1/subscription_items/:id',
      handler: async ({ params, expand }) => {
        // Items live inside their subscription; a deleted one is gone, as on Stripe.
        const subId = await store.subscriptionIdForItem(params.id!);
        const sub = subId ? await store.get<Subscription>(subId) : null;
        const item = sub?.items.data.find((si) => si.id === params.id);
        if (!item) throw noSuch('subscription item', params.id!);
        return { body: await render(item, expand, store) };
      },
    },
    {
      method: 'delete',
      path: '/v1/subscription_items/:id',
      handler: async ({ params, input, request }) => {
        onlyKnown(input, ['proration_behavior', 'proration_date', 'payment_behavior', 'clear_usage']);
        const proration = str(input, 'proration_behavior');
        if (proration !== undefined && !PRORATION_BEHAVIORS.includes(proration)) {
          throw invalid(`Invalid proration_behavior: must be one of ${PRORATION_BEHAVIORS.join(', ')}`, 'proration_behavior');
        }
        // Stripe's default (create_prorations) would credit the unused time; the twin models no prorations.
        if (proration !== 'none') throw invalid('The offline Stripe twin does not model prorations: pass proration_behavior=none.', 'proration_behavior');
        if (bool(input, 'clear_usage')) throw invalid("clear_usage is only allowed when the current plan's usage_type is metered.", 'clear_usage');
        const t = await removeItem(ctx, params.id!, request);
        return { body: { id: t.value.id, object: 'subscription_item', deleted: true }, events: t.events };
      },
    },
    {
      method: 'get',
      path: '/v1/events',
      handler: async ({ input }) => {
        onlyKnown(input, ['type', 'created', 'limit', 'starting_after']);
        const limit = int(input, 'limit') ?? 10;
        if (limit < 1 || limit > 100) throw invalid('This value must be between 1 and 100.', 'limit');
        const startingAfter = str(input, 'starting_after');
        if (startingAfter) await store.require(startingAfter, 'event', 'starting_after');
        const q: EventQuery = { type: str(input, 'type'), created: createdRange(input), limit, startingAfter };
        const { data, hasMore } = await store.listEvents(q);
        return { body: { object: 'list', data, has_more: hasMore, url: '/v1/events' } };
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

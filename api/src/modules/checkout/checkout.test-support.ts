import Stripe from 'stripe';
import { OFFLINE_STRIPE_WEBHOOK_SECRET } from '../../integrations/stripe/constants';
import { signUpCustomer, type TestApi } from '../../test/api-harness';

export const ADD = `mutation($id: ID!) { addToCart(availableNumberId: $id) { errors { code message } } }`;
export const START = `mutation { startCheckout { checkoutUrl errors { code message field } order { id reference status dueToday { amount } lines { id e164 } } } }`;
export const ORDER = `query($id: ID!) { order(id: $id) { id status paidAt lines { status numberStatus purchasedNumberId } payments { kind status amount { amount } } timeline { type } } }`;

/** A customer with `count` numbers in the cart and a started checkout. */
export async function customerAtCheckout(api: TestApi, numberIds: string[]) {
  const customer = await signUpCustomer(api);
  for (const id of numberIds) {
    const added = await api.gql(ADD, { id }, { token: customer.token });
    if (added.body.data!.addToCart.errors.length) throw new Error(JSON.stringify(added.body.data!.addToCart.errors));
  }
  const started = await api.gql(START, {}, { token: customer.token });
  const payload = started.body.data!.startCheckout;
  if (payload.errors.length) throw new Error(JSON.stringify(payload.errors));
  const sessionId = new URL(payload.checkoutUrl).pathname.split('/').pop()!;
  return { customer, order: payload.order as { id: string; reference: string; dueToday: { amount: number } }, checkoutUrl: payload.checkoutUrl as string, sessionId };
}

/** Clicks a button of the offline checkout page the way a browser submits its form. */
export async function clickOffline(checkoutUrl: string, action: 'pay' | 'decline' | 'fail-card'): Promise<Response> {
  return fetch(`${checkoutUrl}/${action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' });
}

const stripe = new Stripe('sk_test_unused');

/** POSTs an event to the webhook signed as Stripe would (or with the signature given). */
export async function deliver(api: TestApi, event: unknown, signature?: string): Promise<Response> {
  const payload = JSON.stringify(event);
  const header = signature ?? stripe.webhooks.generateTestHeaderString({ payload, secret: OFFLINE_STRIPE_WEBHOOK_SECRET });
  return fetch(`${api.url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
}

/** Events the offline twin stored (and delivered), oldest first. */
export async function twinEvents(api: TestApi, type?: string): Promise<Array<{ id: string; type: string }>> {
  const rows = await api.db.prisma.offlineStripeObject.findMany({ where: { type: 'event' }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => r.data as { id: string; type: string }).filter((e) => !type || e.type === type);
}

/** Counts of every row fulfilment writes, to prove "nothing half-written" and "once". */
export async function fulfilmentCounts(api: TestApi) {
  const p = api.db.prisma;
  const [payments, numbers, events, emails, jobs] = await Promise.all([
    p.payment.count(),
    p.purchasedNumber.count(),
    p.stripeEvent.count(),
    p.emailOutbox.count(),
    p.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'provision-number'`,
  ]);
  return { payments, numbers, events, emails, provisionJobs: jobs[0]!.n };
}

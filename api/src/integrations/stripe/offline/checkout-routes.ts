/**
 * The offline checkout page and its three buttons. Pay and Decline deliver their events and wait
 * for each (with retries) before redirecting, so the app has processed the payment by the time
 * the customer lands on the success page, as usually happens with real Stripe.
 */
import express, { type Request, type Response } from 'express';
import type { TwinContext } from './context';
import { StripeApiError } from './errors';
import { completeSession, expireIfDue, expireSession, type Transition } from './lifecycle-checkout';
import type { Customer } from './objects-billing';
import type { CheckoutSession } from './objects-checkout';
import { checkoutPage, finishedPage, notFoundPage } from './page';

export function checkoutRoutes(ctx: TwinContext): express.Router {
  const router = express.Router();
  const forms = express.urlencoded({ extended: false, limit: '16kb' });

  const base = (req: Request, id: string) => `${req.baseUrl}/offline-checkout/${encodeURIComponent(id)}`;
  const successUrl = (s: CheckoutSession) => s.success_url.replaceAll('{CHECKOUT_SESSION_ID}', s.id).replaceAll('%7BCHECKOUT_SESSION_ID%7D', s.id);
  const linkFor = (s: CheckoutSession) => (s.status === 'complete' ? successUrl(s) : s.cancel_url);

  async function deliverAll(t: Transition<CheckoutSession>) {
    for (const e of t.events) await ctx.delivery.deliver(e);
  }

  /** Runs a page action; unknown ids get a 404 page instead of Stripe's JSON error. */
  const page = (fn: (req: Request, res: Response, id: string) => Promise<void>) => async (req: Request, res: Response) => {
    const id = String(req.params.id);
    try {
      res.setHeader('Cache-Control', 'no-store');
      await fn(req, res, id);
    } catch (err) {
      if (err instanceof StripeApiError && err.status === 404) {
        res.status(404).type('html').send(notFoundPage());
        return;
      }
      ctx.logger?.error({ err, sessionId: id }, 'offline checkout page failed');
      res.status(500).type('html').send(notFoundPage().replace('Checkout not found', 'Something went wrong'));
    }
  };

  async function show(req: Request, res: Response, id: string, error?: string) {
    const expired = await expireIfDue(ctx, id);
    if (expired) ctx.delivery.deliverLater(expired.events);
    const s = expired?.value ?? (await ctx.store.require<CheckoutSession>(id, 'checkout.session'));
    if (s.status !== 'open') {
      res.type('html').send(finishedPage(s, linkFor(s)));
      return;
    }
    const email = s.customer_email ?? (s.customer ? ((await ctx.store.get<Customer>(s.customer))?.email ?? null) : null);
    res.type('html').send(checkoutPage({ session: s, email, base: base(req, id), ...(error ? { error } : {}) }));
  }

  router.get('/offline-checkout/:id', page((req, res, id) => show(req, res, id)));

  router.post(
    '/offline-checkout/:id/pay',
    forms,
    page(async (_req, res, id) => {
      const t = await completeSession(ctx, id);
      await deliverAll(t);
      if (t.changed && t.value.status === 'complete') {
        res.redirect(303, successUrl(t.value));
        return;
      }
      res.type('html').send(finishedPage(t.value, linkFor(t.value)));
    }),
  );

  router.post(
    '/offline-checkout/:id/decline',
    forms,
    page(async (_req, res, id) => {
      const t = await expireSession(ctx, id, null);
      await deliverAll(t);
      if (t.changed && t.value.cancel_url) {
        res.redirect(303, t.value.cancel_url);
        return;
      }
      res.type('html').send(finishedPage(t.value, linkFor(t.value)));
    }),
  );

  // Like real Checkout: a declined card changes nothing and sends nothing; the session stays open.
  router.post(
    '/offline-checkout/:id/fail-card',
    forms,
    page((req, res, id) => show(req, res, id, 'Your card was declined. Try a different card.')),
  );

  return router;
}

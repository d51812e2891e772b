import express, { type Router } from 'express';
import type { Logger } from '../logger';
import { WebhookSignatureError } from '../integrations/stripe/errors';
import type { Services } from '../services';

/**
 * POST /webhooks/stripe. The signature is checked over the exact raw bytes; a bad, missing or
 * stale one is a 400 and nothing is written. Handling failures answer 500 so Stripe retries.
 */
export function stripeWebhookRouter(services: Services, log: Logger): Router {
  const router = express.Router();
  router.post('/webhooks/stripe', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let event;
    try {
      event = services.payments.verifyWebhook(body, req.header('stripe-signature') ?? undefined);
    } catch (err) {
      if (err instanceof WebhookSignatureError) {
        req.log.warn({ reason: err.message }, 'stripe webhook refused');
        res.status(400).json({ error: err.message });
        return;
      }
      throw err;
    }
    try {
      const outcome = await services.stripeEvents.handle(event);
      res.json({ received: true, outcome });
    } catch (err) {
      log.error({ err, eventId: event.id, type: event.type }, 'stripe webhook handling failed');
      res.status(500).json({ error: 'Webhook handling failed; retry later.' });
    }
  });
  return router;
}

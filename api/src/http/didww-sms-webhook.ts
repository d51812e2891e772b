import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Logger } from '../logger';
import { inboundSmsSchema } from '../modules/messaging/inbound-sms';
import type { Services } from '../services';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * POST /webhooks/didww/sms/:secret — DIDWW's HTTP IN SMS trunk. DIDWW does not sign these
 * requests; the shared secret in the path is the proof (compared in constant time). A wrong or
 * missing secret is a 404 and nothing is read or stored. Unknown numbers answer 200, since DIDWW
 * retries anything else for an hour.
 */
export function didwwSmsWebhookRouter(services: Services, secret: string | undefined, log: Logger): Router {
  const router = express.Router();
  const expected = secret ? digest(secret) : null;
  router.post(
    '/webhooks/didww/sms/:secret',
    (req, res, next) => {
      if (!expected || !timingSafeEqual(digest(req.params.secret), expected)) {
        req.log.warn('inbound SMS refused: bad secret');
        res.status(404).json({ error: 'Not found' });
        return;
      }
      next();
    },
    express.json({ limit: '128kb' }),
    express.urlencoded({ extended: false, limit: '128kb' }),
    async (req, res) => {
      const parsed = inboundSmsSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(422).json({ error: 'Malformed SMS', issues: parsed.error.issues.map((i) => i.path.join('.')) });
        return;
      }
      try {
        const r = await services.messaging.receiveInbound(parsed.data);
        res.json({ received: true, outcome: r.outcome });
      } catch (err) {
        log.error({ err, smsId: parsed.data.id }, 'inbound SMS handling failed');
        res.status(500).json({ error: 'Try again later.' });
      }
    },
  );
  return router;
}

import express, { type Router } from 'express';
import { scopedViewer } from '../modules/auth/session.service';
import type { Logger } from '../logger';
import { BadRecording, BadSignature } from '../modules/number-config/voicemail.service';
import type { Services } from '../services';
import { linkViewer } from './request-auth';

/**
 * POST /webhooks/voicemail: recordings from the voicemail endpoint, signed over the raw bytes
 * (anything unsigned, forged or stale is a 400 and stores nothing).
 * GET /voicemails/:id/audio: the recording for its owner (session cookie or bearer token; the
 * console passes ?app=admin for its staff cookie). Anyone else gets the same 404 as a wrong id.
 */
export function voicemailRouter(services: Services, log: Logger): Router {
  const router = express.Router();
  router.post('/webhooks/voicemail', express.raw({ type: '*/*', limit: '15mb' }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const outcome = await services.voicemail.receive(body, req.header('x-numninja-signature') ?? undefined);
      res.status(outcome === 'unknown-number' ? 404 : 200).json({ received: outcome !== 'unknown-number', outcome });
    } catch (err) {
      if (err instanceof BadSignature || err instanceof BadRecording) {
        req.log.warn({ reason: err.message }, 'voicemail webhook refused');
        res.status(400).json({ error: err.message });
        return;
      }
      log.error({ err }, 'voicemail webhook failed');
      res.status(500).json({ error: 'Could not store the recording; retry later.' });
    }
  });

  router.get('/voicemails/:id/audio', async (req, res) => {
    const viewer = await linkViewer(services.sessions, req);
    if (!viewer) {
      res.status(401).json({ error: 'Sign in to listen.' });
      return;
    }
    const audio = await services.voicemail.audio(scopedViewer(viewer), req.params.id);
    if (!audio) {
      res.status(404).json({ error: 'No such voicemail.' });
      return;
    }
    res.setHeader('content-type', audio.contentType);
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('content-length', String(audio.bytes.length));
    res.end(audio.bytes);
  });
  return router;
}

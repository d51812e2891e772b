import express, { type Router } from 'express';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { linkViewer } from './request-auth';

/**
 * GET /exports/:id.csv?token=… streams a CSV export. It needs the session (cookie or bearer) of
 * the account that requested it AND the link's token; anything else is a plain 404, so export ids
 * cannot be probed. `app=admin` picks the staff console's cookie (a link has no custom headers).
 */
export function exportsRouter(services: Services, log: Logger): Router {
  const router = express.Router();
  router.get('/exports/:file', async (req, res) => {
    const m = /^([0-9a-f-]{36})\.csv$/i.exec(req.params.file);
    const viewer = await linkViewer(services.sessions, req);
    if (!viewer) {
      res.status(401).json({ error: 'Sign in to download this export.' });
      return;
    }
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    const exp = m ? await services.exports.open(viewer.userId, m[1]!, token) : null;
    if (!exp) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    const name = `${exp.kind === 'CALL_RECORDS' ? 'call-records' : 'sms-messages'}-${exp.id.slice(0, 8)}.csv`;
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    res.setHeader('cache-control', 'no-store');
    try {
      const rows = await services.exports.stream(exp, res);
      req.log.info({ exportId: exp.id, rows }, 'export streamed');
    } catch (err) {
      // Headers are gone by now: cutting the connection is the only way to tell the client the file is incomplete.
      log.error({ err, exportId: exp.id }, 'export stream failed');
      res.destroy(err as Error);
    }
  });
  return router;
}

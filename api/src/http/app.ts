import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import express, { type ErrorRequestHandler, type Request } from 'express';
import { pinoHttp } from 'pino-http';
import type pg from 'pg';
import type { Config } from '../config';
import type { GraphQLContext } from '../graphql/context';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { detectApp, resolveViewer } from './request-auth';
import { requestIdFrom } from './request-id';
import { sessionCookie } from './session-cookie';
import { stripeWebhookRouter } from './stripe-webhook';
import { didwwSmsWebhookRouter } from './didww-sms-webhook';
import { exportsRouter } from './exports-route';
import { voicemailRouter } from './voicemail-routes';

export interface AppDeps {
  config: Config;
  log: Logger;
  services: Services;
  pool: pg.Pool;
  apollo: ApolloServer<GraphQLContext>;
  /** Mounted before the 404 handler (e.g. the offline Stripe twin). */
  extraRoutes?: express.Router;
}

export function createApp({ config, log, services, pool, apollo, extraRoutes }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger: log,
      // Per-request loggers bind only the request id; binding the whole request serialised it on
      // every call even when nothing was logged (5% of a search request's CPU).
      quietReqLogger: true,
      genReqId: (req, res) => {
        const id = requestIdFrom(req.headers['x-request-id']);
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (req, res) => {
    try {
      await pool.query({ text: 'select 1', query_timeout: 2000 } as pg.QueryConfig);
      res.json({ status: 'ready' });
    } catch (err) {
      req.log.warn({ err }, 'database not reachable');
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  // Before any JSON body parser: the signature covers the raw bytes.
  app.use(stripeWebhookRouter(services, log));
  app.use(didwwSmsWebhookRouter(services, config.didwwSmsSecret, log));
  app.use(exportsRouter(services, log));
  app.use(voicemailRouter(services, log));

  app.use(
    '/graphql',
    express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const inputs = {
          appHint: req.headers['x-numninja-app'],
          authorization: req.headers.authorization,
          cookieHeader: req.headers.cookie,
        };
        const appKind = detectApp(inputs);
        return {
          requestId: String(req.id),
          log: req.log,
          viewer: await resolveViewer(services.sessions, inputs, appKind),
          meta: { app: appKind, ip: clientIp(req), userAgent: req.headers['user-agent'] ?? null },
          services,
          cookie: sessionCookie(res, appKind, config.cookieSecure),
        };
      },
    }),
  );

  if (extraRoutes) app.use(extraRoutes);

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  app.use(bodyErrorHandler);
  return app;
}

function clientIp(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}

/** body-parser faults (bad JSON, oversized body) answered as GraphQL-over-HTTP error documents, never a 500. */
const bodyErrorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  const messages: Record<number, string> = {
    400: 'The request body is not valid JSON.',
    413: 'The request body is larger than 1 MB.',
    415: 'Unsupported content type.',
  };
  if (status === 500) req.log.error({ err }, 'unhandled HTTP error');
  res.status(status).type('application/json').json({
    errors: [
      {
        message: messages[status] ?? (status === 500 ? `Unexpected error. Reference: ${String(req.id)}` : 'Bad request.'),
        extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
      },
    ],
  });
};

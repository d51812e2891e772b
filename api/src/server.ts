import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/prisma';
import { buildAppSchema } from './graphql/schema';
import { createApp } from './http/app';
import { startApollo } from './http/graphql-http';
import { attachGraphQLWebSocket } from './http/graphql-ws';
import type { Logger } from './logger';
import { createServices, type Services } from './services';
import { createOfflineStripe } from './integrations/stripe/offline';
import { OFFLINE_STRIPE_WEBHOOK_SECRET } from './integrations/stripe/constants';
import { startEventListener, type EventListener } from './realtime/listener';

export interface ApiServer {
  httpServer: Server;
  services: Services;
  /** The offline Stripe twin (null with real Stripe keys): tests and staff tools simulate Stripe's own events with it. */
  offlineStripe: ReturnType<typeof createOfflineStripe> | null;
  /** This process's LISTEN connection feeding `services.realtime`. */
  events: EventListener;
  /** Resolves with the base URL once listening (port 0 picks a free port). */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Builds the HTTP + WebSocket server around one database; used by main.ts and by tests alike. */
export async function createApiServer(deps: {
  config: Config;
  db: Database;
  log: Logger;
  clock?: Clock;
  /** Offline Stripe twin tuning; tests shorten its webhook retry delays. */
  offlineStripe?: { retryDelaysMs?: number[] };
}): Promise<ApiServer> {
  const { config, db, log } = deps;
  // The real listening address, known once listen() returns; the offline Stripe twin calls back to it.
  let listeningUrl = config.API_URL ?? `http://127.0.0.1:${config.PORT}`;
  const services = createServices(db, config, deps.clock ?? systemClock, log, { api: () => listeningUrl });
  const schema = await buildAppSchema();
  const httpServer = createServer();
  const apollo = await startApollo(schema, httpServer, config);
  // Without Stripe keys the API also plays Stripe: its API under /v1 and the offline checkout page.
  const twin =
    services.payments.mode === 'offline'
      ? createOfflineStripe({
          prisma: db.prisma,
          webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? OFFLINE_STRIPE_WEBHOOK_SECRET,
          apiBaseUrl: () => listeningUrl,
          publicBaseUrl: () => config.API_URL ?? listeningUrl,
          clock: deps.clock ?? systemClock,
          logger: log.child({ component: 'offline-stripe' }),
          retryDelaysMs: deps.offlineStripe?.retryDelaysMs,
        })
      : null;
  // Real Stripe expires abandoned sessions on its own; the twin needs a nudge.
  const expiry = twin ? setInterval(() => void twin.simulate.expireDueSessions().catch((err: unknown) => log.warn({ err }, 'offline session expiry failed')), 60_000) : null;
  expiry?.unref();
  const app = createApp({ config, log, services, pool: db.pool, apollo, extraRoutes: twin?.router });
  httpServer.on('request', app);
  const ws = attachGraphQLWebSocket(httpServer, schema, services, log);
  const events = startEventListener({
    databaseUrl: db.url,
    log: log.child({ component: 'realtime' }),
    onEvent: (event) => services.realtime.publish(event),
    onResync: () => services.realtime.announceResync(),
  });

  return {
    httpServer,
    services,
    events,
    async listen(port, host = config.HOST) {
      await events.listening();
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const { port: actual } = httpServer.address() as AddressInfo;
          listeningUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`;
          resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}`);
        });
      });
    },
    offlineStripe: twin,
    async close() {
      if (expiry) clearInterval(expiry);
      await ws.close();
      await events.close();
      // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
      await apollo.stop();
      await twin?.drain();
      services.email.close();
    },
  };
}

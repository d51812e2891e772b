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

export interface ApiServer {
  httpServer: Server;
  services: Services;
  /** Resolves with the base URL once listening (port 0 picks a free port). */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Builds the HTTP + WebSocket server around one database; used by main.ts and by tests alike. */
export async function createApiServer(deps: { config: Config; db: Database; log: Logger; clock?: Clock }): Promise<ApiServer> {
  const { config, db, log } = deps;
  const services = createServices(db, config, deps.clock ?? systemClock, log);
  const schema = await buildAppSchema();
  const httpServer = createServer();
  const apollo = await startApollo(schema, httpServer, config);
  const app = createApp({ config, log, services, pool: db.pool, apollo });
  httpServer.on('request', app);
  const ws = attachGraphQLWebSocket(httpServer, schema, services, log);

  return {
    httpServer,
    services,
    listen(port, host = config.HOST) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const { port: actual } = httpServer.address() as AddressInfo;
          resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}`);
        });
      });
    },
    async close() {
      await ws.close();
      // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
      await apollo.stop();
    },
  };
}

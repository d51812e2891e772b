/**
 * A fake DIDWW API v3 over real HTTP, for tests and the offline demo. Never imported by app code:
 * tests and `fake/main.ts` start it; the app talks to it through the real client.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { usdToCents } from '../money';
import { createAdmin, type FakeAdmin } from './admin';
import { Faults, type FaultScenario } from './faults';
import { Lifecycle, type OwnedDid } from './lifecycle';
import { createRouter } from './router';
import { defaultDataset, FakeStore, type FakeDataset } from './store';

export interface FakeDidwwOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Delay before an order completes; default 2000, 0 = next tick. */
  orderDelayMs?: number;
  /** Delay before a CDR export completes; default 200. */
  exportDelayMs?: number;
  /** Coverage and numbers; default: the demo coverage with `seedPerGroup` numbers per group. */
  dataset?: FakeDataset;
  seedPerGroup?: number;
  /** The API key the fake accepts; default "fake-didww-key". */
  apiKey?: string;
  /** Version assumed when a request has no X-DIDWW-API-Version; default "2026-04-16". */
  defaultApiVersion?: string;
  /** Default 10 minutes. */
  reservationTtlMs?: number;
  /** Bearer token lifetime; default 900 s. */
  tokenTtlSeconds?: number;
  /** Starting balance in USD; default "1000.00". */
  initialBalance?: string;
  /** Clock (ms since epoch); default Date.now. `admin.advanceClock` shifts it. */
  now?: () => number;
  callbackFormat?: 'form' | 'jsonapi';
  cdrBackfillDays?: number;
  /** How long a "timeout" fault holds the request before dropping it; default 30 s. */
  hangMs?: number;
  faults?: Partial<FaultScenario>;
  /** DIDs the account owns from the start (the demo customer's numbers). */
  ownedDids?: OwnedDid[];
  /** Our HTTP IN SMS trunk URL: inbound SMS are POSTed there as JSON. */
  smsWebhookUrl?: string;
  /** Demo traffic: every this many ms, SMS-capable DIDs may receive a message; 0 (default) = off. */
  smsTrafficEveryMs?: number;
}

export interface FakeDidww {
  /** API base to configure the client with (…/v3). */
  url: string;
  /** Scheme://host:port, where `/token` and `/__admin/` live. */
  origin: string;
  tokenUrl: string;
  port: number;
  apiKey: string;
  admin: FakeAdmin;
  close(): Promise<void>;
}

export async function startFakeDidww(opts: FakeDidwwOptions = {}): Promise<FakeDidww> {
  const apiKey = opts.apiKey ?? 'fake-didww-key';
  const store = new FakeStore(
    opts.dataset ?? defaultDataset(opts.seedPerGroup),
    opts.now ?? Date.now,
    usdToCents(opts.initialBalance ?? '1000.00'),
    opts.reservationTtlMs ?? 10 * 60_000,
  );
  const faults = new Faults();
  if (opts.faults) faults.set(opts.faults);
  const lifecycle = new Lifecycle(store, {
    orderDelayMs: opts.orderDelayMs ?? 2000,
    exportDelayMs: opts.exportDelayMs ?? 200,
    cdrBackfillDays: opts.cdrBackfillDays ?? 7,
    callbackFormat: opts.callbackFormat ?? 'form',
  });
  store.smsWebhookUrl = opts.smsWebhookUrl ?? null;
  if (opts.ownedDids) lifecycle.adoptDids(opts.ownedDids);
  if (opts.smsTrafficEveryMs) lifecycle.startSmsTraffic(opts.smsTrafficEveryMs);
  const admin = createAdmin(store, faults, lifecycle);
  const hanging = new Set<ServerResponse>();
  const handle = createRouter({
    store, faults, lifecycle, admin, apiKey, hanging,
    defaultApiVersion: opts.defaultApiVersion ?? '2026-04-16',
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 900,
    hangMs: opts.hangMs ?? 30_000,
  });
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  // Above undici's 2 s keep-alive threshold: with less, fetch drops the connection after every
  // response and each DIDWW call pays a TCP connect (as the real DIDWW's longer keep-alive does not).
  server.keepAliveTimeout = 5_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/v3`,
    origin,
    tokenUrl: `${origin}/token`,
    port,
    apiKey,
    admin,
    async close() {
      for (const res of hanging) res.destroy();
      await lifecycle.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

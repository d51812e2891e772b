/**
 * Request pipeline: admin → faults (latency, timeout, 429, 5xx) → media types (406/415) → auth →
 * reservation expiry → resource route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin, type FakeAdmin } from './admin';
import { authenticate, header, mintToken } from './auth';
import type { Ctx, Route } from './context';
import type { Faults } from './faults';
import { errors, HttpError, MEDIA_TYPE, parseQuery, send, sendError } from './jsonapi';
import type { Lifecycle } from './lifecycle';
import { presenter } from './present';
import { availableDidRoutes } from './resources/available-dids';
import { balanceRoutes } from './resources/balance';
import { coverageRoutes } from './resources/coverage';
import { didRoutes } from './resources/dids';
import { exportRoutes } from './resources/exports';
import { orderRoutes } from './resources/orders';
import { reservationRoutes } from './resources/reservations';
import { trunkRoutes } from './resources/trunks';
import { trunkGroupRoutes } from './resources/trunk-groups';
import type { FakeStore } from './store';

const ROUTES: Route[] = [
  ...coverageRoutes, ...availableDidRoutes, ...reservationRoutes, ...orderRoutes, ...didRoutes,
  ...trunkRoutes, ...trunkGroupRoutes, ...exportRoutes, ...balanceRoutes,
];

export interface RouterDeps {
  store: FakeStore;
  faults: Faults;
  lifecycle: Lifecycle;
  admin: FakeAdmin;
  apiKey: string;
  defaultApiVersion: string;
  tokenTtlSeconds: number;
  /** Requests told to time out are held this long, then dropped. */
  hangMs: number;
  hanging: Set<ServerResponse>;
}

const MAX_BODY = 1_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(errors.badRequest('Request too large', 'The request body is too large.'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const mediaTypeOf = (v: string | undefined) => (v ?? '').split(';')[0]!.trim().toLowerCase();

function acceptable(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((part) => ['application/vnd.api+json', '*/*', 'application/*'].includes(mediaTypeOf(part)));
}

export function createRouter(d: RouterDeps) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    const url = new URL(req.url ?? '/', origin);
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      const raw = await readBody(req);

      if (url.pathname.startsWith('/__admin/')) {
        let body: unknown = null;
        try {
          body = raw ? JSON.parse(raw) : null;
        } catch {
          body = null;
        }
        const [status, json] = handleAdmin(d.admin, method, url.pathname, body);
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(json));
        return;
      }

      d.store.counters.requests += 1;
      const fault = d.faults.forRequest(header(req, 'x-fake-fault'));
      if (fault.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
      /** Throws the injected 429/5xx; for a timeout parks the response and returns true. */
      const rejectByFault = (): boolean => {
        if (fault.timeout) {
          d.store.count(d.store.counters.faultsInjected, 'timeout');
          d.hanging.add(res);
          const t = setTimeout(() => res.destroy(), d.hangMs);
          res.on('close', () => {
            clearTimeout(t);
            d.hanging.delete(res);
          });
          return true;
        }
        if (fault.rateLimited) {
          d.store.count(d.store.counters.faultsInjected, 'rate_limited');
          throw errors.rateLimited(fault.retryAfterSeconds ?? 1);
        }
        if (fault.status) {
          d.store.count(d.store.counters.faultsInjected, `status_${fault.status}`);
          throw errors.server(fault.status);
        }
        return false;
      };
      if (!fault.lost && rejectByFault()) return;

      const version = header(req, 'x-didww-api-version') ?? d.defaultApiVersion;
      if (method === 'POST' && url.pathname === '/token') {
        const tokenBody = JSON.stringify(mintToken(req, d.store, d.apiKey, d.tokenTtlSeconds));
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(tokenBody);
        return;
      }

      const path = url.pathname.replace(/^\/v3(?=\/)/, '');
      const isDownload = /\.csv(\.gz)?$/.test(path);
      if (!isDownload && !acceptable(header(req, 'accept'))) {
        throw new HttpError(406, [{ title: 'Not acceptable', detail: `All requests must use the '${MEDIA_TYPE}' Accept without media type parameters.`, code: '406', status: '406' }]);
      }
      if ((method === 'POST' || method === 'PATCH') && mediaTypeOf(header(req, 'content-type')) !== MEDIA_TYPE) {
        throw new HttpError(415, [{ title: 'Unsupported media type', detail: `All requests that create or update must use the '${MEDIA_TYPE}' Content-Type.`, code: '415', status: '415' }]);
      }
      authenticate(req, version, d.store, d.apiKey, isDownload);
      d.store.expireReservations();

      let matched: { route: Route; params: Record<string, string> } | undefined;
      for (const r of ROUTES) {
        if (r.method !== method) continue;
        const m = r.pattern.exec(path);
        if (m) {
          matched = { route: r, params: Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])) };
          break;
        }
      }
      if (!matched) throw new HttpError(404, [{ title: 'Not found', detail: `No route matches ${method} ${url.pathname}`, code: '404', status: '404' }]);
      d.store.count(d.store.counters.byRoute, `${method} ${path.replace(/\/[0-9a-f-]{36}(\.csv\.gz)?/g, '/:id')}`);

      let body: unknown = null;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw errors.badRequest('Bad Request', 'The request body is not valid JSON.');
        }
      }
      const ctx: Ctx = {
        method, path, params: matched.params, query: parseQuery(url.searchParams), body, version, origin,
        store: d.store, faults: d.faults, fault, present: presenter(d.store, version, origin), lifecycle: d.lifecycle,
      };
      const result = await matched.route.handler(ctx);
      if (fault.lost && rejectByFault()) return;
      if ('raw' in result) {
        res.writeHead(result.status, { 'Content-Type': result.contentType, 'Content-Length': result.raw.length });
        res.end(result.raw);
      } else send(res, result.status, result.doc, result.headers);
    } catch (e) {
      if (e instanceof HttpError) sendError(res, e);
      else sendError(res, new HttpError(500, [{ title: 'Internal Server Error', detail: String((e as Error)?.message ?? e), code: '500', status: '500' }]));
    }
  };
}

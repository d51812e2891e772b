/**
 * The twin's `/v1` front door, behaving like api.stripe.com where the library can tell: Bearer
 * auth with the offline key, form-encoded bodies, `Request-Id` on every answer, Stripe-shaped
 * error JSON with Stripe's status codes, and the `Idempotency-Key` contract on POST/DELETE.
 * Events a call causes go out after the response, as on Stripe: an app that calls the API inside
 * a transaction must never wait on its own webhook handler.
 */
import express, { type Request, type Response } from 'express';
import type { PrismaClient } from '../../../db/prisma';
import type { TwinContext } from './context';
import { invalid, StripeApiError } from './errors';
import type { RequestInfo, StripeEvent } from './events';
import { arrays, parseQuery, type Params } from './form';
import { withIdempotency, type SavedResponse } from './idempotency';
import { newId } from './ids';

export interface ApiRequest {
  params: Record<string, string>;
  /** Body for POST, query string for GET/DELETE (where the library puts parameters). */
  input: Params;
  /** `expand[]`, from wherever it came. */
  expand: string[];
  request: RequestInfo;
}

export interface ApiResult {
  body: unknown;
  events?: StripeEvent[];
}

export interface ApiRoute {
  method: 'get' | 'post' | 'delete';
  path: string;
  handler: (req: ApiRequest) => Promise<ApiResult>;
}

export function createApiRouter(ctx: TwinContext, prisma: PrismaClient, routes: ApiRoute[]): express.Router {
  const router = express.Router();
  router.use('/v1', express.urlencoded({ extended: true, limit: '1mb' }));

  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const requestId = newId('req_', 14);
      res.setHeader('Request-Id', requestId);
      try {
        authenticate(req, ctx.secretKey);
        const query = parseQuery(req.originalUrl.split('?')[1] ?? '');
        const input = (route.method === 'post' ? arrays(req.body ?? {}) : query) as Params;
        const { expand: rawExpand, ...rest } = input;
        const expand = Array.isArray(rawExpand) ? (rawExpand as string[]) : typeof rawExpand === 'string' ? [rawExpand] : [];
        const key = req.get('Idempotency-Key') ?? null;
        let events: StripeEvent[] = [];
        const run = async (): Promise<SavedResponse> => {
          try {
            const out = await route.handler({ params: req.params as Record<string, string>, input: rest, expand, request: { id: requestId, idempotency_key: key } });
            events = out.events ?? [];
            return { status: 200, body: out.body };
          } catch (err) {
            // Declines are results worth replaying; validation errors are not (see idempotency.ts).
            if (err instanceof StripeApiError && err.status === 402) return { status: 402, body: err.toJSON() };
            throw err;
          }
        };
        const response = key && route.method !== 'get' ? await withIdempotency(prisma, key, { method: route.method, path: req.baseUrl + req.path, params: input }, run) : { ...(await run()), replayed: false };
        if (key) res.setHeader('Idempotency-Key', key);
        if (response.replayed) res.setHeader('Idempotent-Replayed', 'true');
        res.status(response.status).json(response.body);
        if (events.length > 0) ctx.delivery.deliverLater(events);
      } catch (err) {
        sendError(ctx, req, res, err);
      }
    });
  }

  router.all('/v1/{*rest}', (req, res) => {
    sendError(ctx, req, res, new StripeApiError(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${req.baseUrl}${req.path}).`));
  });
  // body-parser failures (malformed body, too large) still answer in Stripe's shape.
  router.use('/v1', (err: unknown, req: Request, res: Response, _next: express.NextFunction) => sendError(ctx, req, res, err));
  return router;
}

function authenticate(req: Request, secretKey: string): void {
  const header = req.get('Authorization') ?? '';
  const key = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  if (!key) {
    throw new StripeApiError(401, 'invalid_request_error', 'You did not provide an API key. Provide it in the Authorization header as a Bearer token.');
  }
  if (key !== secretKey) throw new StripeApiError(401, 'invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`);
}

function sendError(ctx: TwinContext, req: Request, res: Response, err: unknown): void {
  if (err instanceof StripeApiError) {
    res.status(err.status).json(err.toJSON());
    return;
  }
  const status = (err as { status?: number })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const e = invalid(`Invalid request: ${(err as Error).message}`);
    res.status(400).json(e.toJSON());
    return;
  }
  ctx.logger?.error({ err, path: req.originalUrl }, 'offline stripe: unexpected error');
  res.status(500).json(new StripeApiError(500, 'api_error', 'An unexpected error occurred in the offline Stripe twin.').toJSON());
}

/**
 * The wire: JSON:API headers, auth by version, per-attempt timeouts, and retries with exponential
 * backoff + jitter on 429 (honouring Retry-After), 5xx and network/timeout failures.
 *
 * Non-idempotent requests (POST) are retried only when the failure proves nothing happened
 * (429, 503) or when the caller gives a `probe` that can find the result of an earlier attempt
 * (orders carry `external_reference_id` for exactly this).
 */
import { authStyleFor, TokenManager } from './auth';
import { DidwwError, errorFromResponse } from './errors';
import { JSONAPI_MEDIA_TYPE } from './jsonapi';
import type { JsonApiDocument, JsonApiErrorObject } from './types';

/** The subset of pino's API we use; pass `pino()` or a child logger. */
export interface DidwwLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  apiVersion: string;
  tokenUrl: string;
  timeoutMs: number;
  maxRetries: number;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  logger?: DidwwLogger;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the rate_limited error is thrown instead. */
  maxRetryAfterMs: number;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path under the base URL ("/orders") or an absolute URL on the same origin. */
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  /** For POST: finds the outcome of an attempt whose response was lost. */
  probe?: () => Promise<JsonApiDocument | null>;
}

interface Attempt {
  error: DidwwError;
  /** True when the server may have acted on the request before failing. */
  ambiguous: boolean;
}

export class Transport {
  readonly style;
  private readonly tokens: TokenManager | null;

  constructor(private readonly o: TransportOptions) {
    this.style = authStyleFor(o.apiVersion);
    this.tokens =
      this.style === 'bearer'
        ? new TokenManager({ tokenUrl: o.tokenUrl, apiKey: o.apiKey, apiVersion: o.apiVersion, fetch: o.fetch, timeoutMs: o.timeoutMs, now: o.now })
        : null;
  }

  /** Sends a JSON:API request and returns the parsed document ({} for 204). */
  async json(req: RequestOptions): Promise<JsonApiDocument> {
    const res = await this.send(req, JSONAPI_MEDIA_TYPE);
    if (res.status === 204) return {};
    const text = await res.text();
    if (text === '') return {};
    try {
      return JSON.parse(text) as JsonApiDocument;
    } catch (cause) {
      throw new DidwwError({ kind: 'unavailable', status: res.status, detail: 'response is not valid JSON', cause });
    }
  }

  /** Downloads bytes (export files). */
  async bytes(req: RequestOptions): Promise<Buffer> {
    const res = await this.send(req, '*/*');
    return Buffer.from(await res.arrayBuffer());
  }

  private url(req: RequestOptions): URL {
    const base = this.o.baseUrl.replace(/\/+$/, '');
    const url = /^https?:\/\//.test(req.path) ? new URL(req.path) : new URL(base + req.path);
    if (url.origin !== new URL(base).origin) {
      throw new DidwwError({ kind: 'validation', status: 0, detail: `refusing to send credentials to ${url.origin}` });
    }
    if (req.query) for (const [k, v] of req.query) url.searchParams.set(k, v);
    return url;
  }

  private async send(req: RequestOptions, accept: string): Promise<Response> {
    const url = this.url(req);
    const idempotent = req.method !== 'POST';
    let refreshedAuth = false;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.once(req, url, accept);
      if (outcome instanceof Response) return outcome;
      const { error, ambiguous } = outcome;

      if (error.kind === 'unauthorized' && this.tokens && !refreshedAuth) {
        refreshedAuth = true;
        this.tokens.invalidate();
        this.o.logger?.info({ method: req.method, path: url.pathname }, 'didww: 401 with bearer token, minting a new one');
        attempt--;
        continue;
      }
      if (!error.retryable || attempt >= this.o.maxRetries) throw error;
      if (ambiguous && !idempotent) {
        if (!req.probe) throw error;
        // A probe that fails itself tells us nothing: retrying the POST could buy twice (or be
        // refused because the first attempt already took the number), so the caller gets the
        // ambiguous failure and decides later, when DIDWW answers again.
        const found = await req.probe().catch(() => {
          throw error;
        });
        if (found) {
          this.o.logger?.warn({ method: req.method, path: url.pathname }, 'didww: earlier attempt had succeeded; using its result');
          return new Response(JSON.stringify(found), { status: 200, headers: { 'Content-Type': JSONAPI_MEDIA_TYPE } });
        }
      }
      const delay = this.delayFor(error, attempt);
      if (delay === null) throw error;
      this.o.logger?.warn(
        { method: req.method, path: url.pathname, attempt: attempt + 1, kind: error.kind, status: error.status, delayMs: delay },
        'didww: retrying',
      );
      await this.o.sleep(delay);
    }
  }

  private delayFor(error: DidwwError, attempt: number): number | null {
    if (error.retryAfterMs !== undefined) return error.retryAfterMs > this.o.maxRetryAfterMs ? null : error.retryAfterMs;
    const exp = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** attempt);
    return Math.round(exp / 2 + (exp / 2) * this.o.random());
  }

  private async headers(hasBody: boolean, accept: string): Promise<Record<string, string>> {
    const h: Record<string, string> = { Accept: accept, 'X-DIDWW-API-Version': this.o.apiVersion };
    if (hasBody) h['Content-Type'] = JSONAPI_MEDIA_TYPE;
    if (this.tokens) h.Authorization = `Bearer ${await this.tokens.token()}`;
    else h['Api-Key'] = this.o.apiKey;
    return h;
  }

  private async once(req: RequestOptions, url: URL, accept: string): Promise<Response | Attempt> {
    const hasBody = req.body !== undefined;
    const started = this.o.now();
    let res: Response;
    try {
      const headers = await this.headers(hasBody, accept);
      res = await this.o.fetch(url, {
        method: req.method,
        headers,
        ...(hasBody ? { body: JSON.stringify(req.body) } : {}),
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch (cause) {
      if (cause instanceof DidwwError) return { error: cause, ambiguous: false };
      const timeout = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      const detail = timeout ? `timed out after ${this.o.timeoutMs} ms` : `network error: ${String((cause as Error)?.message ?? cause)}`;
      return { error: new DidwwError({ kind: 'unavailable', status: 0, detail, cause }), ambiguous: true };
    }
    this.o.logger?.debug({ method: req.method, path: url.pathname, status: res.status, ms: this.o.now() - started }, 'didww: response');
    if (res.ok) return res;

    const body = (await res.json().catch(() => null)) as { errors?: JsonApiErrorObject[] } | null;
    const errors = Array.isArray(body?.errors) ? body.errors : [];
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.o.now());
    const error = errorFromResponse(res.status, errors, res.status === 429 || res.status === 503 ? retryAfterMs : undefined);
    return { error, ambiguous: res.status >= 500 && res.status !== 503 };
  }
}

/** `Retry-After` as delta-seconds or an HTTP date → milliseconds (undefined when absent/invalid). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Authentication by API version. Up to 2026-04-16 every call carries `Api-Key` and
 * `X-DIDWW-API-Version`; from 2026-11-19 the key only mints short-lived bearer tokens at
 * `POST /token` on the token service, and every other call sends `Authorization: Bearer`.
 */
import { DidwwError, errorFromResponse } from './errors';
import type { JsonApiErrorObject } from './types';

export const BEARER_TOKEN_SINCE = '2026-11-19';

export type AuthStyle = 'api-key' | 'bearer';

/** Dated versions compare as strings (YYYY-MM-DD). */
export function authStyleFor(apiVersion: string): AuthStyle {
  return apiVersion >= BEARER_TOKEN_SINCE ? 'bearer' : 'api-key';
}

export interface TokenManagerOptions {
  tokenUrl: string;
  apiKey: string;
  apiVersion: string;
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => number;
  /** Refresh this long before the token's stated expiry. */
  refreshSkewMs?: number;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Mints, caches and refreshes bearer tokens. Concurrent callers share one in-flight mint. */
export class TokenManager {
  private cached: CachedToken | null = null;
  private inflight: Promise<CachedToken> | null = null;
  private readonly skew: number;

  constructor(private readonly opts: TokenManagerOptions) {
    this.skew = opts.refreshSkewMs ?? 30_000;
  }

  async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt - this.skew > this.opts.now()) return this.cached.token;
    return (await this.mint()).token;
  }

  /** Drops the cached token (after a 401) unless a newer one replaced it meanwhile. */
  invalidate(stale?: string): void {
    if (!stale || this.cached?.token === stale) this.cached = null;
  }

  private mint(): Promise<CachedToken> {
    if (!this.inflight) {
      this.inflight = this.request().then(
        (t) => {
          this.cached = t;
          this.inflight = null;
          return t;
        },
        (e: unknown) => {
          this.inflight = null;
          throw e;
        },
      );
    }
    return this.inflight;
  }

  private async request(): Promise<CachedToken> {
    let res: Response;
    try {
      res = await this.opts.fetch(this.opts.tokenUrl, {
        method: 'POST',
        headers: {
          'Api-Key': this.opts.apiKey,
          'X-DIDWW-API-Version': this.opts.apiVersion,
          Accept: 'application/json, application/vnd.api+json',
        },
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (cause) {
      throw new DidwwError({ kind: 'unavailable', status: 0, detail: `token service unreachable: ${String(cause)}`, cause });
    }
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (!res.ok) {
      const errors = Array.isArray(body?.errors) ? (body.errors as JsonApiErrorObject[]) : [];
      throw errorFromResponse(res.status, errors);
    }
    return parseTokenResponse(body, this.opts.now());
  }
}

/**
 * Accepts the OAuth-style `{ access_token, expires_in }` and, defensively, `token`/`expires_at`
 * and a JSON:API wrapper, since the token service's exact body is not what our code depends on.
 */
export function parseTokenResponse(body: Record<string, unknown> | null, now: number): CachedToken {
  const data = (body?.data as { attributes?: Record<string, unknown> } | undefined)?.attributes;
  const src = data ?? body ?? {};
  const token = src.access_token ?? src.token;
  if (typeof token !== 'string' || token === '') {
    throw new DidwwError({ kind: 'unavailable', status: 200, detail: 'token service returned no access token' });
  }
  let expiresAt = now + 5 * 60_000;
  if (typeof src.expires_in === 'number') expiresAt = now + src.expires_in * 1000;
  else if (typeof src.expires_at === 'string' && !Number.isNaN(Date.parse(src.expires_at))) expiresAt = Date.parse(src.expires_at);
  return { token, expiresAt };
}

/**
 * The fake's credentials, like DIDWW's: up to 2026-04-16 `Api-Key` on every call; from
 * 2026-11-19 `POST /token` (Api-Key) mints bearer tokens and a plain Api-Key gets 401 — except on
 * export file downloads, which accept either.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { errors } from './jsonapi';
import type { FakeStore } from './store';

export const BEARER_SINCE = '2026-11-19';

export function authenticate(req: IncomingMessage, version: string, store: FakeStore, apiKey: string, isDownload: boolean): void {
  const key = header(req, 'api-key');
  const authz = header(req, 'authorization');
  if (version >= BEARER_SINCE) {
    if (authz?.startsWith('Bearer ')) {
      const expiresAt = store.tokens.get(authz.slice(7).trim());
      if (expiresAt !== undefined && expiresAt > store.now()) return;
      throw errors.unauthorized('The access token is invalid or has expired.');
    }
    if (isDownload && key === apiKey) return;
    if (key !== undefined) throw errors.unauthorized(`API version ${version} does not accept an Api-Key header; use a bearer token from POST /token.`);
    throw errors.unauthorized('Missing Authorization header.');
  }
  if (key === undefined) throw errors.unauthorized('Missing Api-Key header.');
  if (key !== apiKey) throw errors.unauthorized('Invalid API key.');
}

export function mintToken(req: IncomingMessage, store: FakeStore, apiKey: string, ttlSeconds: number): Record<string, unknown> {
  const key = header(req, 'api-key');
  if (key !== apiKey) throw errors.unauthorized(key === undefined ? 'Missing Api-Key header.' : 'Invalid API key.');
  const token = randomBytes(24).toString('base64url');
  store.tokens.set(token, store.now() + ttlSeconds * 1000);
  store.counters.tokensIssued += 1;
  return { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds };
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

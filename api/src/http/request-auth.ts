import { parse as parseCookies } from 'cookie';
import { SessionApp } from '../generated/prisma/enums';
import type { SessionService, Viewer } from '../modules/auth/session.service';
import { SESSION_TOKEN_PREFIX } from '../modules/auth/tokens';

/** Staff sessions live in their own cookie so a staff member can also browse the storefront as a customer. */
export const SESSION_COOKIE: Record<SessionApp, string> = {
  WEB: 'nn_session',
  ADMIN: 'nn_staff_session',
  API: 'nn_session',
};

export interface AuthInputs {
  /** `x-numninja-app` header (HTTP) or `app` connection param (WebSocket). */
  appHint: unknown;
  authorization: unknown;
  cookieHeader: string | undefined;
}

export function detectApp(inputs: AuthInputs): SessionApp {
  const hint = typeof inputs.appHint === 'string' ? inputs.appHint.toLowerCase() : '';
  if (hint === 'admin') return SessionApp.ADMIN;
  if (hint === 'web') return SessionApp.WEB;
  return bearerToken(inputs.authorization) ? SessionApp.API : SessionApp.WEB;
}

export function bearerToken(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  return m?.[1] ?? null;
}

/** A bearer token wins over the cookie: API clients are explicit about who they are. */
export async function resolveViewer(sessions: SessionService, inputs: AuthInputs, app: SessionApp): Promise<Viewer | null> {
  const token = bearerToken(inputs.authorization) ?? cookieToken(inputs.cookieHeader, app);
  if (!token || !token.startsWith(SESSION_TOKEN_PREFIX) || token.length > 200) return null;
  return sessions.resolve(token);
}

function cookieToken(header: string | undefined, app: SessionApp): string | null {
  if (!header) return null;
  return parseCookies(header)[SESSION_COOKIE[app]] ?? null;
}

/**
 * The viewer behind a plain HTTP download link (exports, voicemail audio): a link carries no custom
 * headers, so `?app=admin` can pick the staff console's cookie.
 */
export function linkViewer(
  sessions: SessionService,
  req: { query: Record<string, unknown>; headers: { authorization?: string; cookie?: string; [h: string]: unknown } },
): Promise<Viewer | null> {
  const inputs = { appHint: req.query.app ?? req.headers['x-numninja-app'], authorization: req.headers.authorization, cookieHeader: req.headers.cookie };
  return resolveViewer(sessions, inputs, detectApp(inputs));
}

import type { Logger } from '../logger';
import type { SessionMeta, Viewer } from '../modules/auth/session.service';
import type { Services } from '../services';
import { unauthenticated } from './errors';

/** Sets or clears the session cookie; absent on transports without cookies (WebSocket). */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface GraphQLContext {
  requestId: string;
  log: Logger;
  viewer: Viewer | null;
  meta: SessionMeta;
  services: Services;
  cookie: SessionCookie | null;
}

export function requireViewer(ctx: GraphQLContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

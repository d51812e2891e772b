import type { Logger } from '../logger';
import { scopedViewer, type ScopedViewer, type SessionMeta, type Viewer } from '../modules/auth/session.service';
import type { Services } from '../services';
import type { Actor } from '../modules/audit/audit.service';
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

/** The signed-in caller as services scope reads (throws UNAUTHENTICATED when signed out). */
export function viewerScope(ctx: GraphQLContext): ScopedViewer {
  return scopedViewer(requireViewer(ctx));
}

/** The audit identity of the signed-in caller. */
export function actorOf(ctx: GraphQLContext): Actor {
  const viewer = requireViewer(ctx);
  return { userId: viewer.userId, ip: ctx.meta.ip, requestId: ctx.requestId };
}

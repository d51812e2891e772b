import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/prisma';
import { AdminService } from './modules/admin/admin.service';
import { AuditService } from './modules/audit/audit.service';
import { CatalogService } from './modules/catalog/catalog.service';
import { ReferenceCache } from './modules/catalog/reference-cache';
import { AuthService } from './modules/auth/auth.service';
import { SessionService } from './modules/auth/session.service';
import { SignInThrottle } from './modules/auth/sign-in-throttle';

/** Every service, wired once per process and shared by HTTP, WebSocket and jobs. */
export interface Services {
  sessions: SessionService;
  auth: AuthService;
  admin: AdminService;
  audit: AuditService;
  catalog: CatalogService;
}

export function createServices(db: Database, config: Config, clock: Clock): Services {
  const sessions = new SessionService(db.prisma, clock, config.SESSION_TTL_DAYS * 86_400_000);
  const throttle = new SignInThrottle(db.pool, {
    maxFailuresPerEmail: config.SIGNIN_MAX_FAILURES_PER_EMAIL,
    maxFailuresPerIp: config.SIGNIN_MAX_FAILURES_PER_IP,
    windowSeconds: config.SIGNIN_WINDOW_SECONDS,
  });
  const audit = new AuditService(db.prisma);
  return {
    sessions,
    audit,
    catalog: new CatalogService(db.prisma, new ReferenceCache(db.prisma, clock), audit),
    auth: new AuthService(db.prisma, sessions, throttle),
    admin: new AdminService(db.prisma),
  };
}

import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/prisma';
import { createDidwwClient, type DidwwProvider } from './integrations/didww';
import { createLogger, type Logger } from './logger';
import { AdminService } from './modules/admin/admin.service';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { SessionService } from './modules/auth/session.service';
import { SignInThrottle } from './modules/auth/sign-in-throttle';
import { EmailService } from './modules/email/email.service';
import { CartService } from './modules/cart/cart.service';
import { Reservations } from './modules/cart/reservations';
import { CatalogSyncService } from './modules/catalog-sync/catalog-sync.service';
import { CatalogService } from './modules/catalog/catalog.service';
import { ReferenceCache } from './modules/catalog/reference-cache';
import type { ModuleDeps } from './modules/module-deps';
import { PricingService } from './modules/pricing/pricing.service';

/** Every service, wired once per process and shared by HTTP, WebSocket and jobs. */
export interface Services {
  sessions: SessionService;
  auth: AuthService;
  admin: AdminService;
  audit: AuditService;
  catalog: CatalogService;
  pricing: PricingService;
  catalogSync: CatalogSyncService;
  email: EmailService;
  cart: CartService;
  reservations: Reservations;
  didww: DidwwProvider;
}

export function createServices(db: Database, config: Config, clock: Clock, log: Logger = createLogger('silent')): Services {
  const didww = createDidwwClient({
    baseUrl: config.didwwApiUrl,
    apiKey: config.didwwApiKey,
    apiVersion: config.DIDWW_API_VERSION,
    logger: log.child({ component: 'didww' }),
  });
  const sessions = new SessionService(db.prisma, clock, config.SESSION_TTL_DAYS * 86_400_000);
  const throttle = new SignInThrottle(db.pool, {
    maxFailuresPerEmail: config.SIGNIN_MAX_FAILURES_PER_EMAIL,
    maxFailuresPerIp: config.SIGNIN_MAX_FAILURES_PER_IP,
    windowSeconds: config.SIGNIN_WINDOW_SECONDS,
  });
  const audit = new AuditService(db.prisma);
  const deps: ModuleDeps = { prisma: db.prisma, clock, config, log, audit, didww };
  const catalog = new CatalogService(db.prisma, db.pool, new ReferenceCache(db.prisma, clock), audit);
  const pricing = new PricingService(deps);
  return {
    sessions,
    auth: new AuthService(db.prisma, sessions, throttle),
    admin: new AdminService(db.prisma),
    audit,
    catalog,
    pricing,
    cart: new CartService(deps, catalog, pricing),
    reservations: new Reservations(deps),
    catalogSync: new CatalogSyncService(deps),
    email: new EmailService(deps),
    didww,
  };
}

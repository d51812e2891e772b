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
import { createPaymentGateway } from './integrations/stripe/gateway';
import type { PaymentGateway } from './integrations/stripe/types';
import { CheckoutService } from './modules/checkout/checkout.service';
import { StripeEvents } from './modules/checkout/stripe-events';
import { Refunds } from './modules/checkout/refunds';
import { ProvisioningService } from './modules/provisioning/provisioning.service';
import { CircuitBreaker } from './modules/provisioning/circuit-breaker';
import { DefaultTrunk } from './modules/provisioning/default-trunk';
import { Releases } from './modules/provisioning/releases';
import { Cancellation } from './modules/provisioning/cancellation';
import { GraceSweep } from './modules/provisioning/grace-sweep';
import { ProvisioningQueue } from './modules/provisioning/provisioning-queue';
import { ProvisioningStaffActions } from './modules/provisioning/staff-actions';
import { OrdersService } from './modules/orders/orders.service';
import { OrderUpdates } from './modules/orders/order-updates';
import { NumbersService } from './modules/numbers/numbers.service';
import { NumberLoader } from './modules/numbers/number-loader';
import { RealtimeHub } from './realtime/hub';
import { UsageService } from './modules/usage/usage.service';
import { MessagingService } from './modules/messaging/messaging.service';
import { ExportsService } from './modules/exports/exports.service';
import { LocalStorage, S3Storage } from './integrations/storage';
import { NumberConfigService } from './modules/number-config/number-config.service';
import { ConfigApplier } from './modules/number-config/config-apply';
import { SmsDeliveryService } from './modules/number-config/sms-delivery';
import { VoicemailService } from './modules/number-config/voicemail.service';
import { join } from 'node:path';
import { fromRepoRoot } from './paths';

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
  orders: OrdersService;
  orderUpdates: OrderUpdates;
  numbers: NumbersService;
  /** Database events of this process's LISTEN connection, fanned out to subscriptions. */
  realtime: RealtimeHub;
  checkout: CheckoutService;
  stripeEvents: StripeEvents;
  refunds: Refunds;
  provisioning: ProvisioningService;
  provisioningQueue: ProvisioningQueue;
  provisioningStaff: ProvisioningStaffActions;
  releases: Releases;
  cancellation: Cancellation;
  graceSweep: GraceSweep;
  payments: PaymentGateway;
  didww: DidwwProvider;
  usage: UsageService;
  messaging: MessagingService;
  exports: ExportsService;
  numberConfig: NumberConfigService;
  configApplier: ConfigApplier;
  /** `deliverInbound(smsMessageId)`: the seam the inbound-SMS webhook calls once a message is stored. */
  smsDelivery: SmsDeliveryService;
  voicemail: VoicemailService;
}

/** Where this process can be reached; the offline Stripe twin calls back into it. */
export interface ProcessUrls {
  api: () => string;
}

export function createServices(
  db: Database,
  config: Config,
  clock: Clock,
  log: Logger = createLogger('silent'),
  urls: ProcessUrls = { api: () => config.API_URL ?? `http://127.0.0.1:${config.PORT}` },
): Services {
  const didww = createDidwwClient({
    baseUrl: config.didwwApiUrl,
    apiKey: config.didwwApiKey,
    apiVersion: config.DIDWW_API_VERSION,
    maxRetries: config.DIDWW_MAX_RETRIES,
    logger: log.child({ component: 'didww' }),
  });
  const sessions = new SessionService(db.prisma, db.pool, clock, config.SESSION_TTL_DAYS * 86_400_000);
  const throttle = new SignInThrottle(db.pool, {
    maxFailuresPerEmail: config.SIGNIN_MAX_FAILURES_PER_EMAIL,
    maxFailuresPerIp: config.SIGNIN_MAX_FAILURES_PER_IP,
    windowSeconds: config.SIGNIN_WINDOW_SECONDS,
  });
  const audit = new AuditService(db.prisma);
  const deps: ModuleDeps = { prisma: db.prisma, clock, config, log, audit, didww };
  const catalog = new CatalogService(db.prisma, db.pool, new ReferenceCache(db.prisma, clock), audit);
  const pricing = new PricingService(deps);
  const payments = createPaymentGateway({
    secretKey: config.STRIPE_SECRET_KEY,
    webhookSecret: config.STRIPE_WEBHOOK_SECRET,
    apiBaseUrl: urls.api,
    logger: log.child({ component: 'stripe' }),
  });
  const email = new EmailService(deps);
  const cart = new CartService(deps, db.pool, catalog, pricing);
  const orders = new OrdersService(deps);
  const refunds = new Refunds(deps, email, payments);
  // One breaker for every DIDWW caller; its state lives in Postgres, shared by all processes.
  const didwwBreaker = new CircuitBreaker(db.prisma, clock, 'didww', {
    failureThreshold: config.DIDWW_BREAKER_THRESHOLD,
    cooldownMs: config.DIDWW_BREAKER_COOLDOWN_MS,
    probeTimeoutMs: 60_000,
    closedCacheMs: config.DIDWW_BREAKER_CACHE_MS,
  });
  const defaultTrunk = new DefaultTrunk(didww, config.DEFAULT_TRUNK_SIP_HOST);
  const provisioning = new ProvisioningService(deps, email, didwwBreaker, defaultTrunk, db.pool);
  const realtime = new RealtimeHub();
  const numbers = new NumbersService(deps, realtime, new NumberLoader(db.pool));
  const numberConfig = new NumberConfigService(deps, realtime);
  const smsDelivery = new SmsDeliveryService(deps, email);
  const messaging = new MessagingService(deps, db.pool);
  // A stored inbound SMS is forwarded (email, webhook) by a job queued in the same transaction.
  messaging.onInbound((tx, message) => smsDelivery.deliverInbound(message.id, tx));
  const storage =
    config.VOICEMAIL_STORAGE === 's3'
      ? new S3Storage({ bucket: config.S3_BUCKET!, region: config.S3_REGION, endpoint: config.S3_ENDPOINT, accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY })
      : new LocalStorage(join(fromRepoRoot(config.DATA_DIR), 'blobs'));
  return {
    numberConfig,
    configApplier: new ConfigApplier(deps, numberConfig, didwwBreaker, defaultTrunk),
    smsDelivery,
    voicemail: new VoicemailService(deps, storage, email),
    sessions,
    auth: new AuthService(db.prisma, sessions, throttle),
    admin: new AdminService(db.prisma),
    audit,
    catalog,
    pricing,
    cart,
    orders,
    orderUpdates: new OrderUpdates(orders, realtime),
    numbers,
    realtime,
    checkout: new CheckoutService(deps, cart, orders, email, payments),
    stripeEvents: new StripeEvents(deps, email, payments, db.pool),
    refunds,
    provisioning,
    provisioningQueue: new ProvisioningQueue(deps, didwwBreaker),
    provisioningStaff: new ProvisioningStaffActions(deps, provisioning, refunds),
    releases: new Releases(deps, didwwBreaker),
    cancellation: new Cancellation(deps, payments),
    graceSweep: new GraceSweep(deps),
    payments,
    reservations: new Reservations(deps),
    catalogSync: new CatalogSyncService(deps),
    email,
    didww,
    usage: new UsageService(deps, db.pool),
    messaging,
    exports: new ExportsService(deps, db.pool),
  };
}

import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** When unset, an embedded PostgreSQL is started under DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('.data'),
  /** Connections per API process; behind PgBouncer keep processes × pool under its limit. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  WEB_URL: z.url().default('http://localhost:5173'),
  ADMIN_URL: z.url().default('http://localhost:5174'),
  /** Public base URL of this API, used in links we hand out (offline checkout, exports). Default: where it listens. */
  API_URL: z.url().optional(),
  COOKIE_SECURE: bool.optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Days a number stays live after a failed renewal before it is suspended. */
  GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  /** How long a number stays held in a cart. */
  HOLD_MINUTES: z.coerce.number().int().min(1).max(120).default(10),
  /**
   * How long one process answers the same number search (an availableNumbers-only query with the
   * same variables) from its response cache (0 = never; graphql/public-response-cache.ts). Popular
   * searches repeat across visitors; a number held or repriced meanwhile shows for at most this
   * long, and adding it to a cart still checks it for real.
   */
  CATALOG_PAGE_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** `off` keeps graphile-worker out of this process (run `pnpm worker` separately). */
  WORKER: z.enum(['on', 'off']).default('on'),
  /** API processes sharing PORT (node:cluster); set it to the machine's cores in production. */
  API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * How far V8 lets the heap grow past what survived the last full GC, in percent (0: V8's own
   * choice, up to 4x). The API keeps 80–120 MB live; under load V8's own choice let garbage pile up
   * to 300–450 MB RSS before collecting it (pnpm bench:usage after its query load: 308–456 MB;
   * 100% → 288 MB; 50% → 256–288 MB; 25% → 235 MB). A fixed factor bounds that without the slow
   * memory-saving mode a hard heap cap near the live size (API_HEAP_MB) switches on.
   */
  API_HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(300).default(25),
  /** How many of the API processes also run the job worker (see api-cluster.ts). */
  WORKER_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  /** Jobs fetched per query into graphile-worker's local queue (0: one query per job); see jobs/worker.ts. */
  WORKER_LOCAL_QUEUE: z.coerce.number().int().min(0).max(1000).default(0),
  /** Completed jobs deleted in batches gathered over this many ms (-1: one query per job). */
  WORKER_COMPLETE_BATCH_MS: z.coerce.number().int().min(-1).max(5000).default(-1),
  /** Tries of one number at DIDWW (transient failures and polls of a pending order) before it goes FAILED. */
  PROVISION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  /** Backoff between tries: random in [base·2ⁿ⁻¹/2, base·2ⁿ⁻¹], capped at the max ("equal jitter"). */
  PROVISION_RETRY_BASE_MS: z.coerce.number().int().min(1).default(2000),
  PROVISION_RETRY_MAX_MS: z.coerce.number().int().min(1).default(600_000),
  /** Consecutive DIDWW failures (across all processes) that open the circuit breaker. */
  DIDWW_BREAKER_THRESHOLD: z.coerce.number().int().min(1).default(5),
  /** How long the breaker stays open before one probe call is let through. */
  DIDWW_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(1).default(30_000),
  /**
   * How long a process trusts a CLOSED breaker it read, instead of reading the row for every call.
   * Another process opening it is noticed this much later; 0 reads every time.
   */
  DIDWW_BREAKER_CACHE_MS: z.coerce.number().int().min(0).default(1000),
  /** SIP host of the default inbound trunk every new number is routed to until the customer sets forwarding. */
  DEFAULT_TRUNK_SIP_HOST: z.string().default('sip.numninja.test'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(5000),
  SIGNIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Trust X-Forwarded-For from this many proxies (express `trust proxy`). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  DIDWW_MODE: z.enum(['fake', 'live']).optional(),
  DIDWW_API_URL: z.url().optional(),
  DIDWW_API_KEY: z.string().optional(),
  DIDWW_API_VERSION: z.string().default('2026-04-16'),
  /** Quick in-call retries of one DIDWW request (429, 5xx, timeouts) before the caller's own backoff takes over. */
  DIDWW_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  /** Path secret of the inbound SMS webhook (/webhooks/didww/sms/<secret>); the fake DIDWW uses a fixed one. */
  DIDWW_SMS_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Tries of one configuration apply at DIDWW (transient failures) before it shows FAILED. */
  CONFIG_APPLY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** SIP host of the voicemail endpoint a number's calls are sent to when voicemail answers. */
  VOICEMAIL_SIP_HOST: z.string().default('voicemail.numninja.test'),
  /** Shared secret the voicemail endpoint signs recordings with (HMAC-SHA256, see /webhooks/voicemail). */
  VOICEMAIL_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Where recordings are kept: `local` (under DATA_DIR/voicemail) or `s3` (S3-compatible, S3_* below). */
  VOICEMAIL_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  /** For S3-compatible stores (MinIO, R2…); unset for AWS. */
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Tries of one SMS forward (email or webhook) before it shows FAILED. */
  SMS_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(8),
  /**
   * Production refuses to start on the offline Stripe twin or the fake DIDWW (anyone could "pay" on
   * the offline page) unless this says so: benchmarks and demos that run a production build offline.
   */
  ALLOW_OFFLINE_PROVIDERS: bool.default(false),
  /** Test-only: lets customer webhooks reach loopback (a local receiver). Refused in production. */
  WEBHOOK_ALLOW_LOOPBACK: bool.default(false),
  SMTP_URL: z.string().optional(),
  /** Staff mailbox for operational alerts (e.g. failed provisioning). */
  STAFF_ALERT_EMAIL: z.string().default('ops@numninja.test'),
  EMAIL_FROM: z.string().default('NumNinja <hello@numninja.test>'),
});

export type Config = z.infer<typeof schema> & {
  cookieSecure: boolean;
  /** `fake` unless a DIDWW key is configured (or DIDWW_MODE says otherwise). */
  didwwMode: 'fake' | 'live';
  didwwApiUrl: string;
  didwwApiKey: string;
  /** Unset in live mode without DIDWW_SMS_WEBHOOK_SECRET: the inbound SMS webhook then refuses everything. */
  didwwSmsSecret: string | undefined;
  /** The voicemail webhook's secret; unset in production without VOICEMAIL_WEBHOOK_SECRET, which refuses every recording. */
  voicemailSecret: string | undefined;
};

/** Where the bundled fake DIDWW server listens when `pnpm start` runs it. */
export const FAKE_DIDWW_PORT = 4010;
export const FAKE_DIDWW_KEY = 'fake-didww-key';
/** Signs demo recordings outside production when VOICEMAIL_WEBHOOK_SECRET is unset. */
export const DEV_VOICEMAIL_SECRET = 'dev-voicemail-webhook-secret';
export const FAKE_DIDWW_SMS_SECRET = 'fake-didww-sms-secret-0123456789';

/** Parses the environment once at boot; lists every bad variable instead of failing on the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const didwwMode = c.DIDWW_MODE ?? (c.DIDWW_API_KEY ? 'live' : 'fake');
  if (c.STRIPE_SECRET_KEY && !c.STRIPE_WEBHOOK_SECRET) {
    throw new Error('Invalid configuration:\n  - STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set');
  }
  if (c.WEBHOOK_ALLOW_LOOPBACK && c.NODE_ENV === 'production') {
    throw new Error('Invalid configuration:\n  - WEBHOOK_ALLOW_LOOPBACK: test-only, refused when NODE_ENV=production');
  }
  if (c.NODE_ENV === 'production' && !c.ALLOW_OFFLINE_PROVIDERS && (!c.STRIPE_SECRET_KEY || didwwMode === 'fake')) {
    const missing = [...(c.STRIPE_SECRET_KEY ? [] : ['STRIPE_SECRET_KEY']), ...(didwwMode === 'fake' ? ['DIDWW_API_KEY'] : [])];
    throw new Error(
      `Invalid configuration:\n  - ${missing.join(', ')}: required when NODE_ENV=production (or set ALLOW_OFFLINE_PROVIDERS=true to run on the offline Stripe and fake DIDWW)`,
    );
  }
  if (c.VOICEMAIL_STORAGE === 's3' && !c.S3_BUCKET) {
    throw new Error('Invalid configuration:\n  - S3_BUCKET: required when VOICEMAIL_STORAGE=s3');
  }
  if (didwwMode === 'live' && !c.DIDWW_API_KEY) {
    throw new Error('Invalid configuration:\n  - DIDWW_API_KEY: required when DIDWW_MODE=live');
  }
  return {
    ...c,
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    didwwMode,
    didwwApiUrl: c.DIDWW_API_URL ?? (didwwMode === 'live' ? 'https://api.didww.com/v3' : `http://127.0.0.1:${FAKE_DIDWW_PORT}/v3`),
    didwwApiKey: c.DIDWW_API_KEY ?? FAKE_DIDWW_KEY,
    didwwSmsSecret: c.DIDWW_SMS_WEBHOOK_SECRET ?? (didwwMode === 'fake' ? FAKE_DIDWW_SMS_SECRET : undefined),
    // A well-known development secret would let anyone post recordings to a production API.
    voicemailSecret: c.VOICEMAIL_WEBHOOK_SECRET ?? (c.NODE_ENV === 'production' ? undefined : DEV_VOICEMAIL_SECRET),
  };
}

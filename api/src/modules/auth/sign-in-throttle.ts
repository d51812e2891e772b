import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Pool } from 'pg';

export interface ThrottleLimits {
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

/**
 * Counts failed sign-ins per email and per IP in Postgres (table `rate_limits`, created by our
 * migrations), so every API process shares the same counters.
 */
export class SignInThrottle {
  private readonly byEmail: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  constructor(pool: Pool, private readonly limits: ThrottleLimits) {
    const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, duration: limits.windowSeconds };
    this.byEmail = new RateLimiterPostgres({ ...common, keyPrefix: 'signin-email', points: limits.maxFailuresPerEmail });
    this.byIp = new RateLimiterPostgres({ ...common, keyPrefix: 'signin-ip', points: limits.maxFailuresPerIp });
  }

  /** Seconds until the caller may try again, or 0 when not blocked. */
  async blockedFor(email: string, ip: string | null): Promise<number> {
    const [e, i] = await Promise.all([this.byEmail.get(email), ip ? this.byIp.get(ip) : null]);
    const wait = (res: typeof e, max: number) => (res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0);
    return Math.max(wait(e, this.limits.maxFailuresPerEmail), wait(i, this.limits.maxFailuresPerIp));
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    // `penalty` adds points without rejecting, so the counter keeps growing past the limit.
    await Promise.all([this.byEmail.penalty(email, 1), ip ? this.byIp.penalty(ip, 1) : undefined]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}

import type { Clock } from '../../clock';
import type { PrismaClient } from '../../db/prisma';
import type { BreakerState } from '../../generated/prisma/enums';

export interface BreakerOptions {
  /** Consecutive failures (from any process) that open the breaker. */
  failureThreshold: number;
  /** How long it stays open before one probe is let through. */
  cooldownMs: number;
  /** A probe that reports nothing for this long is presumed dead, and another may probe. */
  probeTimeoutMs: number;
  /** How long a CLOSED state read from the row is trusted in this process (0: read every time). */
  closedCacheMs?: number;
}

export type Gate = { allowed: true; probe: boolean } | { allowed: false; retryAt: Date };

export interface BreakerView {
  name: string;
  state: BreakerState;
  failures: number;
  openedAt: Date | null;
  retryAt: Date | null;
  lastError: string | null;
}

/**
 * A circuit breaker whose state is one row in Postgres, so every API and worker process sees the
 * same state: when DIDWW is down, ten workers do not each need their own run of failures to notice.
 * CLOSED counts consecutive failures; at the threshold it OPENs until `retryAt`; then exactly one
 * caller (the one whose UPDATE wins) gets to probe in HALF_OPEN. Its success closes the breaker,
 * its failure opens it again. Every change is one conditional UPDATE, so races resolve in the database.
 */
export class CircuitBreaker {
  /**
   * The row as last seen CLOSED by this process, and when. On the hot path (hundreds of numbers a
   * second) reading the row for every number cost more than the rest of the gate; a failure seen
   * here drops it at once, one seen by another process is noticed within `closedCacheMs`.
   */
  private closed: { failures: number; until: number } | null = null;
  /** Bumped by every failure seen here, so a CLOSED read that began before it is not remembered after it. */
  private failuresSeen = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    readonly name: string,
    private readonly opts: BreakerOptions,
  ) {}

  /** May a call go out now? A refusal says when to come back. */
  async acquire(): Promise<Gate> {
    const now = this.clock.now();
    if (this.closed && this.closed.until > now.getTime()) return { allowed: true, probe: false };
    const seen = this.failuresSeen;
    const row = await this.prisma.circuitBreaker.findUnique({ where: { name: this.name } });
    if (!row || row.state === 'CLOSED') {
      if (seen === this.failuresSeen) this.remember(row?.failures ?? 0);
      return { allowed: true, probe: false };
    }
    this.closed = null;
    if (row.retryAt && row.retryAt > now) return { allowed: false, retryAt: row.retryAt };
    // Cooldown over (or the last probe went silent): claim the probe. One claimant wins the UPDATE.
    const probeUntil = new Date(now.getTime() + this.opts.probeTimeoutMs);
    const claimed = await this.prisma.circuitBreaker.updateMany({
      where: { name: this.name, state: row.state, retryAt: row.retryAt },
      data: { state: 'HALF_OPEN', retryAt: probeUntil },
    });
    return claimed.count === 1 ? { allowed: true, probe: true } : { allowed: false, retryAt: probeUntil };
  }

  /** A call succeeded: the breaker closes and the failure run resets (a no-op write when already so). */
  async success(): Promise<void> {
    // Known CLOSED with no failure run to reset: nothing to write.
    if (this.closed && this.closed.failures === 0 && this.closed.until > this.clock.now().getTime()) return;
    const seen = this.failuresSeen;
    await this.prisma.$executeRaw`
      UPDATE circuit_breakers SET state = 'CLOSED', failures = 0, opened_at = NULL, retry_at = NULL, updated_at = now()
      WHERE name = ${this.name} AND (state <> 'CLOSED' OR failures <> 0)`;
    if (seen === this.failuresSeen) this.remember(0);
  }

  /** A call failed in a way that says the upstream is unwell (timeouts, 5xx, 429). */
  async failure(error: string): Promise<BreakerState> {
    this.closed = null;
    this.failuresSeen++;
    const now = this.clock.now();
    const reopenAt = new Date(now.getTime() + this.opts.cooldownMs);
    const rows = await this.prisma.$queryRaw<Array<{ state: BreakerState }>>`
      INSERT INTO circuit_breakers (name, state, failures, opened_at, retry_at, last_error, created_at, updated_at)
      VALUES (${this.name}, (CASE WHEN 1 >= ${this.opts.failureThreshold}::int THEN 'OPEN' ELSE 'CLOSED' END)::"BreakerState", 1,
              CASE WHEN 1 >= ${this.opts.failureThreshold}::int THEN ${now}::timestamptz END,
              CASE WHEN 1 >= ${this.opts.failureThreshold}::int THEN ${reopenAt}::timestamptz END, ${error}, now(), now())
      ON CONFLICT (name) DO UPDATE SET
        failures = circuit_breakers.failures + 1,
        last_error = EXCLUDED.last_error,
        updated_at = now(),
        state = (CASE
          WHEN circuit_breakers.state = 'HALF_OPEN' OR circuit_breakers.failures + 1 >= ${this.opts.failureThreshold}::int THEN 'OPEN'
          ELSE circuit_breakers.state END)::"BreakerState",
        opened_at = CASE
          WHEN circuit_breakers.state = 'OPEN' THEN circuit_breakers.opened_at
          WHEN circuit_breakers.state = 'HALF_OPEN' OR circuit_breakers.failures + 1 >= ${this.opts.failureThreshold}::int THEN ${now}::timestamptz
          ELSE circuit_breakers.opened_at END,
        retry_at = CASE
          WHEN circuit_breakers.state = 'OPEN' THEN circuit_breakers.retry_at
          WHEN circuit_breakers.state = 'HALF_OPEN' OR circuit_breakers.failures + 1 >= ${this.opts.failureThreshold}::int THEN ${reopenAt}::timestamptz
          ELSE circuit_breakers.retry_at END
      RETURNING state::text AS state`;
    return rows[0]!.state;
  }

  private remember(failures: number): void {
    const ttl = this.opts.closedCacheMs ?? 0;
    this.closed = ttl > 0 ? { failures, until: this.clock.now().getTime() + ttl } : null;
  }

  async view(): Promise<BreakerView> {
    const row = await this.prisma.circuitBreaker.findUnique({ where: { name: this.name } });
    return row ?? { name: this.name, state: 'CLOSED', failures: 0, openedAt: null, retryAt: null, lastError: null };
  }
}

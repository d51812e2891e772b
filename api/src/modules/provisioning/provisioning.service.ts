import { Prisma } from '../../generated/prisma/client';
import type pg from 'pg';
import { jobRunner, pgRunner, pgTransaction, type SqlRunner } from '../../db/sql-runner';
import type { Did, Order as DidwwOrder } from '../../integrations/didww';
import { enqueueJob } from '../../jobs/enqueue';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import { nationalFormat, PROVISION_TASK } from '../checkout/fulfilment';
import { orderReference } from '../orders/order-view';
import type { CircuitBreaker } from './circuit-breaker';
import type { DefaultTrunk } from './default-trunk';
import { transition } from './number-status';
import { recordLineOutcome, recordLineOutcomeSql } from './order-progress';
import { saveRun, startRun, type NumberToProvision, type StepRecord } from './provisioning-sql';
import { backoffMs, classify, describe } from './retry-policy';
import { queueApply } from '../number-config/number-config.service';

type Tx = Prisma.TransactionClient;

export const REFUND_FAILED_TASK = 'refund-failed-number';
export const provisionJobKey = (numberId: string) => `provision:${numberId}`;
/** graphile-worker's own retries are for our faults (a crash, the database); DIDWW's are counted by us. */
export const PROVISION_JOB_MAX_ATTEMPTS = 10;

/** DIDWW has the order but has not completed it yet: poll again later. */
export class OrderStillPending extends Error {
  readonly kind = 'transient';
  constructor(orderId: string) {
    super(`DIDWW order ${orderId} is still pending`);
  }
}

/** DIDWW cancelled the order: the number cannot be had. */
export class OrderCanceled extends Error {
  readonly kind = 'permanent';
  constructor(orderId: string) {
    super(`DIDWW cancelled order ${orderId}`);
  }
}

/** What the crash hook throws in tests: the worker "died" at that point, leaving what it left. */
export class ProcessDied extends Error {
  constructor(point: string) {
    super(`process died at ${point}`);
  }
}

/** Where tests "kill the worker": before or after a step's DIDWW call, or before the run's results are saved. */
export type CrashPoint = `${'ORDER' | 'AWAIT_COMPLETION' | 'ROUTE'}:${'before-call' | 'after-call'}` | 'SAVE:before-write';
export type ProvisionOutcome = 'active' | 'already' | 'failed' | 'retrying' | 'delayed';

const numberInclude = {
  orderLine: { include: { availableNumber: { include: { sku: true } }, order: { select: { id: true, reference: true } } } },
  user: true,
} as const;

type Step = 'ORDER' | 'AWAIT_COMPLETION' | 'ROUTE';

/** What a run has learnt so far; saved in one go when it ends, however it ends. */
interface Run {
  number: NumberToProvision;
  attempt: number;
  attemptId: string;
  steps: StepRecord[];
  orderId: string | null;
  order: DidwwOrder | null;
  didId: string | null;
  did: Did | null;
}

/**
 * Buys a paid number at DIDWW, routes it, and marks it ACTIVE. One run does every step it can —
 * ORDER, AWAIT_COMPLETION, ROUTE — and saves what it learnt in ONE transaction at the end: the
 * step rows of provisioning_attempts, the DIDWW ids, and (when all went well) the ACTIVE
 * transition, the order line's outcome and the email. The first step's attempt row is written
 * STARTED (with PENDING → PROVISIONING) before any call, so a run that died shows in the staff queue.
 *
 * Safe to run again at any point: the order carries the number's own `external_reference_id` and
 * is looked up before ordering unless this very run moved the number out of PENDING and no run
 * ever got as far as ordering (then no order can exist); a saved DID is not fetched again; routing
 * checks the DID's trunk first. Calls that cannot tell us anything new are skipped: listing the
 * order's DIDs answers "is it complete?" (DIDs appear only on completion), and the DID listed
 * already says whether it is routed.
 *
 * Failures: DIDWW being unwell (timeouts, 5xx, 429, an order still pending) re-queues the number
 * with exponential backoff and jitter, up to PROVISION_MAX_ATTEMPTS tries; an open circuit breaker
 * re-queues it for when the breaker half-opens without spending a try. A refusal (number taken,
 * no funds) or the last try used up marks it FAILED, alerts staff and queues its refund.
 */
export class ProvisioningService {
  /** Tests replace this to "kill the worker" at a named point. */
  crashHook: (point: CrashPoint) => void = () => {};

  constructor(
    private readonly deps: ModuleDeps,
    private readonly email: EmailService,
    readonly breaker: CircuitBreaker,
    private readonly trunk: DefaultTrunk,
    private readonly pool: pg.Pool,
  ) {}

  async provision(numberId: string, attempt = 1): Promise<ProvisionOutcome> {
    // The gate first: it costs nothing while the breaker is known CLOSED, and an open breaker
    // re-queues without touching the number (a settled number's run then just ends as 'already').
    const gate = await this.breaker.acquire();
    if (!gate.allowed) {
      await this.requeue(numberId, attempt, gate.retryAt);
      return 'delayed';
    }
    const number = await startRun(pgRunner(this.pool), { numberId, attempt, now: this.deps.clock.now() });
    if (!number?.started || !number.attemptId) return 'already';
    const run: Run = { number, attempt, attemptId: number.attemptId, steps: [], orderId: number.didww_order_id, order: null, didId: number.didww_did_id, did: null };

    try {
      if (!run.orderId) {
        const lookFirst = !number.moved || number.orderedBefore;
        run.order = await this.step(run, 'ORDER', () => this.placeOrder(number, lookFirst));
        run.orderId = run.order.id;
      }
      if (!run.didId) {
        run.did = await this.step(run, 'AWAIT_COMPLETION', () => this.completedDid(run.orderId!, run.order));
        run.didId = run.did.id;
      }
      await this.step(run, 'ROUTE', () => this.route(run.didId!, run.did));
    } catch (err) {
      if (err instanceof ProcessDied) throw err;
      const kind = err instanceof OrderStillPending || err instanceof OrderCanceled ? err.kind : classify(err);
      await this.save(pgRunner(this.pool), run, false);
      if (kind === 'unexpected') throw err;
      if (err instanceof OrderStillPending) await this.breaker.success();
      else if (kind === 'transient') await this.breaker.failure(describe(err));
      if (kind === 'permanent') return this.giveUp(numberId, `DIDWW refused the order: ${describe(err)}`);
      if (attempt >= this.deps.config.PROVISION_MAX_ATTEMPTS) {
        return this.giveUp(numberId, `${describe(err)} — gave up after ${attempt} tries`);
      }
      const delay = backoffMs(attempt, this.deps.config.PROVISION_RETRY_BASE_MS, this.deps.config.PROVISION_RETRY_MAX_MS);
      await this.requeue(numberId, attempt + 1, new Date(this.deps.clock.now().getTime() + delay));
      return 'retrying';
    }
    await this.breaker.success();
    this.crashHook('SAVE:before-write');
    const live = await pgTransaction(this.pool, async (sql) => (await this.save(sql, run, true)) && this.activated(sql, number));
    return live ? 'active' : 'already';
  }

  /**
   * The number cannot be provisioned (DIDWW refused, or every try is used up): FAILED with the
   * reason, staff alerted, and its refund queued — all in one transaction, and only once.
   */
  async giveUp(numberId: string, reason: string): Promise<'failed'> {
    const { prisma, config } = this.deps;
    await prisma.$transaction(async (tx) => {
      const was = await transition(tx, { numberId, from: ['PENDING', 'PROVISIONING'], to: 'FAILED', cause: reason, data: { failureReason: reason } });
      if (!was) return;
      const n = await tx.purchasedNumber.findUniqueOrThrow({ where: { id: numberId }, include: numberInclude });
      await recordLineOutcome(tx, n.orderLineId, 'FAILED', `${n.e164} could not be set up; it will be refunded.`, this.deps.clock.now());
      await this.email.queue(tx, {
        to: config.STAFF_ALERT_EMAIL,
        template: 'provisioningFailed',
        dedupeKey: `provisioning-failed:${numberId}:${this.deps.clock.now().getTime()}`,
        data: {
          e164: n.e164,
          orderReference: orderReference(n.orderLine.order.reference),
          customerEmail: n.user.email,
          reason,
          adminUrl: `${config.ADMIN_URL}/provisioning?number=${numberId}`,
        },
      });
      await enqueueJob(tx, REFUND_FAILED_TASK, { purchasedNumberId: numberId }, { jobKey: `refund-failed:${numberId}`, maxAttempts: 10 });
    });
    return 'failed';
  }

  /** Queue the next try. The key replaces a waiting job; a running one (this one) gets a fresh successor. */
  async requeue(numberId: string, attempt: number, runAt: Date, tx: Pick<Tx, '$executeRaw'> = this.deps.prisma): Promise<void> {
    await enqueueJob(tx, PROVISION_TASK, { purchasedNumberId: numberId, attempt }, { jobKey: provisionJobKey(numberId), runAt, maxAttempts: PROVISION_JOB_MAX_ATTEMPTS });
  }

  /**
   * One step: its DIDWW call, timed and remembered in the run (saved when the run ends). The first
   * step's row already exists as STARTED; a crash before the save leaves it so, and the next run
   * repeats the steps, which each step makes harmless.
   */
  private async step<T>(run: Run, step: Step, call: () => Promise<T>): Promise<T> {
    const { clock } = this.deps;
    // Strictly increasing start times keep the steps in order in the staff view, even within one millisecond.
    const prev = run.steps.at(-1)?.startedAt.getTime() ?? -Infinity;
    const startedAt = new Date(Math.max(clock.now().getTime(), prev + 1));
    try {
      this.crashHook(`${step}:before-call`);
      const value = await call();
      this.crashHook(`${step}:after-call`);
      run.steps.push({ step, startedAt, finishedAt: clock.now(), outcome: 'SUCCEEDED', error: null });
      return value;
    } catch (err) {
      if (err instanceof ProcessDied) throw err;
      const kind = err instanceof OrderStillPending ? 'transient' : err instanceof OrderCanceled ? 'permanent' : classify(err);
      run.steps.push({ step, startedAt, finishedAt: clock.now(), outcome: kind === 'permanent' ? 'PERMANENT_FAILURE' : 'TRANSIENT_FAILURE', error: describe(err).slice(0, 2000) });
      throw err;
    }
  }

  /** The run's step rows and ids, in one statement; with `activate`, the ACTIVE transition too. */
  private save(sql: SqlRunner, run: Run, activate: boolean): Promise<boolean> {
    return saveRun(sql, {
      numberId: run.number.id,
      attempt: run.attempt,
      attemptId: run.attemptId,
      steps: run.steps,
      orderId: run.number.didww_order_id ? null : run.orderId,
      didId: run.number.didww_did_id ? null : run.didId,
      activate,
      now: this.deps.clock.now(),
    });
  }

  /** Finds our order at DIDWW by our reference, or places it: never two orders for one number. */
  private async placeOrder(number: NumberToProvision, lookFirst: boolean): Promise<DidwwOrder> {
    const { didww } = this.deps;
    if (lookFirst) {
      const existing = await didww.findOrderByExternalReference(number.didww_order_reference);
      if (existing) return existing;
    }
    return didww.createOrder({
      externalReferenceId: number.didww_order_reference,
      items: [
        number.didww_reservation_id
          ? { skuId: number.sku_didww_id, didReservationId: number.didww_reservation_id }
          : { skuId: number.sku_didww_id, availableDidId: number.available_didww_id },
      ],
    });
  }

  /** The order's DID once it is complete. Listing first: a DID exists only for a completed order. */
  private async completedDid(orderId: string, known: DidwwOrder | null): Promise<Did> {
    const { didww } = this.deps;
    if (known?.status === 'Canceled') throw new OrderCanceled(orderId);
    const [listed] = await didww.listDids({ orderId });
    if (listed) return listed;
    const order = await didww.getOrder(orderId);
    if (order.status === 'Canceled') throw new OrderCanceled(orderId);
    throw new OrderStillPending(orderId);
  }

  /** Default routing: a DID without a voice-in trunk drops calls, so it gets ours until configured. */
  private async route(didId: string, known: Did | null): Promise<void> {
    const did = known ?? (await this.deps.didww.getDid(didId));
    if (did.voiceInTrunkId || did.voiceInTrunkGroupId) return;
    await this.deps.didww.updateDid(didId, { voiceInTrunkId: await this.trunk.ensure() });
  }

  /**
   * The number just went ACTIVE: the customer's email and its order line's outcome, in the same
   * transaction. The line outcome last: it locks the order row, which the other numbers of the
   * order (settling in parallel) wait for, so it is held only until the COMMIT that follows.
   */
  private async activated(sql: SqlRunner, number: NumberToProvision): Promise<true> {
    const now = this.deps.clock.now();
    // A configuration saved while the number was being set up waited for its DID: apply it now.
    const [waiting] = await sql.query<{ n: number }>(Prisma.sql`
      SELECT count(*)::int AS n FROM number_configurations WHERE purchased_number_id = ${number.id}::uuid AND sync_state <> 'APPLIED'`);
    if (waiting!.n > 0) await queueApply(jobRunner(sql), number.id);
    await this.email.queueSql(sql, {
      to: number.user_email,
      userId: number.user_id,
      template: 'numberActive',
      dedupeKey: `number-active:${number.id}`,
      data: { name: number.user_name, e164: number.e164, national: nationalFormat(number.e164), numberUrl: `${this.deps.config.WEB_URL}/orders/${number.order_id}` },
    });
    await recordLineOutcomeSql(sql, number.order_line_id, 'FULFILLED', `${number.e164} is live.`, now);
    return true;
  }
}

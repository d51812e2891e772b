import type { Prisma } from '../../generated/prisma/client';
import type { ProvisioningStep } from '../../generated/prisma/enums';
import { enqueueJob } from '../../jobs/enqueue';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import { nationalFormat, PROVISION_TASK } from '../checkout/fulfilment';
import { orderReference } from '../orders/order-view';
import type { CircuitBreaker } from './circuit-breaker';
import type { DefaultTrunk } from './default-trunk';
import { transition } from './number-status';
import { recordLineOutcome } from './order-progress';
import { backoffMs, classify, describe } from './retry-policy';
import { APPLY_CONFIG_TASK, applyJobKey } from '../number-config/number-config.service';

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

export type CrashPoint = `${'ORDER' | 'AWAIT_COMPLETION' | 'ROUTE'}:${'before-call' | 'after-call' | 'after-write'}`;
export type ProvisionOutcome = 'active' | 'already' | 'failed' | 'retrying' | 'delayed';

type NumberRow = Prisma.PurchasedNumberGetPayload<{ include: typeof numberInclude }>;
const numberInclude = {
  orderLine: { include: { availableNumber: { include: { sku: true } }, order: { select: { id: true, reference: true } } } },
  user: true,
} as const;

/**
 * Buys a paid number at DIDWW, routes it, and marks it ACTIVE: one step at a time, each step a
 * provisioning_attempts row, each result saved before the next step starts. Safe to run again at
 * any point: the order carries the number's own `external_reference_id` and is looked up before
 * ordering; a saved DID is not fetched again; routing checks the DID's trunk first.
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
  ) {}

  async provision(numberId: string, attempt = 1): Promise<ProvisionOutcome> {
    const { prisma } = this.deps;
    const number = await prisma.purchasedNumber.findUnique({ where: { id: numberId }, include: numberInclude });
    if (!number || !['PENDING', 'PROVISIONING'].includes(number.status)) return 'already';

    const gate = await this.breaker.acquire();
    if (!gate.allowed) {
      await this.requeue(numberId, attempt, gate.retryAt);
      return 'delayed';
    }
    if (number.status === 'PENDING') {
      const moved = await prisma.$transaction((tx) => transition(tx, { numberId, from: 'PENDING', to: 'PROVISIONING', cause: 'Ordering from the carrier' }));
      if (!moved) return 'already';
    }

    try {
      const orderId =
        number.didwwOrderId ??
        (await this.step(number, attempt, 'ORDER', () => this.placeOrder(number), (tx, order) =>
          tx.purchasedNumber.update({ where: { id: numberId }, data: { didwwOrderId: order } }),
        ));
      const didId =
        number.didwwDidId ??
        (await this.step(number, attempt, 'AWAIT_COMPLETION', () => this.completedDid(orderId), (tx, did) =>
          tx.purchasedNumber.update({ where: { id: numberId }, data: { didwwDidId: did } }),
        ));
      await this.step(number, attempt, 'ROUTE', () => this.route(didId), async () => {});
      await this.breaker.success();
      return (await this.activate(number)) ? 'active' : 'already';
    } catch (err) {
      const kind = err instanceof OrderStillPending || err instanceof OrderCanceled ? err.kind : classify(err);
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
      await recordLineOutcome(tx, n.orderLineId, 'FAILED', `${n.e164} could not be set up; it will be refunded.`);
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
   * One step: a STARTED row, the DIDWW call, then its result and the row's outcome saved in one
   * transaction. A crash leaves the row STARTED and the result unsaved; the next run repeats the
   * step, which each step makes harmless.
   */
  private async step<T>(number: NumberRow, attempt: number, step: ProvisioningStep, call: () => Promise<T>, save: (tx: Tx, value: T) => Promise<unknown>): Promise<T> {
    const { prisma, clock } = this.deps;
    const row = await prisma.provisioningAttempt.create({ data: { purchasedNumberId: number.id, attempt, step } });
    let value: T;
    try {
      this.crashHook(`${step}:before-call` as CrashPoint);
      value = await call();
      this.crashHook(`${step}:after-call` as CrashPoint);
    } catch (err) {
      if (err instanceof ProcessDied) throw err;
      const kind = err instanceof OrderStillPending ? 'transient' : err instanceof OrderCanceled ? 'permanent' : classify(err);
      await prisma.provisioningAttempt.update({
        where: { id: row.id },
        data: { outcome: kind === 'permanent' ? 'PERMANENT_FAILURE' : 'TRANSIENT_FAILURE', error: describe(err).slice(0, 2000), finishedAt: clock.now() },
      });
      throw err;
    }
    await prisma.$transaction(async (tx) => {
      await save(tx, value);
      await tx.provisioningAttempt.update({ where: { id: row.id }, data: { outcome: 'SUCCEEDED', finishedAt: clock.now() } });
    });
    this.crashHook(`${step}:after-write` as CrashPoint);
    return value;
  }

  /** Finds our order at DIDWW by our reference, or places it: never two orders for one number. */
  private async placeOrder(number: NumberRow): Promise<string> {
    const { didww } = this.deps;
    const existing = await didww.findOrderByExternalReference(number.didwwOrderReference);
    if (existing) return existing.id;
    const { availableNumber } = number.orderLine;
    const order = await didww.createOrder({
      externalReferenceId: number.didwwOrderReference,
      items: [
        number.didwwReservationId
          ? { skuId: availableNumber.sku.didwwId, didReservationId: number.didwwReservationId }
          : { skuId: availableNumber.sku.didwwId, availableDidId: availableNumber.didwwId },
      ],
    });
    return order.id;
  }

  private async completedDid(orderId: string): Promise<string> {
    const { didww } = this.deps;
    const order = await didww.getOrder(orderId);
    if (order.status === 'Pending') throw new OrderStillPending(orderId);
    if (order.status === 'Canceled') throw new OrderCanceled(orderId);
    const [did] = await didww.listDids({ orderId });
    if (!did) throw new OrderStillPending(orderId);
    return did.id;
  }

  /** Default routing: a DID without a voice-in trunk drops calls, so it gets ours until configured. */
  private async route(didId: string): Promise<void> {
    const did = await this.deps.didww.getDid(didId);
    if (did.voiceInTrunkId || did.voiceInTrunkGroupId) return;
    await this.deps.didww.updateDid(didId, { voiceInTrunkId: await this.trunk.ensure() });
  }

  private activate(number: NumberRow): Promise<boolean> {
    const now = this.deps.clock.now();
    return this.deps.prisma.$transaction(async (tx) => {
      const was = await transition(tx, { numberId: number.id, from: 'PROVISIONING', to: 'ACTIVE', cause: 'Live at the carrier', data: { activatedAt: now, failureReason: null } });
      if (!was) return false;
      await recordLineOutcome(tx, number.orderLineId, 'FULFILLED', `${number.e164} is live.`);
      // A configuration saved while the number was being set up waited for its DID: apply it now.
      const saved = await tx.numberConfiguration.count({ where: { purchasedNumberId: number.id, syncState: { not: 'APPLIED' } } });
      if (saved) await enqueueJob(tx, APPLY_CONFIG_TASK, { purchasedNumberId: number.id }, { jobKey: applyJobKey(number.id), maxAttempts: 5 });
      await this.email.queue(tx, {
        to: number.user.email,
        userId: number.userId,
        template: 'numberActive',
        dedupeKey: `number-active:${number.id}`,
        data: { name: number.user.name, e164: number.e164, national: nationalFormat(number.e164), numberUrl: `${this.deps.config.WEB_URL}/orders/${number.orderLine.orderId}` },
      });
      return true;
    });
  }
}

import { isDidwwError } from '../../integrations/didww';
import { queueApply } from '../number-config/number-config.service';
import type { ModuleDeps } from '../module-deps';
import { queueRelease } from '../checkout/stripe-events';
import type { CircuitBreaker } from './circuit-breaker';
import { transition } from './number-status';
import { classify, describe } from './retry-policy';

export type ReleaseOutcome = 'released' | 'already' | 'cleaned' | 'delayed';

/** Throw in tests to "kill the worker" right after DIDWW terminated the DID, before we recorded it. */
export type ReleaseCrashPoint = 'RELEASE:after-call';

/**
 * Gives a number back to DIDWW (terminates the DID) and marks it RELEASED, for a cancelled,
 * deleted, long-unpaid or refunded subscription. Runs as `release-number`, keyed per number.
 * Safe to run twice: RELEASED is final, and the DID is looked at before it is terminated, so a
 * re-run after a crash between "terminated" and "recorded" does not terminate again.
 * A FAILED number keeps its status (it waits for staff in the queue); anything we did buy for it
 * at DIDWW is still given back, and a still-pending order is cancelled.
 */
export class Releases {
  crashHook: (point: ReleaseCrashPoint) => void = () => {};

  constructor(
    private readonly deps: ModuleDeps,
    private readonly breaker: CircuitBreaker,
  ) {}

  async release(numberId: string, cause = 'Released'): Promise<ReleaseOutcome> {
    const { prisma, clock } = this.deps;
    const number = await prisma.purchasedNumber.findUnique({ where: { id: numberId } });
    if (!number || number.status === 'RELEASED') return 'already';

    const gate = await this.breaker.acquire();
    if (!gate.allowed) {
      await queueRelease(prisma, numberId, gate.retryAt);
      return 'delayed';
    }
    if (number.status !== 'FAILED' && number.status !== 'RELEASING') {
      const moved = await prisma.$transaction((tx) =>
        transition(tx, { numberId, from: ['PENDING', 'PROVISIONING', 'ACTIVE', 'PAST_DUE', 'SUSPENDED'], to: 'RELEASING', cause: `${cause}: giving the number back to the carrier` }),
      );
      if (!moved) return 'already';
    }

    const attempt = (await prisma.provisioningAttempt.count({ where: { purchasedNumberId: numberId, step: 'RELEASE' } })) + 1;
    const row = await prisma.provisioningAttempt.create({ data: { purchasedNumberId: numberId, attempt, step: 'RELEASE' } });
    try {
      await this.giveBack(number.didwwDidId, number.didwwOrderReference);
      this.crashHook('RELEASE:after-call');
    } catch (err) {
      const kind = classify(err);
      if (kind !== 'unexpected') {
        await prisma.provisioningAttempt.update({ where: { id: row.id }, data: { outcome: kind === 'permanent' ? 'PERMANENT_FAILURE' : 'TRANSIENT_FAILURE', error: describe(err).slice(0, 2000), finishedAt: clock.now() } });
        if (kind === 'transient') await this.breaker.failure(describe(err));
      }
      throw err;
    }
    await this.breaker.success();
    const now = clock.now();
    return prisma.$transaction(async (tx) => {
      await tx.provisioningAttempt.update({ where: { id: row.id }, data: { outcome: 'SUCCEEDED', finishedAt: now } });
      if (number.status === 'FAILED') return 'cleaned' as const;
      const done = await transition(tx, { numberId, from: 'RELEASING', to: 'RELEASED', cause: 'Released at the carrier', data: { releasedAt: now } });
      // The number's own trunks at DIDWW (forwarding, voicemail) are removed by the configuration job.
      const trunks = await tx.numberConfiguration.count({ where: { purchasedNumberId: numberId, OR: [{ didwwTrunkIds: { isEmpty: false } }, { didwwTrunkGroupId: { not: null } }] } });
      if (done && trunks) await queueApply(tx, numberId);
      return done ? ('released' as const) : ('already' as const);
    });
  }

  /** Terminates our DID for this number, however far its purchase got; cancels an order still pending. */
  private async giveBack(didId: string | null, orderReference: string): Promise<void> {
    const { didww } = this.deps;
    let ids = didId ? [didId] : [];
    if (ids.length === 0) {
      const order = await didww.findOrderByExternalReference(orderReference);
      if (!order) return;
      if (order.status === 'Pending') {
        await didww.cancelOrder(order.id);
        return;
      }
      if (order.status === 'Canceled') return;
      ids = (await didww.listDids({ orderId: order.id })).map((d) => d.id);
    }
    for (const id of ids) {
      const did = await didww.getDid(id).catch((err: unknown) => {
        if (isDidwwError(err, 'not_found')) return null;
        throw err;
      });
      if (did && !did.terminated) await didww.updateDid(id, { terminated: true });
    }
  }
}

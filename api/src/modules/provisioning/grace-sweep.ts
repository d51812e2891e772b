import type { ModuleDeps } from '../module-deps';
import { queueRelease } from '../checkout/stripe-events';
import { note, transition } from './number-status';

export const GRACE_SWEEP_TASK = 'sweep-past-due-numbers';

/**
 * The daily look at unpaid numbers. A renewal that failed left the number PAST_DUE with
 * `graceUntil` (GRACE_DAYS ahead); Stripe keeps retrying the invoice, and a payment brings the
 * number back to ACTIVE (checkout/stripe-events.ts). Here:
 *  - PAST_DUE past its grace → SUSPENDED, with a second window of GRACE_DAYS to pay;
 *  - SUSPENDED past that window → `release-number` (RELEASING → RELEASED).
 * Each number moves by a conditional transition and its release job is keyed, so a second run on
 * the same day changes nothing.
 */
export class GraceSweep {
  constructor(private readonly deps: ModuleDeps) {}

  async run(): Promise<{ suspended: number; released: number }> {
    const { prisma, clock, config } = this.deps;
    const now = clock.now();
    const due = await prisma.purchasedNumber.findMany({
      where: { status: { in: ['PAST_DUE', 'SUSPENDED'] }, graceUntil: { lte: now } },
      select: { id: true, status: true },
      take: 1000,
    });
    let suspended = 0;
    let released = 0;
    for (const n of due) {
      await prisma.$transaction(async (tx) => {
        if (n.status === 'PAST_DUE') {
          const graceUntil = new Date(now.getTime() + config.GRACE_DAYS * 86_400_000);
          if (await transition(tx, { numberId: n.id, from: 'PAST_DUE', to: 'SUSPENDED', cause: 'Unpaid after the grace period', data: { graceUntil } })) suspended += 1;
          return;
        }
        // Still SUSPENDED (checked under the row lock by updateMany): hand it to the release job.
        const { count } = await tx.purchasedNumber.updateMany({ where: { id: n.id, status: 'SUSPENDED', cancelAtPeriodEnd: false }, data: { cancelAtPeriodEnd: true } });
        if (count === 0) return;
        await note(tx, n.id, 'SUSPENDED', 'Unpaid: release scheduled');
        await queueRelease(tx, n.id);
        released += 1;
      });
    }
    return { suspended, released };
  }
}

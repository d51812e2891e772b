import { isDidwwError } from '../../integrations/didww';
import type { ModuleDeps } from '../module-deps';

/** Kinds of DIDWW refusal meaning the number cannot be had upstream any more. */
const GONE = new Set(['number_taken', 'not_found', 'out_of_stock']);

/**
 * The DIDWW side of a hold: a reservation made after the local hold commits (so adding to the
 * cart never waits on DIDWW), and released when the hold ends. Both are job bodies: idempotent,
 * and throwing only for what a retry can fix.
 */
export class Reservations {
  constructor(private readonly deps: ModuleDeps) {}

  async reserve(cartItemId: string): Promise<'reserved' | 'already' | 'gone' | 'number-lost'> {
    const { prisma, didww, clock } = this.deps;
    const item = await prisma.cartItem.findUnique({ where: { id: cartItemId }, include: { availableNumber: { select: { id: true, didwwId: true } } } });
    if (!item) return 'gone';
    if (item.didwwReservationId) return 'already';
    try {
      const reservation = await didww.createReservation({ availableDidId: item.availableNumber.didwwId, description: `NumNinja cart item ${item.id}` });
      const { count } = await prisma.cartItem.updateMany({ where: { id: item.id, didwwReservationId: null }, data: { didwwReservationId: reservation.id } });
      // The hold ended while we were asking DIDWW: give the reservation straight back.
      if (count === 0) await this.release(reservation.id);
      return 'reserved';
    } catch (err) {
      if (isDidwwError(err) && err.kind === 'validation') {
        // DIDWW would not reserve but did not say the number is gone: keep our hold; the order
        // is then placed for the number itself rather than from a reservation.
        this.deps.log.warn({ cartItemId, detail: err.detail }, 'DIDWW refused a reservation; hold kept without one');
        return 'already';
      }
      if (!isDidwwError(err) || !GONE.has(err.kind)) throw err;
      // Sold elsewhere upstream: the hold cannot be honoured, and the number must not be offered again.
      await prisma.$transaction(async (tx) => {
        await tx.cartItem.deleteMany({ where: { id: item.id } });
        await tx.availableNumber.update({ where: { id: item.availableNumber.id }, data: { status: 'WITHDRAWN', updatedAt: clock.now() } });
      });
      this.deps.log.warn({ cartItemId, kind: err.kind }, 'number gone at DIDWW; hold dropped');
      return 'number-lost';
    }
  }

  async release(reservationId: string): Promise<void> {
    try {
      await this.deps.didww.deleteReservation(reservationId);
    } catch (err) {
      // Already expired or released upstream: nothing left to do.
      if (isDidwwError(err) && err.kind === 'not_found') return;
      throw err;
    }
  }
}

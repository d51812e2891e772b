import type { NumberStatus } from '../../generated/prisma/enums';
import { isDidwwError } from '../../integrations/didww';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import { nationalFormat } from '../checkout/fulfilment';

/** DIDWW refusals that no retry will change: the number cannot be had. */
const PERMANENT = new Set(['number_taken', 'out_of_stock', 'insufficient_funds', 'validation', 'not_found']);

/** Thrown while DIDWW is still completing an order: the job is retried with backoff. */
export class OrderStillPending extends Error {
  constructor(orderId: string) {
    super(`DIDWW order ${orderId} is still pending`);
  }
}

export type ProvisionOutcome = 'active' | 'already' | 'failed';

/**
 * Buys a paid number at DIDWW and marks it ACTIVE. Safe to run again at any point: the DIDWW order
 * carries the number's own reference (`external_reference_id`), and before ordering we look for an
 * order with it, so a crash between "order placed" and "row updated" never buys twice.
 */
export class ProvisioningService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly email: EmailService,
  ) {}

  async provision(purchasedNumberId: string): Promise<ProvisionOutcome> {
    const { prisma, didww } = this.deps;
    const number = await prisma.purchasedNumber.findUnique({
      where: { id: purchasedNumberId },
      include: { orderLine: { include: { availableNumber: { include: { sku: true } } } }, user: true },
    });
    if (!number || !['PENDING', 'PROVISIONING'].includes(number.status)) return 'already';
    if (number.status === 'PENDING') await this.transition(number.id, 'PENDING', 'PROVISIONING', 'Ordering from the carrier');

    try {
      let orderId = number.didwwOrderId;
      if (!orderId) {
        const existing = await didww.findOrderByExternalReference(number.didwwOrderReference);
        const { availableNumber } = number.orderLine;
        const order =
          existing ??
          (await didww.createOrder({
            externalReferenceId: number.didwwOrderReference,
            items: [
              number.didwwReservationId
                ? { skuId: availableNumber.sku.didwwId, didReservationId: number.didwwReservationId }
                : { skuId: availableNumber.sku.didwwId, availableDidId: availableNumber.didwwId },
            ],
          }));
        orderId = order.id;
        await prisma.purchasedNumber.update({ where: { id: number.id }, data: { didwwOrderId: orderId } });
      }
      const order = await didww.getOrder(orderId);
      if (order.status === 'Pending') throw new OrderStillPending(orderId);
      if (order.status === 'Canceled') return this.fail(number.id, 'The carrier cancelled the order.');

      const [did] = await didww.listDids({ orderId });
      const now = this.deps.clock.now();
      const activated = await prisma.$transaction(async (tx) => {
        const { count } = await tx.purchasedNumber.updateMany({
          where: { id: number.id, status: 'PROVISIONING' },
          data: { status: 'ACTIVE', activatedAt: now, didwwDidId: did?.id ?? null, failureReason: null },
        });
        if (count === 0) return false;
        await tx.numberStatusEvent.create({ data: { purchasedNumberId: number.id, fromStatus: 'PROVISIONING', toStatus: 'ACTIVE', cause: 'Live at the carrier' } });
        await this.email.queue(tx, {
          to: number.user.email,
          userId: number.userId,
          template: 'numberActive',
          dedupeKey: `number-active:${number.id}`,
          data: { name: number.user.name, e164: number.e164, national: nationalFormat(number.e164), numberUrl: `${this.deps.config.WEB_URL}/orders/${number.orderLine.orderId}` },
        });
        return true;
      });
      return activated ? 'active' : 'already';
    } catch (err) {
      if (isDidwwError(err) && PERMANENT.has(err.kind)) return this.fail(number.id, `DIDWW refused the order: ${err.detail ?? err.kind}`);
      throw err;
    }
  }

  private async fail(id: string, reason: string): Promise<ProvisionOutcome> {
    await this.deps.prisma.$transaction(async (tx) => {
      const { count } = await tx.purchasedNumber.updateMany({ where: { id, status: { in: ['PENDING', 'PROVISIONING'] } }, data: { status: 'FAILED', failureReason: reason } });
      if (count) await tx.numberStatusEvent.create({ data: { purchasedNumberId: id, fromStatus: 'PROVISIONING', toStatus: 'FAILED', cause: reason } });
    });
    return 'failed';
  }

  private async transition(id: string, from: NumberStatus, to: NumberStatus, cause: string): Promise<void> {
    await this.deps.prisma.$transaction(async (tx) => {
      const { count } = await tx.purchasedNumber.updateMany({ where: { id, status: from }, data: { status: to } });
      if (count) await tx.numberStatusEvent.create({ data: { purchasedNumberId: id, fromStatus: from, toStatus: to, cause } });
    });
  }
}

import type { Prisma } from '../../generated/prisma/client';
import type { OrderStatus } from '../../generated/prisma/enums';

type Tx = Prisma.TransactionClient;

/**
 * Mirrors a number's outcome onto its order line and, once every line is settled, onto the order
 * (FULFILLED, PARTIALLY_FULFILLED or FAILED), with an order_events row for the timeline. An order
 * already refunded keeps its refund status: money facts outrank provisioning facts.
 */
export async function recordLineOutcome(tx: Tx, orderLineId: string, outcome: 'FULFILLED' | 'FAILED', message: string): Promise<void> {
  const line = await tx.orderLine.findUniqueOrThrow({ where: { id: orderLineId }, select: { orderId: true, status: true } });
  if (line.status === 'PENDING' || (line.status === 'FAILED' && outcome === 'FULFILLED')) {
    await tx.orderLine.update({ where: { id: orderLineId }, data: { status: outcome } });
  }
  await tx.orderEvent.create({ data: { orderId: line.orderId, type: outcome === 'FULFILLED' ? 'number_active' : 'number_failed', message } });

  const lines = await tx.orderLine.findMany({ where: { orderId: line.orderId }, select: { status: true } });
  if (lines.some((l) => l.status === 'PENDING')) return;
  const live = lines.filter((l) => l.status === 'FULFILLED').length;
  const next: OrderStatus = live === lines.length ? 'FULFILLED' : live > 0 ? 'PARTIALLY_FULFILLED' : 'FAILED';
  const { count } = await tx.order.updateMany({ where: { id: line.orderId, status: { in: ['PAID', 'PARTIALLY_FULFILLED', 'FAILED'] }, NOT: { status: next } }, data: { status: next } });
  if (count && next === 'FULFILLED') await tx.orderEvent.create({ data: { orderId: line.orderId, type: 'fulfilled', message: 'Every number is live.' } });
}

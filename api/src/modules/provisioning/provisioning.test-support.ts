import { systemClock } from '../../clock';
import { createLogger } from '../../logger';
import { hashPassword } from '../auth/password';
import { fulfilOrder } from '../checkout/fulfilment';
import type { ModuleDeps } from '../module-deps';
import type { TestApi } from '../../test/api-harness';

let seq = 0;

/**
 * `count` paid numbers without the browser round trips: orders of up to 20 lines are written
 * straight into the database, then paid through the real fulfilment code (which creates the
 * purchased numbers and their provisioning jobs), as the Stripe webhook would.
 */
export async function paidNumbers(api: TestApi, availableNumberIds: string[], opts: { perOrder?: number; userId?: string } = {}): Promise<string[]> {
  const prisma = api.db.prisma;
  const s = api.server.services;
  const deps: ModuleDeps = { prisma, clock: systemClock, config: api.config, log: createLogger('silent'), audit: s.audit, didww: s.didww };
  let userId = opts.userId;
  if (!userId) {
    seq += 1;
    const user = await prisma.user.create({ data: { email: `buyer-${process.pid}-${seq}-${Date.now()}@example.com`, name: 'Bulk Buyer', role: 'CUSTOMER', passwordHash: await hashPassword('irrelevant-password') } });
    userId = user.id;
  }
  const perOrder = opts.perOrder ?? 20;
  const created: string[] = [];
  for (let i = 0; i < availableNumberIds.length; i += perOrder) {
    const ids = availableNumberIds.slice(i, i + perOrder);
    const numbers = await prisma.availableNumber.findMany({ where: { id: { in: ids } } });
    const order = await prisma.order.create({
      data: {
        userId, currency: 'USD', setupTotal: 0, monthlyTotal: numbers.length * 500, dueToday: numbers.length * 500,
        lines: { create: numbers.map((n) => ({ availableNumberId: n.id, e164: n.e164, setupPrice: 0, monthlyPrice: 500, currency: 'USD' })) },
      },
    });
    await prisma.$transaction((tx) =>
      fulfilOrder(tx, deps, s.email, {
        orderId: order.id, customerId: null, subscriptionId: null, invoiceId: null, paymentIntentId: null, chargeId: null,
        amountTotal: order.dueToday, currency: 'usd', subscriptionItems: new Map(), paidUntil: null,
      }),
    );
    const rows = await prisma.purchasedNumber.findMany({ where: { orderLine: { orderId: order.id } }, select: { id: true } });
    created.push(...rows.map((r) => r.id));
  }
  return created;
}

/** How many orders the fake DIDWW saw per external reference. */
export function ordersAtDidww(api: TestApi): Record<string, number> {
  return (api.didww!.admin.state() as { counters: { ordersByExternalReference: Record<string, number> } }).counters.ordersByExternalReference;
}

/** Makes every queued job due now: the "restart" after a crash, without waiting out the backoff. */
export async function jobsDueNow(api: TestApi): Promise<void> {
  await api.db.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL`;
}

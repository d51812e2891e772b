/**
 * The demo customer's purchased numbers (paid, live), matching the DIDs the fake DIDWW owns for
 * them (src/demo/usage.ts), plus a queued CDR import so their call history arrives right after boot.
 */
import type { Prisma } from '../generated/prisma/client';
import { DEMO_HISTORY_DAYS, demoCustomerNumbers, demoDidId } from '../demo/usage';
import { enqueueJob } from '../jobs/enqueue';
import { IMPORT_CDRS_TASK } from '../modules/usage/usage.service';
import { demoUserId } from './accounts';
import { seedId } from './ids';

export async function seedDemoNumbers(tx: Prisma.TransactionClient, now: Date, opts: { perGroup?: number } = {}): Promise<number> {
  const userId = demoUserId('customer@numninja.test');
  const boughtAt = new Date(now.getTime() - DEMO_HISTORY_DAYS * 86_400_000);
  const picks = demoCustomerNumbers(opts);
  if (picks.length === 0) return 0;
  const available = await tx.availableNumber.findMany({ where: { id: { in: picks.map((n) => seedId(`available_number:${n.id}`)) } } });
  if (available.length === 0) return 0;
  const orderId = seedId('order:demo-customer');
  const sum = (k: 'setupPrice' | 'monthlyPrice') => available.reduce((a, n) => a + n[k], 0);
  await tx.order.create({
    data: {
      id: orderId, userId, status: 'FULFILLED', currency: 'USD', setupTotal: sum('setupPrice'), monthlyTotal: sum('monthlyPrice'),
      dueToday: sum('setupPrice') + sum('monthlyPrice'), paidAt: boughtAt, createdAt: boughtAt,
    },
  });
  for (const n of available) {
    const pick = picks.find((p) => seedId(`available_number:${p.id}`) === n.id)!;
    const lineId = seedId(`order_line:demo:${n.id}`);
    await tx.orderLine.create({
      data: { id: lineId, orderId, availableNumberId: n.id, e164: n.e164, setupPrice: n.setupPrice, monthlyPrice: n.monthlyPrice, currency: 'USD', status: 'FULFILLED', createdAt: boughtAt },
    });
    await tx.purchasedNumber.create({
      data: {
        id: seedId(`purchased_number:demo:${n.id}`), userId, orderLineId: lineId, countryId: n.countryId, didGroupId: n.didGroupId,
        e164: n.e164, status: 'ACTIVE', didwwDidId: demoDidId(pick), activatedAt: boughtAt, createdAt: boughtAt,
        paidUntil: new Date(now.getTime() + 30 * 86_400_000),
      },
    });
  }
  await tx.availableNumber.updateMany({ where: { id: { in: available.map((n) => n.id) } }, data: { status: 'SOLD' } });
  await enqueueJob(tx, IMPORT_CDRS_TASK, { userId: null }, { jobKey: `${IMPORT_CDRS_TASK}:all` });
  return available.length;
}

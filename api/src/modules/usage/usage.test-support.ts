/** Test helpers: customers owning live numbers that the fake DIDWW also owns (so CDRs exist). */
import { randomUUID } from 'node:crypto';
import type { TestApi } from '../../test/api-harness';
import { signUpCustomer } from '../../test/api-harness';

const DAY = 86_400_000;

/** A signed-up customer with `count` ACTIVE purchased numbers, bought `daysAgo` days ago at the fake. */
export async function customerWithNumbers(api: TestApi, count: number, daysAgo = 10) {
  const customer = await signUpCustomer(api);
  const { prisma } = api.db;
  const available = await prisma.availableNumber.findMany({
    where: { status: 'AVAILABLE', features: { has: 'SMS' } },
    orderBy: { e164: 'asc' },
    take: count,
  });
  await prisma.availableNumber.updateMany({ where: { id: { in: available.map((a) => a.id) } }, data: { status: 'SOLD' } });
  const boughtAt = new Date(Date.now() - daysAgo * DAY);
  const order = await prisma.order.create({
    data: { userId: customer.userId, status: 'FULFILLED', currency: 'USD', setupTotal: 0, monthlyTotal: 0, dueToday: 0, paidAt: boughtAt },
  });
  const numbers = [];
  for (const a of available) {
    const line = await prisma.orderLine.create({
      data: { orderId: order.id, availableNumberId: a.id, e164: a.e164, setupPrice: a.setupPrice, monthlyPrice: a.monthlyPrice, currency: 'USD', status: 'FULFILLED' },
    });
    const didId = randomUUID();
    numbers.push(
      await prisma.purchasedNumber.create({
        data: { userId: customer.userId, orderLineId: line.id, countryId: a.countryId, didGroupId: a.didGroupId, e164: a.e164, status: 'ACTIVE', didwwDidId: didId, activatedAt: boughtAt },
      }),
    );
    api.didww!.admin.ownDids([{ number: { id: a.didwwId, number: a.e164.slice(1), didGroupId: stockGroup(api, a.didwwId), countryId: '' }, didId, boughtAt: boughtAt.getTime() }]);
  }
  return { ...customer, numbers };
}

/** The fake's DID group of a stock number (its SMS feature decides demo SMS traffic). */
function stockGroup(api: TestApi, didwwId: string): string {
  return api.didww!.admin.store.stock.get(didwwId)?.didGroupId ?? '';
}

export const CALLS = /* GraphQL */ `
  query($filter: CallRecordFilter, $first: Int, $after: String) {
    callRecords(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id numberId numberE164 direction status caller startedAt durationSeconds userId } }
    }
  }`;
export const STATS = /* GraphQL */ `
  query($filter: CallRecordFilter, $interval: StatsInterval!) {
    callStats(filter: $filter, interval: $interval) {
      from to
      totals { calls answered seconds minutes answerRate }
      buckets { start calls answered seconds answerRate }
      topCallers { caller calls answered minutes }
    }
  }`;
export const SMS = /* GraphQL */ `
  query($filter: SmsMessageFilter, $first: Int, $after: String) {
    smsMessages(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id numberId from to body receivedAt } }
    }
  }`;
export const EXPORT_CALLS = `mutation($filter: CallRecordFilter) { exportCallRecords(filter: $filter) { url export { id kind } errors { code message field } } }`;
export const EXPORT_SMS = `mutation($filter: SmsMessageFilter) { exportSmsMessages(filter: $filter) { url export { id kind } errors { code message field } } }`;

import type { Prisma } from '../../generated/prisma/client';
import { toMoney } from '../../graphql/money.type';
import { money } from '../../lib/money';
import { phoneFormats } from '../../lib/phone-format';
import type { PurchasedNumber } from './numbers.types';

export const numberInclude = {
  statusEvents: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  orderLine: { select: { orderId: true, monthlyPrice: true, currency: true } },
} satisfies Prisma.PurchasedNumberInclude;

export type NumberRow = Prisma.PurchasedNumberGetPayload<{ include: typeof numberInclude }>;

export function toNumberView(n: NumberRow): PurchasedNumber {
  const formats = phoneFormats(n.e164);
  return {
    id: n.id,
    e164: n.e164,
    nationalFormat: formats.national,
    internationalFormat: formats.international,
    countryId: n.countryId,
    status: n.status,
    statusEvents: n.statusEvents.map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, cause: e.cause, at: e.createdAt })),
    activatedAt: n.activatedAt,
    paidUntil: n.paidUntil,
    cancelAtPeriodEnd: n.cancelAtPeriodEnd,
    failureReason: n.failureReason,
    monthlyPrice: toMoney(money(n.orderLine.monthlyPrice, n.orderLine.currency.trim())),
    orderId: n.orderLine.orderId,
    createdAt: n.createdAt,
  };
}

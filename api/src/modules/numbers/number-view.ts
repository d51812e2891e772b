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

/** What the view is made of: a Prisma row with `numberInclude`, or the live-update loader's SQL row. */
export type NumberViewSource = Pick<NumberRow, 'id' | 'e164' | 'countryId' | 'status' | 'activatedAt' | 'paidUntil' | 'cancelAtPeriodEnd' | 'failureReason' | 'createdAt'> & {
  statusEvents: Array<Pick<NumberRow['statusEvents'][number], 'fromStatus' | 'toStatus' | 'cause' | 'createdAt'>>;
  orderLine: NumberRow['orderLine'];
};

export function toNumberView(n: NumberViewSource): PurchasedNumber {
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

import type { Prisma } from '../../generated/prisma/client';
import { toMoney } from '../../graphql/money.type';
import { money } from '../../lib/money';
import type { Order } from './orders.types';

export const orderInclude = {
  lines: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { purchasedNumber: { select: { id: true, status: true } } } },
  events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  payments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  user: { select: { id: true, email: true, name: true, role: true, createdAt: true } },
} satisfies Prisma.OrderInclude;

export type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

export function orderReference(n: number): string {
  return `NN-${String(n).padStart(6, '0')}`;
}

/** The GraphQL view of an order. `forStaff` adds the customer. */
export function toOrderView(o: OrderRow, forStaff: boolean): Order {
  const cur = o.currency.trim();
  const m = (amount: number) => toMoney(money(amount, cur));
  return {
    id: o.id,
    reference: orderReference(o.reference),
    status: o.status,
    lines: o.lines.map((l) => ({
      id: l.id,
      e164: l.e164,
      setupPrice: m(l.setupPrice),
      monthlyPrice: m(l.monthlyPrice),
      status: l.status,
      refunded: m(l.refundedAmount),
      purchasedNumberId: l.purchasedNumber?.id ?? null,
      numberStatus: l.purchasedNumber?.status ?? null,
    })),
    setupTotal: m(o.setupTotal),
    monthlyTotal: m(o.monthlyTotal),
    dueToday: m(o.dueToday),
    checkoutUrl: o.status === 'PENDING' ? o.checkoutUrl : null,
    timeline: o.events.map((e) => ({ type: e.type, message: e.message, createdAt: e.createdAt })),
    payments: o.payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      status: p.status,
      amount: toMoney(money(p.amount, p.currency.trim())),
      refunded: toMoney(money(p.refundedAmount, p.currency.trim())),
      createdAt: p.createdAt,
    })),
    customer: forStaff ? o.user : null,
    createdAt: o.createdAt,
    paidAt: o.paidAt,
  };
}

import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../gql/graphql';
import { timelineMessage, humanizeName, ORDER_STATUS, ORDER_STATUSES, orderInMotion, planRefund, refundableAmount, refundBlocker, refundedText, statusView, timelineView } from './orders';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const line = (id: string, setup: number, monthly: number, refunded = 0) => ({ id, setupPrice: usd(setup), monthlyPrice: usd(monthly), refunded: usd(refunded) });

describe('refundableAmount', () => {
  it('is setup plus the first month for a line nothing was refunded on', () => {
    expect(refundableAmount(line('a', 100, 299))).toBe(399);
  });

  it('takes off what was refunded already', () => {
    expect(refundableAmount(line('a', 100, 299, 150))).toBe(249);
  });

  it('is zero, never negative, for a line refunded in full or more', () => {
    expect(refundableAmount(line('a', 100, 299, 399))).toBe(0);
    expect(refundableAmount(line('a', 100, 299, 500))).toBe(0);
  });
});

describe('planRefund', () => {
  const lines = [line('a', 100, 299), line('b', 0, 199), line('c', 100, 299, 399)];

  it('adds up the chosen lines in integer cents', () => {
    const plan = planRefund(lines, ['a', 'b']);
    expect(plan.amount).toBe(598);
    expect(plan.currency).toBe('USD');
    expect(plan.lines.map((l) => l.id)).toEqual(['a', 'b']);
  });

  it('refunds every line with money left when no lines are named, like the API', () => {
    const plan = planRefund(lines, null);
    expect(plan.lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(plan.amount).toBe(598);
  });

  it('leaves out a chosen line that was refunded in full', () => {
    expect(planRefund(lines, ['c']).lines).toEqual([]);
    expect(planRefund(lines, ['c']).amount).toBe(0);
    expect(planRefund(lines, ['c']).currency).toBeNull();
  });

  it('gets sums right that floats get wrong', () => {
    // 0.10 + 0.20 as dollars is 0.30000000000000004; as cents it is 30.
    expect(planRefund([line('x', 10, 0), line('y', 20, 0)], null).amount).toBe(30);
  });

  it('refuses to add up amounts in different currencies', () => {
    const mixed = [line('a', 100, 0), { ...line('b', 100, 0), setupPrice: { amount: 100, currency: 'EUR' } }];
    expect(() => planRefund(mixed, null)).toThrow(/one currency/);
  });
});

describe('refundBlocker', () => {
  const paid = [{ kind: 'INITIAL' as const, status: 'SUCCEEDED' as const }];

  it('lets a paid order with money left be refunded', () => {
    expect(refundBlocker({ payments: paid, lines: [line('a', 100, 299)] })).toBeNull();
  });

  it('says when nothing was paid', () => {
    expect(refundBlocker({ payments: [], lines: [line('a', 100, 299)] })).toMatch(/Nothing was paid/);
    expect(refundBlocker({ payments: [{ kind: 'INITIAL', status: 'FAILED' }], lines: [line('a', 100, 299)] })).toMatch(/Nothing was paid/);
  });

  it('says when every line is refunded in full', () => {
    expect(refundBlocker({ payments: [{ kind: 'INITIAL', status: 'REFUNDED' }], lines: [line('a', 100, 299, 399)] })).toMatch(/refunded in full/);
  });
});

describe('refundedText', () => {
  it('counts lines', () => {
    expect(refundedText(1)).toBe('Refunded 1 line');
    expect(refundedText(2)).toBe('Refunded 2 lines');
  });
});

describe('order statuses', () => {
  it('lists every status once, for the filter', () => {
    expect(new Set(ORDER_STATUSES).size).toBe(9);
    expect(ORDER_STATUSES).toContain('PARTIALLY_REFUNDED');
  });

  it('colours failures red and finished orders green', () => {
    expect(ORDER_STATUS.FAILED.type).toBe('error');
    expect(ORDER_STATUS.FULFILLED.type).toBe('success');
  });

  it('still shows a status it does not know, by its name', () => {
    expect(statusView(ORDER_STATUS, 'ON_HOLD' as OrderStatus)).toEqual({ label: 'ON_HOLD', type: 'default' });
  });
});

describe('orderInMotion', () => {
  it('is true while the order is paid and being set up, or a number moves', () => {
    expect(orderInMotion({ status: 'PAID', lines: [] })).toBe(true);
    expect(orderInMotion({ status: 'REFUNDED', lines: [{ numberStatus: 'RELEASING' }] })).toBe(true);
  });

  it('is false once everything has settled', () => {
    expect(orderInMotion({ status: 'FULFILLED', lines: [{ numberStatus: 'ACTIVE' }] })).toBe(false);
    expect(orderInMotion({ status: 'PENDING', lines: [{ numberStatus: null }] })).toBe(false);
  });
});

describe('timelineView', () => {
  it('names and colours the events the API records', () => {
    expect(timelineView('created')).toMatchObject({ label: 'Checkout started', type: 'info' });
    expect(timelineView('paid')).toMatchObject({ label: 'Paid', type: 'success' });
    expect(timelineView('refunded')).toMatchObject({ label: 'Refunded', type: 'warning' });
    expect(timelineView('payment_failed')).toMatchObject({ label: 'Payment failed', type: 'error' });
    expect(timelineView('expired')).toMatchObject({ type: 'default' });
  });

  it('guesses a colour for an event it does not know, from its name', () => {
    expect(timelineView('provisioning_failed')).toMatchObject({ label: 'Provisioning failed', type: 'error' });
    expect(timelineView('number_activated')).toMatchObject({ label: 'Number activated', type: 'success' });
    expect(timelineView('note_added')).toMatchObject({ label: 'Note added', type: 'info' });
  });

  it('gives every event an icon', () => {
    for (const type of ['created', 'paid', 'refunded', 'mystery']) expect(timelineView(type).icon).toMatch(/^M/);
  });
});

describe('timelineMessage', () => {
  it('drops a message that only repeats the label', () => {
    expect(timelineMessage('Checkout started.', timelineView('created'))).toBeNull();
  });

  it('keeps a message that says more', () => {
    expect(timelineMessage('Payment of $4.05 received.', timelineView('paid'))).toBe('Payment of $4.05 received.');
  });
});

describe('humanizeName', () => {
  it('turns machine names into words', () => {
    expect(humanizeName('subscription_ended')).toBe('Subscription ended');
    expect(humanizeName('orderConfirmation')).toBe('Order confirmation');
    expect(humanizeName('pricing_rule.retire')).toBe('Pricing rule retire');
    expect(humanizeName('')).toBe('');
  });
});

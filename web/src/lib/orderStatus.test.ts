import { describe, expect, it } from 'vitest';
import type { NumberStatus, OrderLineStatus, OrderStatus } from '../gql/graphql';
import { lineStatusView, numberCountText, orderInProgress, timelineType, orderStatusView, paymentKindLabel, paymentStatusView } from './orderStatus';

const line = (numberStatus: NumberStatus | null, status: OrderLineStatus = 'PENDING') => ({ numberStatus, status });
const order = (status: OrderStatus, ...lines: ReturnType<typeof line>[]) => ({ status, lines });

describe('orderStatusView', () => {
  it('words and colours each status', () => {
    expect(orderStatusView('PENDING')).toEqual({ label: 'Awaiting payment', type: 'warning' });
    expect(orderStatusView('FULFILLED')).toEqual({ label: 'Complete', type: 'success' });
    expect(orderStatusView('FAILED').type).toBe('error');
    expect(orderStatusView('CANCELED').label).toBe('Cancelled');
  });
});

describe('lineStatusView', () => {
  it('shows a number being set up with a spinner', () => {
    expect(lineStatusView(line('PENDING'), 'PAID')).toEqual({ label: 'Setting up…', type: 'info', busy: true });
    expect(lineStatusView(line('PROVISIONING'), 'PAID').label).toBe('Setting up…');
  });

  it('shows a live number and a failed, refunded one', () => {
    expect(lineStatusView(line('ACTIVE', 'FULFILLED'), 'FULFILLED')).toEqual({ label: 'Live', type: 'success' });
    expect(lineStatusView(line('FAILED', 'FAILED'), 'FAILED')).toEqual({ label: 'Failed — refunded', type: 'error' });
  });

  it('explains a line without a number yet from the order', () => {
    expect(lineStatusView(line(null), 'PENDING').label).toBe('Awaiting payment');
    expect(lineStatusView(line(null), 'EXPIRED').label).toBe('Not bought');
    expect(lineStatusView(line(null), 'PAID')).toMatchObject({ label: 'Setting up…', busy: true });
    expect(lineStatusView(line(null, 'FAILED'), 'PARTIALLY_FULFILLED').label).toBe('Failed — refunded');
  });
});

describe('orderInProgress', () => {
  it('keeps asking while any number is being set up', () => {
    expect(orderInProgress(order('PAID', line('ACTIVE', 'FULFILLED'), line('PROVISIONING')))).toBe(true);
    expect(orderInProgress(order('PAID', line(null)))).toBe(true);
  });

  it('stops once every number is live or failed', () => {
    expect(orderInProgress(order('FULFILLED', line('ACTIVE', 'FULFILLED'), line('ACTIVE', 'FULFILLED')))).toBe(false);
    expect(orderInProgress(order('PARTIALLY_FULFILLED', line('ACTIVE', 'FULFILLED'), line('FAILED', 'FAILED')))).toBe(false);
  });

  it('waits for a payment only where one was just made', () => {
    expect(orderInProgress(order('PENDING', line(null)))).toBe(false);
    expect(orderInProgress(order('PENDING', line(null)), { awaitingPayment: true })).toBe(true);
  });

  it('does not wait on an order that ended without payment', () => {
    expect(orderInProgress(order('EXPIRED', line(null)), { awaitingPayment: true })).toBe(false);
    expect(orderInProgress(order('CANCELED', line(null)), { awaitingPayment: true })).toBe(false);
  });
});

describe('payments', () => {
  it('words statuses and kinds', () => {
    expect(paymentStatusView('SUCCEEDED')).toEqual({ label: 'Paid', type: 'success' });
    expect(paymentKindLabel('RENEWAL')).toBe('Renewal');
  });
});

describe('numberCountText', () => {
  it('counts numbers', () => {
    expect(numberCountText(1)).toBe('1 number');
    expect(numberCountText(3)).toBe('3 numbers');
  });
});

describe('timelineType', () => {
  it('colours events by what happened', () => {
    expect(timelineType('created')).toBe('info');
    expect(timelineType('paid')).toBe('success');
    expect(timelineType('number_active')).toBe('success');
    expect(timelineType('payment_failed')).toBe('error');
    expect(timelineType('checkout_failed')).toBe('error');
    expect(timelineType('refunded')).toBe('warning');
    expect(timelineType('expired')).toBe('default');
    expect(timelineType('canceled')).toBe('default');
  });
});

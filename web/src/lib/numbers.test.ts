import { describe, expect, it } from 'vitest';
import { anyNumberInProgress, isUnknownNumber, renewalText } from './numbers';

describe('renewalText', () => {
  const paidUntil = '2026-12-25T12:00:00.000Z';
  it('says when a live number renews, or ends when cancelled', () => {
    expect(renewalText({ status: 'ACTIVE', paidUntil, cancelAtPeriodEnd: false }, 'en-GB')).toBe('Renews on 25 December 2026');
    expect(renewalText({ status: 'ACTIVE', paidUntil, cancelAtPeriodEnd: true }, 'en-GB')).toBe('Ends on 25 December 2026');
    expect(renewalText({ status: 'PAST_DUE', paidUntil, cancelAtPeriodEnd: false }, 'en-GB')).toMatch(/^Payment overdue since/);
  });
  it('says nothing for numbers that failed or are gone, or without a date', () => {
    expect(renewalText({ status: 'FAILED', paidUntil, cancelAtPeriodEnd: false })).toBeNull();
    expect(renewalText({ status: 'RELEASED', paidUntil, cancelAtPeriodEnd: false })).toBeNull();
    expect(renewalText({ status: 'ACTIVE', paidUntil: null, cancelAtPeriodEnd: false })).toBeNull();
  });
});

describe('following numbers', () => {
  it('is in progress while any number is being set up', () => {
    expect(anyNumberInProgress([{ status: 'ACTIVE' }, { status: 'PROVISIONING' }])).toBe(true);
    expect(anyNumberInProgress([{ status: 'ACTIVE' }, { status: 'FAILED' }])).toBe(false);
  });
  it('spots a change for a number the list has not loaded', () => {
    expect(isUnknownNumber([{ id: 'a' }], 'b')).toBe(true);
    expect(isUnknownNumber([{ id: 'a' }], 'a')).toBe(false);
    expect(isUnknownNumber([{ id: 'a' }], null)).toBe(false);
  });
});

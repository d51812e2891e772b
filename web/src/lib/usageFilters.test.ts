import { describe, expect, it } from 'vitest';
import { callFilter, formatDuration, historyCountText, parseUsageQuery, smsFilter, toUsageQuery } from './usageFilters';

describe('usage filters in the URL', () => {
  it('keeps valid values and drops malformed ones', () => {
    const p = parseUsageQuery({ number: 'n1', from: '2026-11-01', to: 'yesterday', status: 'NOPE', caller: ' 415 ', interval: 'WEEK' });
    expect(p).toEqual({ number: 'n1', from: '2026-11-01', to: null, status: null, caller: '415', q: null, interval: 'WEEK' });
  });

  it('round-trips through the query string without defaults', () => {
    expect(toUsageQuery({ number: 'n1', from: '2026-11-01', interval: 'DAY', q: null })).toEqual({ number: 'n1', from: '2026-11-01' });
  });

  it('turns inclusive days into an exclusive UTC range, and a numberId prop wins over the URL', () => {
    const f = callFilter({ number: 'url', from: '2026-11-01', to: '2026-11-30', status: 'ANSWERED', caller: '+1 (415)' }, 'prop');
    expect(f).toEqual({ numberId: 'prop', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', status: 'ANSWERED', callerContains: '1415' });
    expect(smsFilter({ number: null, from: null, to: null, q: 'pizza' })).toEqual({ numberId: undefined, from: undefined, to: undefined, search: 'pizza' });
  });

  it('formats talk time', () => {
    expect([formatDuration(42), formatDuration(125), formatDuration(3_725)]).toEqual(['42s', '2m 05s', '1h 02m']);
  });
});

describe('historyCountText', () => {
  it('says how many, and "10,000+" once the API stopped counting', () => {
    expect(historyCountText(1, { one: 'call', many: 'calls' })).toBe('1 call');
    expect(historyCountText(557, { one: 'call', many: 'calls' })).toBe('557 calls');
    expect(historyCountText(9_999, { one: 'message', many: 'messages' })).toBe('9,999 messages');
    expect(historyCountText(10_000, { one: 'call', many: 'calls' })).toBe('10,000+ calls');
  });
});

import { describe, expect, it } from 'vitest';
import { auditTargetRoute, changedKeys, prettyJson, shortId, summarizeAuditData } from './audit';

describe('summarizeAuditData', () => {
  const refund = { orderLineId: 'd4c1', amount: 1299, refundId: 're_1', reason: 'Customer asked' };

  it('writes an entry’s fields in one line', () => {
    expect(summarizeAuditData(refund)).toBe('orderLineId: d4c1 · amount: 1299 · refundId: re_1 · reason: Customer asked');
  });

  it('writes amounts as money when the currency is known', () => {
    expect(summarizeAuditData(refund, { currency: 'USD' })).toContain('amount: $12.99');
  });

  it('names ids the reader knows by name', () => {
    expect(summarizeAuditData(refund, { names: { d4c1: '+12125550100' } })).toContain('orderLineId: +12125550100');
  });

  it('says what a before/after change changed', () => {
    const data = { before: { markupBasisPoints: 1500, note: 'x' }, after: { markupBasisPoints: 2000, note: 'x' } };
    expect(summarizeAuditData(data)).toBe('markupBasisPoints: 1500 → 2000');
    expect(summarizeAuditData({ before: { a: 1 }, after: { a: 1 } })).toBe('no change');
  });

  it('cuts long text and folds nested values', () => {
    const summary = summarizeAuditData({ reason: 'x'.repeat(100), lines: [1, 2], meta: { a: 1 }, empty: {} });
    expect(summary).toBe(`reason: ${'x'.repeat(47)}… · lines: [2] · meta: {…} · empty: {}`);
  });

  it('writes an empty entry as nothing and a bare value as itself', () => {
    expect(summarizeAuditData({})).toBe('');
    expect(summarizeAuditData(null)).toBe('');
    expect(summarizeAuditData('queued')).toBe('queued');
  });

  it('lists what was created when there was nothing before', () => {
    expect(summarizeAuditData({ before: null, after: { scope: 'GLOBAL', markupBasisPoints: 2000 } })).toBe('scope: GLOBAL · markupBasisPoints: 2000');
  });

  it('writes instants in local time', () => {
    const summary = summarizeAuditData({ effectiveTo: '2026-11-25T09:13:43.984Z' });
    expect(summary).not.toContain('T09:13');
    expect(summary).toMatch(/^effectiveTo: .*2026/);
  });

  it('keeps a lone before or after as a field', () => {
    expect(summarizeAuditData({ before: { a: 1 } })).toBe('before: {…}');
  });
});

describe('changedKeys', () => {
  it('lists keys that differ, including added and removed ones', () => {
    expect(changedKeys({ a: 1, b: [1], c: 3 }, { a: 1, b: [2], d: 4 })).toEqual(['b', 'c', 'd']);
  });
});

describe('prettyJson', () => {
  it('indents the data', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});

describe('auditTargetRoute', () => {
  it('links an order to its page and an email to its drawer', () => {
    expect(auditTargetRoute('Order', 'o1')).toEqual({ name: 'order', params: { id: 'o1' } });
    expect(auditTargetRoute('EmailOutbox', 'e1')).toEqual({ name: 'emails', query: { email: 'e1' } });
  });

  it('links other known kinds to their section, and unknown ones nowhere', () => {
    expect(auditTargetRoute('PricingRule', 'r1')).toEqual({ name: 'pricing' });
    expect(auditTargetRoute('Spaceship', 's1')).toBeNull();
  });
});

describe('shortId', () => {
  it('keeps the end of a uuid, which tells time-ordered ids apart, and leaves short ids alone', () => {
    expect(shortId('01a21213-0080-719a-94c4-498da54bfc2d')).toBe('…a54bfc2d');
    expect(shortId('abc')).toBe('abc');
  });
});

import { describe, expect, it } from 'vitest';
import {
  apiText,
  auditFiltersQuery,
  parseAuditFilters,
  parseStatusSearch,
  patchQuery,
  readEnum,
  readText,
  sameQuery,
  statusSearchQuery,
} from './listQuery';

const STATUSES = ['PENDING', 'PAID', 'PARTIALLY_REFUNDED'] as const;

describe('readText', () => {
  it('takes the first non-empty value of a repeated parameter, trimmed', () => {
    expect(readText(['', '  ada@example.com ', 'other'])).toBe('ada@example.com');
    expect(readText(undefined)).toBe('');
    expect(readText(null)).toBe('');
  });
});

describe('readEnum', () => {
  it('accepts a status written loosely in a hand-edited link', () => {
    expect(readEnum('paid', STATUSES)).toBe('PAID');
    expect(readEnum('partially-refunded', STATUSES)).toBe('PARTIALLY_REFUNDED');
  });

  it('ignores a status it does not know', () => {
    expect(readEnum('LOST', STATUSES)).toBeNull();
    expect(readEnum('', STATUSES)).toBeNull();
  });
});

describe('status and search filters', () => {
  it('reads a shared link', () => {
    expect(parseStatusSearch({ status: 'PAID', q: 'NN-000042' }, STATUSES)).toEqual({ status: 'PAID', search: 'NN-000042' });
  });

  it('reads an empty query as no filter', () => {
    expect(parseStatusSearch({}, STATUSES)).toEqual({ status: null, search: '' });
  });

  it('round-trips through the URL', () => {
    const filters = { status: 'PARTIALLY_REFUNDED' as const, search: 'ada@' };
    expect(parseStatusSearch(patchQuery({}, statusSearchQuery(filters)) as never, STATUSES)).toEqual(filters);
  });
});

describe('audit filters', () => {
  it('round-trips through the URL', () => {
    const filters = { action: 'order.', targetType: 'Order', targetId: '3f1c' };
    const query = patchQuery({}, auditFiltersQuery(filters));
    expect(query).toEqual({ action: 'order.', target: 'Order', id: '3f1c' });
    expect(parseAuditFilters(query as never)).toEqual(filters);
  });
});

describe('patchQuery', () => {
  it('sets what is given, drops what is empty and keeps the rest', () => {
    expect(patchQuery({ q: 'old', status: 'PAID', email: 'e1' }, { q: 'new', status: null })).toEqual({ q: 'new', email: 'e1' });
    expect(patchQuery({ q: 'old' }, { q: '   ' })).toEqual({});
  });
});

describe('sameQuery', () => {
  it('ignores parameter order and empty parameters', () => {
    expect(sameQuery({ a: '1', b: '2' }, { b: '2', a: '1', c: '' })).toBe(true);
    expect(sameQuery({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameQuery({ a: '1' }, {})).toBe(false);
  });
});

describe('apiText', () => {
  it('sends nothing for a blank box', () => {
    expect(apiText('  ')).toBeNull();
    expect(apiText(' x ')).toBe('x');
  });
});

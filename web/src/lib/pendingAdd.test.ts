import { describe, expect, it } from 'vitest';
import { queryWithAdd, takeAdd } from './pendingAdd';

describe('queryWithAdd', () => {
  it('keeps the search filters and adds the number', () => {
    expect(queryWithAdd({ area: '415', features: 'SMS' }, 'n-1')).toEqual({ area: '415', features: 'SMS', add: 'n-1' });
  });

  it('replaces an older pending add', () => {
    expect(queryWithAdd({ add: 'old' }, 'n-2')).toEqual({ add: 'n-2' });
  });
});

describe('takeAdd', () => {
  it('reads the number and leaves the rest of the query', () => {
    expect(takeAdd({ area: '415', add: 'n-1' })).toEqual({ numberId: 'n-1', rest: { area: '415' } });
  });

  it('takes the first of repeated values', () => {
    expect(takeAdd({ add: ['n-1', 'n-2'] }).numberId).toBe('n-1');
  });

  it('finds nothing when there is no usable id', () => {
    expect(takeAdd({ area: '415' })).toEqual({ numberId: null, rest: { area: '415' } });
    expect(takeAdd({ add: ' ' }).numberId).toBeNull();
    expect(takeAdd({ add: null }).numberId).toBeNull();
  });
});

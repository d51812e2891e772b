import { describe, expect, it } from 'vitest';
import { formatDate, roleLabel } from './format';

describe('formatDate', () => {
  it('formats an ISO timestamp as a long date', () => {
    expect(formatDate('2025-03-03T12:00:00.000Z', 'en-US')).toBe('March 3, 2025');
  });

  it('returns nothing for a value that is not a date', () => {
    expect(formatDate('soon', 'en-US')).toBe('');
  });
});

describe('roleLabel', () => {
  it('names each role for people', () => {
    expect(roleLabel('ADMIN')).toBe('Administrator');
  });
});

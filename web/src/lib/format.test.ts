import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, roleLabel } from './format';

describe('formatDate', () => {
  it('formats an ISO timestamp as a long date', () => {
    expect(formatDate('2025-03-03T12:00:00.000Z', 'en-US')).toBe('March 3, 2025');
  });

  it('returns nothing for a value that is not a date', () => {
    expect(formatDate('soon', 'en-US')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('formats an ISO timestamp as a date and a time', () => {
    // Newer ICU puts a narrow no-break space before AM/PM.
    expect(formatDateTime('2025-03-03T12:05:00.000Z', 'en-US', 'UTC').replace(/\u202f/g, ' ')).toBe('Mar 3, 2025, 12:05 PM');
  });

  it('returns nothing for a value that is not a date', () => {
    expect(formatDateTime('', 'en-US')).toBe('');
  });
});

describe('roleLabel', () => {
  it('names each role for people', () => {
    expect(roleLabel('ADMIN')).toBe('Administrator');
  });
});

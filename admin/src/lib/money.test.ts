import { describe, expect, it } from 'vitest';
import { formatMinorUnits, minorDigits } from './money';

describe('formatMinorUnits', () => {
  it('writes cents like the API does', () => {
    expect(formatMinorUnits(1234, 'USD')).toBe('$12.34');
    expect(formatMinorUnits(5, 'USD')).toBe('$0.05');
    expect(formatMinorUnits(0, 'USD')).toBe('$0.00');
    expect(formatMinorUnits(123456789, 'USD')).toBe('$1,234,567.89');
  });

  it('follows the currency’s minor units', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMinorUnits(1500, 'JPY')).toBe('¥1,500');
    expect(formatMinorUnits(1500, 'EUR')).toBe('€15.00');
  });

  it('keeps amounts a float would round exactly', () => {
    // 2^53 - 1 cents: as a float divided by 100 this would lose its last digit.
    expect(formatMinorUnits(Number.MAX_SAFE_INTEGER, 'USD')).toBe('$90,071,992,547,409.91');
  });

  it('writes a negative amount with its sign', () => {
    expect(formatMinorUnits(-250, 'USD')).toBe('-$2.50');
  });

  it('refuses a fractional amount rather than guess', () => {
    expect(() => formatMinorUnits(12.5, 'USD')).toThrow(RangeError);
  });
});

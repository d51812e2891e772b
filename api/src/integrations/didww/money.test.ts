import { describe, expect, it } from 'vitest';
import { centsToUsd, usdToCents } from './money';

describe('usdToCents', () => {
  it('converts DIDWW price strings exactly', () => {
    expect(usdToCents('0.50')).toBe(50);
    expect(usdToCents('1.2')).toBe(120);
    expect(usdToCents('3')).toBe(300);
    expect(usdToCents('0.07')).toBe(7);
    expect(usdToCents(' 12.00 ')).toBe(1200);
    expect(usdToCents('1.')).toBe(100);
  });

  it('rounds sub-cent digits half-even by default, half-up on request', () => {
    expect(usdToCents('1.205')).toBe(120);
    expect(usdToCents('1.215')).toBe(122);
    expect(usdToCents('1.205', 'half-up')).toBe(121);
    expect(usdToCents('1.2051')).toBe(121);
    expect(usdToCents('1.2049999')).toBe(120);
    expect(usdToCents('0.125')).toBe(12);
    expect(usdToCents('0.135')).toBe(14);
    expect(usdToCents('0.0050000')).toBe(0);
  });

  it('does not go through floating point (where Math.round(1.005 * 100) gives 100)', () => {
    expect(Math.round(1.005 * 100)).toBe(100); // the float trap this helper avoids
    expect(usdToCents('1.005', 'half-up')).toBe(101);
    expect(usdToCents('1.015')).toBe(102);
    expect(usdToCents('90071992547409.91')).toBe(9007199254740991);
  });

  it('handles signs and rejects what is not a plain decimal', () => {
    expect(usdToCents('-0.50')).toBe(-50);
    expect(usdToCents('-0.505')).toBe(-50);
    expect(usdToCents('+2.10')).toBe(210);
    expect(Object.is(usdToCents('-0.00'), 0)).toBe(true);
    for (const bad of ['', 'abc', '1.2.3', '1e3', '.5', '1,50', '$1', 'NaN']) {
      expect(() => usdToCents(bad), bad).toThrow(TypeError);
    }
    expect(() => usdToCents('90071992547409.92')).toThrow(RangeError);
  });

  it('accepts numbers by their shortest decimal form', () => {
    expect(usdToCents(0.5)).toBe(50);
    expect(usdToCents(1.215)).toBe(122);
    expect(usdToCents(1e-7)).toBe(0);
  });
});

describe('centsToUsd', () => {
  it('formats integer cents as a 2-decimal string', () => {
    expect(centsToUsd(0)).toBe('0.00');
    expect(centsToUsd(5)).toBe('0.05');
    expect(centsToUsd(12345)).toBe('123.45');
    expect(centsToUsd(-5)).toBe('-0.05');
    expect(() => centsToUsd(1.5)).toThrow(RangeError);
  });
});

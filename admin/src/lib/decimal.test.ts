import { describe, expect, it } from 'vitest';
import {
  basisPointsToPercent,
  dollarsToMinorUnits,
  formatBasisPoints,
  MAX_GRAPHQL_INT,
  minorUnitsToDollars,
  parseWholeNumber,
  percentToBasisPoints,
} from './decimal';

const value = (conversion: ReturnType<typeof percentToBasisPoints>) => (conversion.ok ? conversion.value : conversion.message);

describe('percentToBasisPoints', () => {
  it.each([
    ['12.5', 1250],
    ['40', 4000],
    ['0.01', 1],
    ['0', 0],
    ['.5', 50],
    ['7.', 700],
    [' 60 ', 6000],
    ['60%', 6000],
    ['007.10', 710],
  ])('reads %j as %i basis points', (text, expected) => {
    expect(percentToBasisPoints(text, { max: 100_000 })).toEqual({ ok: true, value: expected });
  });

  it('reads percents that floats get wrong exactly', () => {
    // 0.29 * 100 === 28.999999999999996 and 1.15 * 100 === 114.99999999999999 in floating point.
    expect(value(percentToBasisPoints('0.29'))).toBe(29);
    expect(value(percentToBasisPoints('1.15'))).toBe(115);
  });

  it('refuses a third decimal place rather than rounding it away', () => {
    expect(value(percentToBasisPoints('12.345'))).toBe('Use at most 2 decimal places.');
  });

  it.each(['', '.', 'abc', '1.2.3', '12 %x', '1e3'])('refuses %j', (text) => {
    expect(percentToBasisPoints(text).ok).toBe(false);
  });

  it('refuses negatives with their own message', () => {
    expect(value(percentToBasisPoints('-5'))).toBe('Cannot be negative.');
  });

  it('refuses more than the maximum, however many digits are typed', () => {
    expect(value(percentToBasisPoints('1000', { max: 100_000 }))).toBe(100_000);
    expect(value(percentToBasisPoints('1000.01', { max: 100_000 }))).toBe('At most 1000%.');
    expect(value(percentToBasisPoints('9'.repeat(40), { max: 100_000, tooLarge: 'Too big.' }))).toBe('Too big.');
  });
});

describe('dollarsToMinorUnits', () => {
  it.each([
    ['1.50', 150],
    ['1.5', 150],
    ['$2', 200],
    ['0.07', 7],
    ['1,234.56', 123_456],
  ])('reads %j as %i cents', (text, expected) => {
    expect(dollarsToMinorUnits(text)).toEqual({ ok: true, value: expected });
  });

  it('reads amounts that floats get wrong exactly', () => {
    // 4.35 * 100 === 434.99999999999994 in floating point.
    expect(value(dollarsToMinorUnits('4.35'))).toBe(435);
  });

  it('refuses fractions of a cent', () => {
    expect(value(dollarsToMinorUnits('0.005'))).toBe('Use at most 2 decimal places.');
  });

  it('stops at the largest amount the API can take', () => {
    expect(value(dollarsToMinorUnits('21474836.47'))).toBe(MAX_GRAPHQL_INT);
    expect(value(dollarsToMinorUnits('21474836.48'))).toBe('That amount is too large.');
  });
});

describe('parseWholeNumber', () => {
  const quantity = (text: string) => value(parseWholeNumber(text, { min: 2, max: 1_000_000, tooSmall: 'At least 2.' }));

  it('reads whole numbers and refuses fractions and small ones', () => {
    expect(quantity('10')).toBe(10);
    expect(quantity('2.5')).toBe('Use a whole number.');
    expect(quantity('1')).toBe('At least 2.');
    expect(quantity('')).toBe('Enter a number like 2.');
  });
});

describe('back to text', () => {
  it('writes basis points as the shortest percent', () => {
    expect(basisPointsToPercent(1250)).toBe('12.5');
    expect(basisPointsToPercent(4000)).toBe('40');
    expect(basisPointsToPercent(5)).toBe('0.05');
    expect(basisPointsToPercent(0)).toBe('0');
    expect(basisPointsToPercent(100_000)).toBe('1000');
    expect(formatBasisPoints(4000)).toBe('40%');
  });

  it('writes minor units as dollars with cents', () => {
    expect(minorUnitsToDollars(150)).toBe('1.50');
    expect(minorUnitsToDollars(5)).toBe('0.05');
    expect(minorUnitsToDollars(0)).toBe('0.00');
    expect(minorUnitsToDollars(123_456)).toBe('1234.56');
  });

  it('round-trips what it writes', () => {
    for (const bp of [0, 1, 99, 1250, 4000, 100_000]) expect(value(percentToBasisPoints(basisPointsToPercent(bp), { max: 100_000 }))).toBe(bp);
    for (const minor of [0, 1, 150, 99_999]) expect(value(dollarsToMinorUnits(minorUnitsToDollars(minor)))).toBe(minor);
  });
});

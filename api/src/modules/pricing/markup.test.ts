import { describe, expect, it } from 'vitest';
import { divideHalfEven, sellPrice, skuSellPrices, type MarkupRule } from './markup';

const plain: MarkupRule = { markupBasisPoints: 0, fixedMarkup: 0, minMargin: 0, roundTo: 1 };

describe('sellPrice', () => {
  it('adds the percent markup', () => {
    expect(sellPrice(100, { ...plain, markupBasisPoints: 4000 })).toBe(140);
    expect(sellPrice(1999, { ...plain, markupBasisPoints: 2500 })).toBe(2499); // 1999 + 499.75 → 500
  });

  it('rounds the percent part half-even', () => {
    // 50 × 1 % = 0.5 → 0 (even); 150 × 1 % = 1.5 → 2 (even); 250 × 1 % = 2.5 → 2 (even)
    expect(sellPrice(50, { ...plain, markupBasisPoints: 100 })).toBe(50);
    expect(sellPrice(150, { ...plain, markupBasisPoints: 100 })).toBe(152);
    expect(sellPrice(250, { ...plain, markupBasisPoints: 100 })).toBe(252);
    // Off-tie values round to nearest: 0.51 → 1, 0.49 → 0.
    expect(sellPrice(51, { ...plain, markupBasisPoints: 100 }) - 51).toBe(1);
    expect(sellPrice(49, { ...plain, markupBasisPoints: 100 }) - 49).toBe(0);
  });

  it('adds the fixed markup after the percent', () => {
    expect(sellPrice(100, { ...plain, markupBasisPoints: 1000, fixedMarkup: 25 })).toBe(135);
  });

  it('never sells below cost plus the minimum margin', () => {
    expect(sellPrice(100, { ...plain, markupBasisPoints: 1000, minMargin: 50 })).toBe(150);
    expect(sellPrice(1000, { ...plain, markupBasisPoints: 1000, minMargin: 50 })).toBe(1100);
    expect(sellPrice(0, { ...plain, minMargin: 30 })).toBe(30);
  });

  it('rounds up to a multiple of roundTo, never down', () => {
    expect(sellPrice(101, { ...plain, roundTo: 5 })).toBe(105);
    expect(sellPrice(105, { ...plain, roundTo: 5 })).toBe(105);
    expect(sellPrice(1, { ...plain, roundTo: 100 })).toBe(100);
    expect(sellPrice(0, { ...plain, roundTo: 100 })).toBe(0);
  });

  it('applies markup, then minimum margin, then rounding', () => {
    // 123 + 49.2→49 = 172; floor 123 + 60 = 183; up to 5 → 185
    expect(sellPrice(123, { markupBasisPoints: 4000, fixedMarkup: 0, minMargin: 60, roundTo: 5 })).toBe(185);
  });

  it('stays exact where floats would drift', () => {
    // 7 % of 1,000,000,001 cents is 70,000,000.07: integer maths keeps every cent exact
    expect(sellPrice(1_000_000_001, { ...plain, markupBasisPoints: 700 })).toBe(1_070_000_001);
    expect(sellPrice(Number.MAX_SAFE_INTEGER - 10, plain)).toBe(Number.MAX_SAFE_INTEGER - 10);
  });

  it('rejects fractional, negative or unsafe inputs', () => {
    expect(() => sellPrice(1.5, plain)).toThrow(RangeError);
    expect(() => sellPrice(-1, plain)).toThrow(RangeError);
    expect(() => sellPrice(100, { ...plain, markupBasisPoints: -5 })).toThrow(RangeError);
    expect(() => sellPrice(100, { ...plain, roundTo: 0 })).toThrow(RangeError);
    expect(() => sellPrice(Number.MAX_SAFE_INTEGER, { ...plain, markupBasisPoints: 10_000 })).toThrow(/safe integer/);
  });
});

describe('skuSellPrices', () => {
  const rule = { markupBasisPoints: 4000, fixedMarkup: 0, minMargin: 50, roundTo: 5, setupFee: 0, monthlyFee: 0 };

  it('gives the monthly price the whole rule and the setup price only the percent markup', () => {
    expect(skuSellPrices({ setupCost: 0, monthlyCost: 50 }, rule)).toEqual({ setupPrice: 0, monthlyPrice: 100 });
    expect(skuSellPrices({ setupCost: 33, monthlyCost: 150 }, rule)).toEqual({ setupPrice: 46, monthlyPrice: 210 });
  });

  it('adds our own fees on top', () => {
    expect(skuSellPrices({ setupCost: 100, monthlyCost: 100 }, { ...rule, setupFee: 99, monthlyFee: 10 })).toEqual({
      setupPrice: 239,
      monthlyPrice: 160,
    });
  });
});

describe('divideHalfEven', () => {
  it('rounds ties to the even neighbour', () => {
    expect([5n, 15n, 25n, 35n].map((n) => divideHalfEven(n, 10n))).toEqual([0n, 2n, 2n, 4n]);
    expect(divideHalfEven(0n, 7n)).toBe(0n);
    expect(divideHalfEven(13n, 4n)).toBe(3n); // 3.25
    expect(divideHalfEven(14n, 4n)).toBe(4n); // 3.5 → 4
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfEven, priceForQuantity, sellPrice, volumeDiscount, type MarkupRule, type VolumeTier } from './markup';

const cost = fc.integer({ min: 0, max: 10_000_000 });
const rule: fc.Arbitrary<MarkupRule> = fc.record({
  markupBasisPoints: fc.integer({ min: 0, max: 100_000 }),
  fixedMarkup: fc.integer({ min: 0, max: 100_000 }),
  minMargin: fc.integer({ min: 0, max: 100_000 }),
  roundTo: fc.integer({ min: 1, max: 10_000 }),
});
/** Tiers as validation accepts them: ascending quantities from 2, discounts never shrinking. */
const tiers: fc.Arbitrary<VolumeTier[]> = fc
  .uniqueArray(fc.record({ minQuantity: fc.integer({ min: 2, max: 1_000 }), discountBasisPoints: fc.integer({ min: 0, max: 10_000 }) }), {
    selector: (t) => t.minQuantity,
    maxLength: 6,
  })
  .map((ts) => {
    const byQuantity = [...ts].sort((a, b) => a.minQuantity - b.minQuantity);
    const discounts = ts.map((t) => t.discountBasisPoints).sort((a, b) => a - b);
    return byQuantity.map((t, i) => ({ minQuantity: t.minQuantity, discountBasisPoints: discounts[i]! }));
  });

describe('sellPrice properties', () => {
  it('never sells below cost plus the minimum margin', () => {
    fc.assert(fc.property(cost, rule, (c, r) => sellPrice(c, r) >= c + r.minMargin));
  });

  it('never charges less for a dearer SKU', () => {
    fc.assert(
      fc.property(cost, cost, rule, (a, b, r) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return sellPrice(lo, r) <= sellPrice(hi, r);
      }),
    );
  });

  it('never charges less for a bigger markup', () => {
    fc.assert(
      fc.property(cost, rule, fc.integer({ min: 0, max: 100_000 }), (c, r, other) => {
        const [lo, hi] = r.markupBasisPoints <= other ? [r.markupBasisPoints, other] : [other, r.markupBasisPoints];
        return sellPrice(c, { ...r, markupBasisPoints: lo }) <= sellPrice(c, { ...r, markupBasisPoints: hi });
      }),
    );
  });

  it('rounds up to the nearest multiple of roundTo, never down', () => {
    fc.assert(
      fc.property(cost, rule, (c, r) => {
        const rounded = sellPrice(c, r);
        const unrounded = sellPrice(c, { ...r, roundTo: 1 });
        expect(rounded % r.roundTo).toBe(0);
        expect(rounded).toBeGreaterThanOrEqual(unrounded);
        expect(rounded - unrounded).toBeLessThan(r.roundTo);
      }),
    );
  });
});

describe('divideHalfEven properties', () => {
  const n = fc.bigInt({ min: 0n, max: 10n ** 15n });
  const d = fc.bigInt({ min: 1n, max: 10n ** 6n });

  it('is the nearest integer, and on an exact tie the even one', () => {
    fc.assert(
      fc.property(n, d, (num, den) => {
        const q = divideHalfEven(num, den);
        const twiceError = 2n * (num - q * den);
        expect(twiceError <= den && twiceError >= -den).toBe(true);
        if (twiceError === den || twiceError === -den) expect(q % 2n).toBe(0n);
      }),
    );
  });

  it('sends every .5 to the even neighbour', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (k) => divideHalfEven(2n * k + 1n, 2n) % 2n === 0n));
  });
});

describe('volume tiers', () => {
  const tiered = [
    { minQuantity: 5, discountBasisPoints: 500 },
    { minQuantity: 20, discountBasisPoints: 1000 },
  ];

  it('gives the discount of the largest tier the order reaches', () => {
    expect([1, 4, 5, 19, 20, 1000].map((q) => volumeDiscount(tiered, q))).toEqual([0, 0, 500, 500, 1000, 1000]);
    expect(volumeDiscount([], 50)).toBe(0);
  });

  it('takes the discount off the unit price, rounded half-even', () => {
    expect(priceForQuantity({ volumeTiers: tiered }, { price: 1000, cost: 0 }, 1)).toBe(1000);
    expect(priceForQuantity({ volumeTiers: tiered }, { price: 1000, cost: 0 }, 5)).toBe(950);
    expect(priceForQuantity({ volumeTiers: tiered }, { price: 1000, cost: 0 }, 25)).toBe(900);
    // 5 % of 110 = 5.5 → 6 (even): 104; 5 % of 130 = 6.5 → 6 (even): 124
    expect(priceForQuantity({ volumeTiers: tiered }, { price: 110, cost: 0 }, 5)).toBe(104);
    expect(priceForQuantity({ volumeTiers: tiered }, { price: 130, cost: 0 }, 5)).toBe(124);
  });

  it('stops at cost when a discount would go below it', () => {
    expect(priceForQuantity({ volumeTiers: tiered }, { price: 1000, cost: 960 }, 20)).toBe(960);
  });

  it('rejects a quantity below one', () => {
    expect(() => priceForQuantity({ volumeTiers: tiered }, { price: 100, cost: 50 }, 0)).toThrow(RangeError);
  });

  it('never sells below cost, never above the unit price, and never charges more per number for a bigger order', () => {
    fc.assert(
      fc.property(cost, rule, tiers, fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 2_000 }), (c, r, ts, q1, q2) => {
        const unit = { price: sellPrice(c, r), cost: c };
        const [small, big] = q1 <= q2 ? [q1, q2] : [q2, q1];
        const p = priceForQuantity({ volumeTiers: ts }, unit, small);
        expect(p).toBeGreaterThanOrEqual(c);
        expect(p).toBeLessThanOrEqual(unit.price);
        expect(priceForQuantity({ volumeTiers: ts }, unit, big)).toBeLessThanOrEqual(p);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { checkTiers, MAX_TIERS, nextTierRow, summarizeTiers, type TierRow } from './tiers';

let key = 0;
const row = (minQuantity: string, discountPercent: string): TierRow => ({ key: key++, minQuantity, discountPercent });

describe('checkTiers', () => {
  it('turns valid rows into tiers in basis points', () => {
    expect(checkTiers([row('10', '5'), row('50', '12.5')])).toEqual({
      tiers: [
        { minQuantity: 10, discountBasisPoints: 500 },
        { minQuantity: 50, discountBasisPoints: 1250 },
      ],
      rows: [{}, {}],
      list: null,
    });
  });

  it('accepts no tiers at all', () => {
    expect(checkTiers([])).toEqual({ tiers: [], rows: [], list: null });
  });

  it('refuses a tier for a single number', () => {
    const checked = checkTiers([row('1', '5')]);
    expect(checked.tiers).toBeNull();
    expect(checked.rows[0]?.minQuantity).toMatch(/at 2 numbers or more/);
  });

  it('asks for blank boxes by name', () => {
    expect(checkTiers([row('', '')]).rows[0]).toEqual({ minQuantity: 'Enter the order size.', discountPercent: 'Enter the discount.' });
  });

  it('refuses order sizes that do not grow, on the later row', () => {
    const checked = checkTiers([row('10', '5'), row('10', '6'), row('5', '7')]);
    expect(checked.rows[0]).toEqual({});
    expect(checked.rows[1]?.minQuantity).toBe('Must be more than the tier above (10).');
    expect(checked.rows[2]?.minQuantity).toBe('Must be more than the tier above (10).');
  });

  it('refuses a bigger order getting a smaller discount, but allows an equal one', () => {
    const checked = checkTiers([row('10', '10'), row('20', '10'), row('30', '9.5')]);
    expect(checked.rows[1]).toEqual({});
    expect(checked.rows[2]?.discountPercent).toBe('Cannot be smaller than the tier above (10%).');
  });

  it('compares with the last good row when one in between is broken', () => {
    const checked = checkTiers([row('10', '5'), row('x', '6'), row('20', '4')]);
    expect(checked.rows[1]?.minQuantity).toMatch(/Enter a number/);
    expect(checked.rows[2]?.discountPercent).toBe('Cannot be smaller than the tier above (5%).');
  });

  it('refuses discounts over 100% and fractions of a basis point', () => {
    expect(checkTiers([row('2', '100.01')]).rows[0]?.discountPercent).toBe('A discount is at most 100%.');
    expect(checkTiers([row('2', '100')]).tiers).toEqual([{ minQuantity: 2, discountBasisPoints: 10_000 }]);
    expect(checkTiers([row('2', '1.005')]).rows[0]?.discountPercent).toBe('Use at most 2 decimal places.');
  });

  it('refuses more tiers than the API allows', () => {
    const rows = Array.from({ length: MAX_TIERS + 1 }, (_, i) => row(String(i + 2), '1'));
    const checked = checkTiers(rows);
    expect(checked.list).toBe(`At most ${MAX_TIERS} volume tiers.`);
    expect(checked.tiers).toBeNull();
  });
});

describe('summarizeTiers', () => {
  it('lists each tier briefly', () => {
    expect(summarizeTiers([{ minQuantity: 10, discountBasisPoints: 500 }, { minQuantity: 50, discountBasisPoints: 1250 }])).toBe('10+ −5% · 50+ −12.5%');
    expect(summarizeTiers([])).toBe('None');
  });
});

describe('nextTierRow', () => {
  it('suggests a bigger order with the same discount as the last row', () => {
    expect(nextTierRow([row('10', '5')], 99)).toEqual({ key: 99, minQuantity: '50', discountPercent: '5' });
    expect(nextTierRow([], 1)).toEqual({ key: 1, minQuantity: '10', discountPercent: '5' });
  });
});

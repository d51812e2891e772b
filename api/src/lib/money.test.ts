import { describe, expect, it } from 'vitest';
import { addMoney, applyBasisPoints, divideHalfEven, formatMoney, money, sumMoney } from './money';

describe('money', () => {
  it('formats minor units exactly, without float artefacts', () => {
    expect(formatMoney(money(1234, 'USD'))).toBe('$12.34');
    expect(formatMoney(money(5, 'USD'))).toBe('$0.05');
    expect(formatMoney(money(-250, 'USD'))).toBe('-$2.50');
    expect(formatMoney(money(900719925474099, 'USD'))).toBe('$9,007,199,254,740.99');
    expect(formatMoney(money(1200, 'JPY'))).toBe('¥1,200');
    expect(formatMoney(money(1999, 'EUR'))).toBe('€19.99');
  });

  it('rounds half to even', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n);
    expect(divideHalfEven(7n, 2n)).toBe(4n);
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(10n, 3n)).toBe(3n);
    expect(divideHalfEven(11n, 3n)).toBe(4n);
  });

  it('applies basis points and adds only like currencies', () => {
    expect(applyBasisPoints(money(1005, 'USD'), 2500)).toEqual(money(251, 'USD'));
    expect(sumMoney([money(1, 'USD'), money(2, 'USD')], 'USD')).toEqual(money(3, 'USD'));
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrow(/Cannot add/);
    expect(() => money(1.5, 'USD')).toThrow(/integer/);
    expect(() => money(1, 'usd')).toThrow(/ISO 4217/);
  });
});

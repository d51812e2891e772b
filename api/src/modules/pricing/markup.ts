/**
 * Sell prices from wholesale costs, in integer minor units only (never floats), so the same
 * rule gives the same cent on every machine and in every test.
 */

export interface MarkupRule {
  /** Percent markup in basis points: 4000 = 40 %. */
  markupBasisPoints: number;
  /** Added after the percent markup, in minor units. */
  fixedMarkup: number;
  /** The sell price is at least cost + this, in minor units. */
  minMargin: number;
  /** The result is rounded UP to a multiple of this many minor units (1 = the cent, 5 = nickels). */
  roundTo: number;
}

/**
 * cost + cost × markupBasisPoints / 10 000 (rounded half-even, like every Money rounding here),
 * + fixedMarkup, raised to cost + minMargin if lower, then rounded UP to a multiple of roundTo:
 * rounding never eats into the margin.
 */
export function sellPrice(costMinor: number, rule: MarkupRule): number {
  assertMinor('costMinor', costMinor);
  assertMinor('markupBasisPoints', rule.markupBasisPoints);
  assertMinor('fixedMarkup', rule.fixedMarkup);
  assertMinor('minMargin', rule.minMargin);
  if (!Number.isSafeInteger(rule.roundTo) || rule.roundTo < 1) throw new RangeError(`roundTo must be a positive integer, got ${rule.roundTo}`);

  const percent = divideHalfEven(BigInt(costMinor) * BigInt(rule.markupBasisPoints), 10_000n);
  let price = BigInt(costMinor) + percent + BigInt(rule.fixedMarkup);
  const floor = BigInt(costMinor) + BigInt(rule.minMargin);
  if (price < floor) price = floor;
  const step = BigInt(rule.roundTo);
  price = ((price + step - 1n) / step) * step;
  return toSafeNumber(price);
}

export interface SkuCost {
  setupCost: number;
  monthlyCost: number;
}

export interface PricingRuleAmounts extends MarkupRule {
  /** Our own fee on top of the setup price, in minor units. */
  setupFee: number;
  /** Our own fee on top of the monthly price, in minor units. */
  monthlyFee: number;
}

/**
 * Both prices of a SKU. The monthly price gets the whole rule; the one-off setup price only the
 * percent markup (a minimum margin or rounding would turn a free setup into a charge) plus setupFee.
 */
export function skuSellPrices(cost: SkuCost, rule: PricingRuleAmounts): { setupPrice: number; monthlyPrice: number } {
  assertMinor('setupFee', rule.setupFee);
  assertMinor('monthlyFee', rule.monthlyFee);
  const setupPrice =
    sellPrice(cost.setupCost, { markupBasisPoints: rule.markupBasisPoints, fixedMarkup: 0, minMargin: 0, roundTo: 1 }) + rule.setupFee;
  const monthlyPrice = sellPrice(cost.monthlyCost, rule) + rule.monthlyFee;
  return { setupPrice, monthlyPrice };
}

/** n / d rounded to the nearest integer, ties to the even one (n ≥ 0, d > 0). */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const twiceRemainder = (n - q * d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && q % 2n === 1n)) return q + 1n;
  return q;
}

function assertMinor(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('price exceeds the safe integer range');
  return Number(value);
}

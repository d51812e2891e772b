/**
 * Sell prices from wholesale costs, in integer minor units only (never floats), so the same
 * rule gives the same cent on every machine and in every test.
 */
import { divideHalfEven } from '../../lib/money';

export { divideHalfEven };

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

export interface VolumeTier {
  /** Orders of at least this many numbers get the discount (≥ 2: a single number is list price). */
  minQuantity: number;
  /** Off the monthly price, in basis points (1000 = 10 %). */
  discountBasisPoints: number;
}

/**
 * The discount for an order of `quantity` numbers: that of the tier with the largest minQuantity
 * not above it, 0 below the first tier. Tiers need not be sorted here; validation sorts them.
 */
export function volumeDiscount(tiers: readonly VolumeTier[], quantity: number): number {
  let best: VolumeTier | undefined;
  for (const tier of tiers) {
    if (tier.minQuantity <= quantity && (!best || tier.minQuantity > best.minQuantity)) best = tier;
  }
  return best?.discountBasisPoints ?? 0;
}

/** The biggest discount any order can get: what the below-cost check must survive. */
export function maxVolumeDiscount(tiers: readonly VolumeTier[]): number {
  return tiers.reduce((max, t) => Math.max(max, t.discountBasisPoints), 0);
}

/**
 * The per-number monthly price when `quantity` numbers are bought in one order: the unit price
 * less the tier's discount (rounded half-even), never below the unit's wholesale cost. Rules are
 * refused when their tiers would go below cost, but DIDWW may raise a cost after the rule was
 * saved; the floor keeps a stale rule from selling at a loss.
 */
export function priceForQuantity(rule: { volumeTiers: readonly VolumeTier[] }, unit: { price: number; cost: number }, quantity: number): number {
  assertMinor('unit.price', unit.price);
  assertMinor('unit.cost', unit.cost);
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  return Math.max(discounted(unit.price, volumeDiscount(rule.volumeTiers, quantity)), unit.cost);
}

/** `price` less `basisPoints` of it, the discount rounded half-even; not floored at cost. */
export function discounted(price: number, basisPoints: number): number {
  assertMinor('price', price);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
    throw new RangeError(`discount must be 0..10000 basis points, got ${basisPoints}`);
  }
  return price - Number(divideHalfEven(BigInt(price) * BigInt(basisPoints), 10_000n));
}

function assertMinor(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('price exceeds the safe integer range');
  return Number(value);
}

import type { Prisma } from '../generated/prisma/client';
import type { DemoSku } from '../demo/coverage';
import { skuSellPrices } from '../modules/pricing/markup';
import { seedId } from './ids';

/** Since the epoch: the demo rule has always applied, whatever a test's clock says. */
const ALWAYS = new Date(0);

export const DEMO_PRICING_RULE = {
  id: seedId('pricing_rule:global'),
  scope: 'GLOBAL',
  markupBasisPoints: 4000,
  fixedMarkup: 0,
  minMargin: 50,
  roundTo: 5,
  setupFee: 0,
  monthlyFee: 0,
  currency: 'USD',
  effectiveFrom: ALWAYS,
  note: 'Demo default: 40 % markup, at least $0.50 a month margin, monthly prices rounded up to 5¢.',
} as const satisfies Prisma.PricingRuleCreateManyInput;

/**
 * A DIDWW decimal amount ("1.50", "0.0036") in minor units. Exact string arithmetic; anything
 * finer than a cent is rounded UP, so a cost is never understated.
 */
export function decimalToMinor(amount: string): number {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: "${amount}"`);
  const [, whole = '0', fraction = ''] = m;
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return /[1-9]/.test(fraction.slice(2)) ? cents + 1 : cents;
}

export interface PricedSku {
  sku: Prisma.SkuCreateManyInput;
  price: Prisma.SkuPriceCreateManyInput;
}

/** The SKU row (wholesale cost) and its first sell price under the demo rule. */
export function priceSku(demo: DemoSku, didGroupId: string, rule = DEMO_PRICING_RULE): PricedSku {
  const setupCost = decimalToMinor(demo.setupPrice);
  const monthlyCost = decimalToMinor(demo.monthlyPrice);
  const skuId = seedId(`sku:${demo.id}`);
  return {
    sku: { id: skuId, didwwId: demo.id, didGroupId, setupCost, monthlyCost, currency: 'USD', channelsIncluded: demo.channelsIncludedCount },
    price: {
      id: seedId(`sku_price:${demo.id}:${rule.id}`),
      skuId,
      ...skuSellPrices({ setupCost, monthlyCost }, rule),
      currency: 'USD',
      ruleIds: [rule.id],
      effectiveFrom: rule.effectiveFrom,
    },
  };
}

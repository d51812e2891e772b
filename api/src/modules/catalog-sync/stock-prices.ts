/**
 * What a new number of a DID group is listed with: the group's entry SKU (fewest channels, as the
 * seed chooses) and that SKU's latest sell price. Sell prices are the pricing module's: we read
 * its newest SkuPrice row. A SKU without one yet (just synced) is priced here with the GLOBAL rule
 * in force, and the caller asks pricing to catch up (`reprice-catalog`).
 */
import { Prisma } from '../../generated/prisma/client';
import { skuSellPrices } from '../pricing/markup';
import type { Tx } from './staging';

export interface Listing {
  groupId: string;
  countryId: string;
  regionId: string | null;
  areaCode: string | null;
  features: string[];
  callingCode: string;
  skuId: string;
  setupPrice: number;
  monthlyPrice: number;
  currency: string;
  /** Priced here from the GLOBAL rule, because the SKU has no SkuPrice yet. */
  provisional: boolean;
}

interface ListingRow {
  group_didww_id: string;
  group_id: string;
  country_id: string;
  region_id: string | null;
  area_code: string | null;
  features: string[];
  calling_code: string;
  sku_id: string;
  setup_cost: number;
  monthly_cost: number;
  sku_currency: string;
  setup_price: number | null;
  monthly_price: number | null;
  price_currency: string | null;
}

export interface Listings {
  /** By DIDWW group id; only active groups that need no documents and have an active SKU. */
  byGroup: Map<string, Listing>;
  /** Groups we would sell but cannot price (no SkuPrice, no GLOBAL rule in force). */
  unpriced: Set<string>;
}

export async function loadListings(tx: Tx, now: Date): Promise<Listings> {
  const rows = await tx.$queryRaw<ListingRow[]>(Prisma.sql`
    SELECT g.didww_id AS group_didww_id, g.id AS group_id, g.country_id, g.region_id, g.area_code, g.features::text[] AS features,
           c.calling_code, k.id AS sku_id, k.setup_cost, k.monthly_cost, k.currency AS sku_currency,
           p.setup_price, p.monthly_price, p.currency AS price_currency
    FROM did_groups g
    JOIN countries c ON c.id = g.country_id
    JOIN LATERAL (
      SELECT * FROM skus k WHERE k.did_group_id = g.id AND k.active
      ORDER BY k.channels_included, k.monthly_cost, k.didww_id LIMIT 1
    ) k ON true
    LEFT JOIN LATERAL (
      SELECT p.setup_price, p.monthly_price, p.currency FROM sku_prices p
      WHERE p.sku_id = k.id AND p.effective_from <= ${now}::timestamptz
      ORDER BY p.effective_from DESC, p.created_at DESC LIMIT 1
    ) p ON true
    WHERE g.active AND NOT g.requires_documents`);

  const needsRule = rows.some((r) => r.setup_price === null);
  const rule = needsRule
    ? await tx.pricingRule.findFirst({
        where: { scope: 'GLOBAL', effectiveFrom: { lte: now }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }] },
        orderBy: [{ effectiveFrom: 'desc' }, { createdAt: 'desc' }],
      })
    : null;

  const byGroup = new Map<string, Listing>();
  const unpriced = new Set<string>();
  for (const r of rows) {
    const base = {
      groupId: r.group_id, countryId: r.country_id, regionId: r.region_id, areaCode: r.area_code, features: r.features,
      callingCode: r.calling_code, skuId: r.sku_id,
    };
    if (r.setup_price !== null && r.monthly_price !== null && r.price_currency !== null) {
      byGroup.set(r.group_didww_id, { ...base, setupPrice: r.setup_price, monthlyPrice: r.monthly_price, currency: r.price_currency.trim(), provisional: false });
    } else if (rule && rule.currency.trim() === r.sku_currency.trim()) {
      const price = skuSellPrices({ setupCost: r.setup_cost, monthlyCost: r.monthly_cost }, rule);
      byGroup.set(r.group_didww_id, { ...base, ...price, currency: r.sku_currency.trim(), provisional: true });
    } else {
      unpriced.add(r.group_didww_id);
    }
  }
  return { byGroup, unpriced };
}

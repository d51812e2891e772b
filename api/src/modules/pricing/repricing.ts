/**
 * Brings every active SKU's sell price, and the denormalised price on its numbers in stock, in
 * line with the rules in force. Safe to run at any time, twice, or in two workers at once: it
 * writes only differences, and each batch re-reads what it compares against under a lock.
 */
import type { PrismaClient } from '../../db/prisma';
import { Prisma } from '../../generated/prisma/client';
import type { Logger } from '../../logger';
import { skuSellPrices } from './markup';
import { ruleResolver } from './rule-resolution';

export interface RepriceResult {
  /** Active SKUs looked at. */
  skus: number;
  /** SKUs whose price changed: one new SkuPrice row each. */
  priceChanges: number;
  /** Numbers in stock (AVAILABLE) whose setup or monthly price was rewritten. */
  numbersUpdated: number;
  /** Active SKUs no rule in force can price (none applies, or another currency): left as they were. */
  unpriced: number;
}

interface Target {
  skuId: string;
  setupPrice: number;
  monthlyPrice: number;
  currency: string;
  ruleId: string;
}

export interface CurrentPrice {
  sku_id: string;
  setup_price: number;
  monthly_price: number;
  currency: string;
}

/** SKUs per transaction: short transactions keep row locks brief while customers hold numbers. */
const BATCH = 500;
// pg advisory lock key for reprice batches (arbitrary but fixed).
const REPRICE_LOCK = 7_204_119_102;

export async function repriceCatalog(prisma: PrismaClient, log: Logger, now: Date): Promise<RepriceResult> {
  const [rules, skus] = await Promise.all([
    rulesInForceAt(prisma, now),
    prisma.sku.findMany({
      where: { active: true },
      select: { id: true, setupCost: true, monthlyCost: true, currency: true, didGroupId: true, didGroup: { select: { countryId: true } } },
      orderBy: { id: 'asc' },
    }),
  ]);
  const resolve = ruleResolver(rules, now);
  const targets: Target[] = [];
  for (const sku of skus) {
    const rule = resolve({ didGroupId: sku.didGroupId, countryId: sku.didGroup.countryId });
    const currency = sku.currency.trim();
    if (!rule || rule.currency.trim() !== currency) continue;
    targets.push({ skuId: sku.id, ...skuSellPrices(sku, rule), currency, ruleId: rule.id });
  }

  const result: RepriceResult = { skus: skus.length, priceChanges: 0, numbersUpdated: 0, unpriced: skus.length - targets.length };
  for (let i = 0; i < targets.length; i += BATCH) {
    const batch = targets.slice(i, i + BATCH);
    const { changed, numbers } = await prisma.$transaction((tx) => repriceBatch(tx, batch, now), { maxWait: 10_000, timeout: 60_000 });
    result.priceChanges += changed;
    result.numbersUpdated += numbers;
  }
  if (result.unpriced) log.warn({ unpriced: result.unpriced }, 'active SKUs without a pricing rule in force');
  log.info(result, 'repriced catalog');
  return result;
}

async function repriceBatch(tx: Prisma.TransactionClient, batch: readonly Target[], now: Date): Promise<{ changed: number; numbers: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REPRICE_LOCK}::bigint)`;
  const current = await currentPrices(tx, batch.map((t) => t.skuId), now);
  const changed = batch.filter((t) => {
    const c = current.get(t.skuId);
    return !c || c.setup_price !== t.setupPrice || c.monthly_price !== t.monthlyPrice || c.currency.trim() !== t.currency;
  });
  if (changed.length) {
    await tx.skuPrice.createMany({
      data: changed.map((t) => ({
        skuId: t.skuId,
        setupPrice: t.setupPrice,
        monthlyPrice: t.monthlyPrice,
        currency: t.currency,
        ruleIds: [t.ruleId],
        effectiveFrom: now,
      })),
    });
  }
  // Every SKU of the batch, not only the changed ones: numbers that arrived with a stale price get fixed too.
  const numbers = await tx.$executeRaw(updateNumbersSql(batch, now));
  return { changed: changed.length, numbers };
}

/** The rules in force at `at`, optionally leaving one out (the rule a preview replaces). */
export function rulesInForceAt(prisma: PrismaClient, at: Date, without?: string | null) {
  return prisma.pricingRule.findMany({
    where: { effectiveFrom: { lte: at }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: at } }], ...(without ? { id: { not: without } } : {}) },
  });
}

/** The latest price of each SKU that is already in effect at `now`. */
export async function currentPrices(db: Prisma.TransactionClient | PrismaClient, skuIds: readonly string[], now: Date): Promise<Map<string, CurrentPrice>> {
  const rows = await db.$queryRaw<CurrentPrice[]>`
    SELECT DISTINCT ON (sku_id) sku_id, setup_price, monthly_price, currency
    FROM sku_prices
    WHERE sku_id = ANY(${skuIds}::uuid[]) AND effective_from <= ${now}
    ORDER BY sku_id, effective_from DESC, created_at DESC, id DESC`;
  return new Map(rows.map((r) => [r.sku_id, r]));
}

/**
 * One statement per batch. Only numbers still AVAILABLE move: a held or sold number keeps the
 * price its customer saw. Rows already right are not touched, so a second run updates nothing.
 */
function updateNumbersSql(batch: readonly Target[], now: Date): Prisma.Sql {
  const values = batch.map((t) => Prisma.sql`(${t.skuId}::uuid, ${t.setupPrice}::int, ${t.monthlyPrice}::int, ${t.currency}::char(3))`);
  return Prisma.sql`
    UPDATE available_numbers AS n
    SET setup_price = v.setup_price, monthly_price = v.monthly_price, currency = v.currency, updated_at = ${now}
    FROM (VALUES ${Prisma.join(values)}) AS v(sku_id, setup_price, monthly_price, currency)
    WHERE n.sku_id = v.sku_id AND n.status = 'AVAILABLE'
      AND (n.setup_price, n.monthly_price, n.currency) IS DISTINCT FROM (v.setup_price, v.monthly_price, v.currency)`;
}

/**
 * Stock sync: the numbers DIDWW has in stock, walked per country (DIDWW pages hold ≤ 100, so a
 * walk per country costs ~80 calls for the demo's 6,800 numbers where one per DID group would
 * cost 420+). Fetch everything first, then apply in one transaction with set-based statements
 * over a staged copy of the fetched set.
 */
import { Prisma } from '../../generated/prisma/client';
import type { PrismaClient } from '../../db/prisma';
import type { DidwwProvider } from '../../integrations/didww';
import type { Report } from './reference-sync';
import type { SyncCounts } from './runs';
import { stageRows, uuidv7, type Tx } from './staging';
import { loadListings } from './stock-prices';

export interface StockItem {
  didwwId: string;
  /** International digits without "+". */
  number: string;
  groupDidwwId: string;
}

/** DIDWW ids of the countries that have something for sale: only those are walked. */
export async function stockCountries(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ didww_id: string }>>`
    SELECT c.didww_id FROM countries c
    WHERE EXISTS (SELECT 1 FROM did_groups g WHERE g.country_id = c.id AND g.active AND NOT g.requires_documents)
    ORDER BY c.didww_id`;
  return rows.map((r) => r.didww_id);
}

export async function fetchStock(didww: DidwwProvider, countryDidwwIds: string[], report: Report): Promise<StockItem[]> {
  const byId = new Map<string, StockItem>();
  const numbers = new Set<string>();
  for (const [i, countryId] of countryDidwwIds.entries()) {
    for (const d of await didww.availableDids({ countryId })) {
      // Pages may shift while we walk: the same number can show up twice; keep the first.
      if (!d.didGroupId || byId.has(d.id) || numbers.has(d.number)) continue;
      byId.set(d.id, { didwwId: d.id, number: d.number, groupDidwwId: d.didGroupId });
      numbers.add(d.number);
    }
    await report(5 + (85 * (i + 1)) / countryDidwwIds.length);
  }
  return [...byId.values()];
}

export interface StockOutcome extends SyncCounts {
  /** New or returning numbers were priced provisionally: pricing should write SkuPrices. */
  provisionalPrices: boolean;
  /** Numbers in stock upstream that we could not price, so did not list. */
  unpriced: number;
}

export async function applyStock(tx: Tx, items: StockItem[], now: Date): Promise<StockOutcome> {
  const { byGroup, unpriced } = await loadListings(tx, now);
  const rows = [];
  let unpricedCount = 0;
  for (const item of items) {
    const l = byGroup.get(item.groupDidwwId);
    if (!l) {
      // Not a group we sell (documents, inactive, unknown): the number is simply not listed.
      if (unpriced.has(item.groupDidwwId)) unpricedCount += 1;
      continue;
    }
    rows.push({
      id: uuidv7(now.getTime()), didww_id: item.didwwId, e164: `+${item.number}`,
      digits: item.number.startsWith(l.callingCode) ? item.number.slice(l.callingCode.length) : item.number,
      country_id: l.countryId, region_id: l.regionId, did_group_id: l.groupId, sku_id: l.skuId, area_code: l.areaCode,
      features: l.features, setup_price: l.setupPrice, monthly_price: l.monthlyPrice, currency: l.currency, provisional: l.provisional,
    });
  }
  await stageRows(tx, 'sync_numbers', {
    id: 'uuid', didww_id: 'text', e164: 'text', digits: 'text', country_id: 'uuid', region_id: 'uuid', did_group_id: 'uuid', sku_id: 'uuid',
    area_code: 'text', features: 'text[]', setup_price: 'int', monthly_price: 'int', currency: 'text',
  }, rows.map(({ provisional: _, ...row }) => row));
  await tx.$executeRawUnsafe('CREATE UNIQUE INDEX ON sync_numbers (didww_id)');
  await tx.$executeRawUnsafe('CREATE INDEX ON sync_numbers (e164)');

  const exec = (sql: Prisma.Sql) => tx.$executeRaw(sql);
  // Statements that list numbers return their SKU, to tell whether any got a provisional price.
  const provisionalSkus = new Set(rows.filter((r) => r.provisional).map((r) => r.sku_id));
  const listing = async (sql: Prisma.Sql) => {
    const out = await tx.$queryRaw<Array<{ sku_id: string }>>(sql);
    return { count: out.length, provisional: out.some((r) => provisionalSkus.has(r.sku_id)) };
  };

  // DIDWW gave a number we list (AVAILABLE or WITHDRAWN, so no hold or sale hangs on the id) a new
  // id: follow it, or the insert below would trip over the unique e164.
  const rekeyed = await exec(Prisma.sql`
    UPDATE available_numbers n SET didww_id = s.didww_id, updated_at = ${now}::timestamptz
    FROM sync_numbers s
    WHERE n.e164 = s.e164 AND n.didww_id <> s.didww_id AND n.status IN ('AVAILABLE', 'WITHDRAWN')
      AND NOT EXISTS (SELECT 1 FROM available_numbers x WHERE x.didww_id = s.didww_id)`);

  // Back in stock: listed again, at today's price.
  const returned = await listing(Prisma.sql`
    UPDATE available_numbers n SET status = 'AVAILABLE', country_id = s.country_id, region_id = s.region_id, did_group_id = s.did_group_id,
      sku_id = s.sku_id, area_code = s.area_code, features = s.features::"NumberFeature"[], setup_price = s.setup_price,
      monthly_price = s.monthly_price, currency = s.currency, updated_at = ${now}::timestamptz
    FROM sync_numbers s
    WHERE n.didww_id = s.didww_id AND n.status = 'WITHDRAWN'
    RETURNING n.sku_id`);

  // Listed, but its SKU is no longer the group's entry SKU (DIDWW replaced it): follow it.
  const repointed = await listing(Prisma.sql`
    UPDATE available_numbers n SET did_group_id = s.did_group_id, sku_id = s.sku_id, setup_price = s.setup_price,
      monthly_price = s.monthly_price, currency = s.currency, updated_at = ${now}::timestamptz
    FROM sync_numbers s
    WHERE n.didww_id = s.didww_id AND n.status = 'AVAILABLE' AND (n.did_group_id, n.sku_id) IS DISTINCT FROM (s.did_group_id, s.sku_id)
    RETURNING n.sku_id`);

  // Seen: a timestamp only (`updated_at` stays, it tells when the listing itself last changed).
  await exec(Prisma.sql`
    UPDATE available_numbers n SET last_seen_at = ${now}::timestamptz
    FROM sync_numbers s WHERE n.didww_id = s.didww_id`);

  // New. A number whose e164 we already hold under another id in HELD/SOLD is skipped, not merged.
  const created = await listing(Prisma.sql`
    INSERT INTO available_numbers (id, didww_id, e164, digits, country_id, region_id, did_group_id, sku_id, area_code, features,
      setup_price, monthly_price, currency, status, last_seen_at, created_at, updated_at)
    SELECT s.id, s.didww_id, s.e164, s.digits, s.country_id, s.region_id, s.did_group_id, s.sku_id, s.area_code,
      s.features::"NumberFeature"[], s.setup_price, s.monthly_price, s.currency, 'AVAILABLE',
      ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
    FROM sync_numbers s
    WHERE NOT EXISTS (SELECT 1 FROM available_numbers n WHERE n.e164 = s.e164)
    ON CONFLICT (didww_id) DO NOTHING
    RETURNING sku_id`);

  // Gone upstream: only AVAILABLE numbers no cart or order refers to; never deleted.
  const removed = await exec(Prisma.sql`
    UPDATE available_numbers n SET status = 'WITHDRAWN', updated_at = ${now}::timestamptz
    WHERE n.status = 'AVAILABLE'
      AND NOT EXISTS (SELECT 1 FROM sync_numbers s WHERE s.didww_id = n.didww_id)
      AND NOT EXISTS (SELECT 1 FROM cart_items ci WHERE ci.available_number_id = n.id)
      AND NOT EXISTS (SELECT 1 FROM order_lines ol WHERE ol.available_number_id = n.id)`);

  return {
    created: created.count,
    updated: rekeyed + returned.count + repointed.count,
    removed,
    provisionalPrices: created.provisional || returned.provisional || repointed.provisional,
    unpriced: unpricedCount,
  };
}

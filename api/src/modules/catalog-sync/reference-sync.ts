/**
 * Reference sync: countries, regions, cities, DID groups and SKUs. Fetch everything first (no
 * writes but progress), then apply it in one transaction with set-based statements, so a DIDWW
 * failure midway leaves the catalog exactly as it was.
 */
import { Prisma } from '../../generated/prisma/client';
import type { DidwwProvider } from '../../integrations/didww';
import {
  toCityRow, toCountryRow, toGroupRow, toRegionRow, toSkuRows,
  type CityRow, type GroupRow, type ReferenceSnapshot, type RegionRow, type SkuRow,
} from './reference-rows';
import type { SyncCounts } from './runs';
import { stageRows, uuidv7, type Tx } from './staging';

export type Report = (progress: number) => Promise<void>;

export async function fetchReference(didww: DidwwProvider, report: Report): Promise<ReferenceSnapshot> {
  const countries = (await didww.countries()).map(toCountryRow);
  await report(10);
  const regions = new Map<string, RegionRow>();
  for (const r of await didww.regions()) {
    const row = toRegionRow(r);
    if (row) regions.set(row.didwwId, row);
  }
  await report(20);
  const cities = new Map<string, CityRow>();
  for (const c of await didww.cities()) {
    const row = toCityRow(c);
    if (row) cities.set(row.didwwId, row);
  }
  await report(30);

  // Groups per country: a few more calls than one walk, but real progress, and each group's
  // country (and so its area-code rule) is known without trusting an include.
  const groups: GroupRow[] = [];
  const skus: SkuRow[] = [];
  for (const [i, country] of countries.entries()) {
    for (const g of await didww.didGroups({ countryId: country.didwwId })) {
      const row = toGroupRow(g, country.didwwId, country.callingCode);
      groups.push(row);
      if (row.sellable) skus.push(...toSkuRows(g));
      // Side-loaded region/city: kept in case the plain lists missed one the group points at.
      if (g.region && !regions.has(g.region.id)) regions.set(g.region.id, { didwwId: g.region.id, countryDidwwId: country.didwwId, name: g.region.name, code: g.region.iso });
      if (g.city && !cities.has(g.city.id)) cities.set(g.city.id, { didwwId: g.city.id, countryDidwwId: country.didwwId, regionDidwwId: g.city.regionId ?? g.regionId, name: g.city.name });
    }
    await report(30 + (60 * (i + 1)) / countries.length);
  }
  return { countries, regions: [...regions.values()], cities: [...cities.values()], groups, skus };
}

export interface ReferenceOutcome extends SyncCounts {
  /** New SKUs or changed costs: sell prices must be recomputed. */
  costsChanged: boolean;
}

/** Applies a fetched snapshot. Unchanged rows are not written (so a second run reports zeros). */
export async function applyReference(tx: Tx, snap: ReferenceSnapshot, now: Date): Promise<ReferenceOutcome> {
  const id = () => uuidv7(now.getTime());
  const sellableCountries = new Set(snap.groups.filter((g) => g.sellable).map((g) => g.countryDidwwId));
  await stageRows(tx, 'sync_countries', { id: 'uuid', didww_id: 'text', iso: 'text', name: 'text', calling_code: 'text', sellable: 'boolean' },
    snap.countries.map((c) => ({ id: id(), didww_id: c.didwwId, iso: c.iso, name: c.name, calling_code: c.callingCode, sellable: sellableCountries.has(c.didwwId) })));
  await stageRows(tx, 'sync_regions', { id: 'uuid', didww_id: 'text', country_didww_id: 'text', name: 'text', code: 'text' },
    snap.regions.map((r) => ({ id: id(), didww_id: r.didwwId, country_didww_id: r.countryDidwwId, name: r.name, code: r.code })));
  await stageRows(tx, 'sync_cities', { id: 'uuid', didww_id: 'text', country_didww_id: 'text', region_didww_id: 'text', name: 'text' },
    snap.cities.map((c) => ({ id: id(), didww_id: c.didwwId, country_didww_id: c.countryDidwwId, region_didww_id: c.regionDidwwId, name: c.name })));
  await stageRows(tx, 'sync_groups', {
    id: 'uuid', didww_id: 'text', country_didww_id: 'text', region_didww_id: 'text', city_didww_id: 'text', kind: 'text', prefix: 'text',
    area_code: 'text', area_name: 'text', features: 'text[]', is_metered: 'boolean', allow_additional_channels: 'boolean',
    requires_documents: 'boolean', sellable: 'boolean',
  }, snap.groups.map((g) => ({
    id: id(), didww_id: g.didwwId, country_didww_id: g.countryDidwwId, region_didww_id: g.regionDidwwId, city_didww_id: g.cityDidwwId,
    kind: g.kind, prefix: g.prefix, area_code: g.areaCode, area_name: g.areaName, features: g.features, is_metered: g.isMetered,
    allow_additional_channels: g.allowAdditionalChannels, requires_documents: g.requiresDocuments, sellable: g.sellable,
  })));
  await stageRows(tx, 'sync_skus', { id: 'uuid', didww_id: 'text', group_didww_id: 'text', setup_cost: 'int', monthly_cost: 'int', channels_included: 'int' },
    snap.skus.map((k) => ({ id: id(), didww_id: k.didwwId, group_didww_id: k.groupDidwwId, setup_cost: k.setupCost, monthly_cost: k.monthlyCost, channels_included: k.channelsIncluded })));

  const run = (sql: Prisma.Sql) => tx.$executeRaw(sql);
  const c = { created: 0, updated: 0, removed: 0 };

  // Countries. `enabled` is the staff's switch: set once on insert (sellable or not), never after.
  c.updated += await run(Prisma.sql`
    UPDATE countries c SET iso_code = s.iso, name = s.name, calling_code = s.calling_code, updated_at = ${now}::timestamptz
    FROM sync_countries s
    WHERE c.didww_id = s.didww_id AND (c.iso_code::text, c.name, c.calling_code) IS DISTINCT FROM (s.iso, s.name, s.calling_code)`);
  c.created += await run(Prisma.sql`
    INSERT INTO countries (id, didww_id, iso_code, name, calling_code, enabled, created_at, updated_at)
    SELECT s.id, s.didww_id, s.iso, s.name, s.calling_code, s.sellable, ${now}::timestamptz, ${now}::timestamptz FROM sync_countries s
    ON CONFLICT (didww_id) DO NOTHING`);

  // Regions and cities are never removed: groups and old orders may still point at them.
  c.updated += await run(Prisma.sql`
    UPDATE regions r SET country_id = c.id, name = s.name, code = s.code, updated_at = ${now}::timestamptz
    FROM sync_regions s JOIN countries c ON c.didww_id = s.country_didww_id
    WHERE r.didww_id = s.didww_id AND (r.country_id, r.name, r.code) IS DISTINCT FROM (c.id, s.name, s.code)`);
  c.created += await run(Prisma.sql`
    INSERT INTO regions (id, didww_id, country_id, name, code, created_at, updated_at)
    SELECT s.id, s.didww_id, c.id, s.name, s.code, ${now}::timestamptz, ${now}::timestamptz
    FROM sync_regions s JOIN countries c ON c.didww_id = s.country_didww_id
    ON CONFLICT (didww_id) DO NOTHING`);
  c.updated += await run(Prisma.sql`
    UPDATE cities t SET country_id = c.id, region_id = r.id, name = s.name, updated_at = ${now}::timestamptz
    FROM sync_cities s JOIN countries c ON c.didww_id = s.country_didww_id LEFT JOIN regions r ON r.didww_id = s.region_didww_id
    WHERE t.didww_id = s.didww_id AND (t.country_id, t.region_id, t.name) IS DISTINCT FROM (c.id, r.id, s.name)`);
  c.created += await run(Prisma.sql`
    INSERT INTO cities (id, didww_id, country_id, region_id, name, created_at, updated_at)
    SELECT s.id, s.didww_id, c.id, r.id, s.name, ${now}::timestamptz, ${now}::timestamptz
    FROM sync_cities s JOIN countries c ON c.didww_id = s.country_didww_id LEFT JOIN regions r ON r.didww_id = s.region_didww_id
    ON CONFLICT (didww_id) DO NOTHING`);

  // Groups gone upstream, or now needing documents, or of a kind we do not sell: deactivated.
  c.removed += await run(Prisma.sql`
    UPDATE did_groups g SET active = false, updated_at = ${now}::timestamptz,
      requires_documents = g.requires_documents OR EXISTS (SELECT 1 FROM sync_groups s WHERE s.didww_id = g.didww_id AND s.requires_documents)
    WHERE g.active AND NOT EXISTS (SELECT 1 FROM sync_groups s WHERE s.didww_id = g.didww_id AND s.sellable)`);
  c.updated += await run(Prisma.sql`
    UPDATE did_groups g SET country_id = c.id, region_id = r.id, city_id = t.id, kind = s.kind::"DidGroupKind", prefix = s.prefix,
      area_code = s.area_code, area_name = s.area_name, features = s.features::"NumberFeature"[], is_metered = s.is_metered,
      allow_additional_channels = s.allow_additional_channels, requires_documents = false, active = true, updated_at = ${now}::timestamptz
    FROM sync_groups s JOIN countries c ON c.didww_id = s.country_didww_id
      LEFT JOIN regions r ON r.didww_id = s.region_didww_id LEFT JOIN cities t ON t.didww_id = s.city_didww_id
    WHERE s.sellable AND g.didww_id = s.didww_id
      AND (g.country_id, g.region_id, g.city_id, g.kind::text, g.prefix, g.area_code, g.area_name, g.features::text[], g.is_metered,
           g.allow_additional_channels, g.requires_documents, g.active)
      IS DISTINCT FROM (c.id, r.id, t.id, s.kind, s.prefix, s.area_code, s.area_name, s.features, s.is_metered,
           s.allow_additional_channels, false, true)`);
  c.created += await run(Prisma.sql`
    INSERT INTO did_groups (id, didww_id, country_id, region_id, city_id, kind, prefix, area_code, area_name, features, is_metered,
      allow_additional_channels, requires_documents, active, created_at, updated_at)
    SELECT s.id, s.didww_id, c.id, r.id, t.id, s.kind::"DidGroupKind", s.prefix, s.area_code, s.area_name, s.features::"NumberFeature"[],
      s.is_metered, s.allow_additional_channels, false, true, ${now}::timestamptz, ${now}::timestamptz
    FROM sync_groups s JOIN countries c ON c.didww_id = s.country_didww_id
      LEFT JOIN regions r ON r.didww_id = s.region_didww_id LEFT JOIN cities t ON t.didww_id = s.city_didww_id
    WHERE s.sellable
    ON CONFLICT (didww_id) DO NOTHING`);

  // SKUs: only those of sellable groups were staged; the rest are deactivated, never deleted
  // (numbers, cart items and prices refer to them).
  c.removed += await run(Prisma.sql`
    UPDATE skus k SET active = false, updated_at = ${now}::timestamptz
    WHERE k.active AND NOT EXISTS (SELECT 1 FROM sync_skus s WHERE s.didww_id = k.didww_id)`);
  const skusUpdated = await run(Prisma.sql`
    UPDATE skus k SET did_group_id = g.id, setup_cost = s.setup_cost, monthly_cost = s.monthly_cost,
      channels_included = s.channels_included, active = true, updated_at = ${now}::timestamptz
    FROM sync_skus s JOIN did_groups g ON g.didww_id = s.group_didww_id
    WHERE k.didww_id = s.didww_id
      AND (k.did_group_id, k.setup_cost, k.monthly_cost, k.channels_included, k.active)
      IS DISTINCT FROM (g.id, s.setup_cost, s.monthly_cost, s.channels_included, true)`);
  const skusCreated = await run(Prisma.sql`
    INSERT INTO skus (id, didww_id, did_group_id, setup_cost, monthly_cost, currency, channels_included, active, created_at, updated_at)
    SELECT s.id, s.didww_id, g.id, s.setup_cost, s.monthly_cost, 'USD', s.channels_included, true, ${now}::timestamptz, ${now}::timestamptz
    FROM sync_skus s JOIN did_groups g ON g.didww_id = s.group_didww_id
    ON CONFLICT (didww_id) DO NOTHING`);
  c.updated += skusUpdated;
  c.created += skusCreated;
  return { ...c, costsChanged: skusUpdated + skusCreated > 0 };
}

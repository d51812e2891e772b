import { phoneFormats } from '../../lib/phone-format';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import type { PrismaClient } from '../../db/prisma';
import type { DidGroupKind, NumberFeature } from '../../generated/prisma/enums';
import { fail, ok, userError, ErrorCode, type Result } from '../../graphql/errors';
import { toConnection, type ConnectionShape } from '../../graphql/pagination';
import { toMoney } from '../../graphql/money.type';
import { money } from '../../lib/money';
import type { Actor, AuditService } from '../audit/audit.service';
import type { AreaCode, AvailableNumber, AvailableNumberFilter, AvailableNumberSort, Country, Region } from './catalog.types';
import { countNumbers, cursorOf, parseSearchCursor, searchNumbers, searchNumbersWithCount, type NumberRow } from './number-search';
import type { CountryRef, ReferenceCache } from './reference-cache';

type Snapshot = Awaited<ReturnType<ReferenceCache['get']>>;

import { parseSearchFilter } from './search-filter';
import { UUID } from '../../lib/ids';

/** The storefront's read side of the catalog, plus the staff switch that hides a country. */
export class CatalogService {
  constructor(
    private readonly prisma: PrismaClient,
    /** The search runs on pg directly, as prepared statements (see db/prepared.ts). */
    private readonly pool: pg.Pool,
    private readonly cache: ReferenceCache,
    private readonly audit: AuditService,
  ) {}

  async countries(opts: { includeDisabled: boolean }): Promise<Country[]> {
    const snap = await this.cache.get();
    return [...snap.countries.values()]
      .filter((c) => opts.includeDisabled || (c.enabled && (snap.stockByCountry.get(c.id)?.count ?? 0) > 0))
      .map((c) => this.toCountry(c, snap.stockByCountry.get(c.id)));
  }

  /** One country by id, hidden ones included: a bought number keeps its country. */
  async country(id: string): Promise<Country | null> {
    const snap = await this.cache.get();
    return snap.countries.has(id) ? this.countryView(snap, id) : null;
  }

  async regions(countryId: string): Promise<Region[]> {
    const snap = await this.cache.get();
    const country = snap.countries.get(countryId);
    if (!country?.enabled) return [];
    return [...snap.regions.values()]
      .filter((r) => r.countryId === countryId && (snap.stockByRegion.get(r.id) ?? 0) > 0)
      .map((r) => ({ ...r, availableCount: snap.stockByRegion.get(r.id) ?? 0 }));
  }

  async areaCodes(countryId: string, regionId: string | null): Promise<AreaCode[]> {
    const snap = await this.cache.get();
    if (!snap.countries.get(countryId)?.enabled) return [];
    const rows = await this.prisma.$queryRaw<Array<{ code: string; name: string; n: number }>>`
      SELECT n.area_code AS code, min(g.area_name) AS name, count(*)::int AS n
      FROM available_numbers n JOIN did_groups g ON g.id = n.did_group_id
      WHERE n.status = 'AVAILABLE' AND n.country_id = ${countryId}::uuid AND n.area_code IS NOT NULL
        AND (${regionId}::uuid IS NULL OR n.region_id = ${regionId}::uuid)
      GROUP BY n.area_code ORDER BY n.area_code`;
    return rows.map((r) => ({ code: r.code, name: r.name, availableCount: r.n }));
  }

  async search(
    filter: AvailableNumberFilter,
    sort: AvailableNumberSort | null | undefined,
    after: string | null | undefined,
    limit: number,
    opts: { withCount?: boolean } = {},
  ): Promise<ConnectionShape<AvailableNumber>> {
    const criteria = parseSearchFilter(filter, sort);
    const cursor = parseSearchCursor(after, criteria.sort);
    const snap = await this.cache.get();
    const inScope = (c: CountryRef | undefined) => (c?.enabled ? [c.id] : []);
    const countryIds = criteria.impossible
      ? []
      : criteria.countryId
        ? inScope(snap.countries.get(criteria.countryId))
        : criteria.countryIso
          ? inScope(snap.countriesByIso.get(criteria.countryIso))
          : [...snap.countries.values()].filter((c) => c.enabled).map((c) => c.id);
    // Both id and ISO given but naming different countries: nothing can match.
    const conflicting = criteria.countryId && criteria.countryIso && snap.countries.get(criteria.countryId)?.isoCode !== criteria.countryIso;
    const nothing = countryIds.length === 0 || conflicting;
    if (nothing) {
      return toConnection<NumberRow, AvailableNumber>([], limit, { hasPrevious: cursor !== null, cursorOf: () => null, toNode: (r) => this.toNumber(r, snap), count: async () => 0 });
    }
    const countKey = JSON.stringify([countryIds, { ...criteria, sort: null }]);
    const cachedCount = this.counts.get(countKey);
    const found = opts.withCount && cachedCount === undefined ? await searchNumbersWithCount(this.pool, criteria, countryIds, cursor, limit) : null;
    if (found) this.counts.set(countKey, found.total);
    const rows = found?.rows ?? (await searchNumbers(this.pool, criteria, countryIds, cursor, limit));
    return toConnection(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => cursorOf(r, criteria.sort),
      toNode: (r) => this.toNumber(r, snap),
      count: async () => {
        if (found) return found.total;
        if (cachedCount !== undefined) return cachedCount;
        const total = await countNumbers(this.pool, criteria, countryIds);
        this.counts.set(countKey, total);
        return total;
      },
    });
  }

  /** One number by id, in any status (a customer may follow a link to a number that just sold). */
  async number(id: string): Promise<AvailableNumber | null> {
    const [found] = await this.numbers([id], { includeHidden: false });
    return found ?? null;
  }

  /**
   * Numbers by id in any status, in the order asked. `includeHidden` also returns numbers of
   * countries switched off (a cart or order must still show what it holds).
   */
  async numbers(ids: string[], opts: { includeHidden: boolean }): Promise<AvailableNumber[]> {
    const valid = ids.filter((id) => UUID.test(id));
    if (valid.length === 0) return [];
    const snap = await this.cache.get();
    const rows = await this.prisma.$queryRaw<NumberRow[]>`
      SELECT n.id, n.e164, n.country_id, n.region_id, n.area_code, g.area_name, g.kind::text AS kind,
             n.features::text[] AS features, n.setup_price, n.monthly_price, n.currency, n.status::text AS status
      FROM available_numbers n JOIN did_groups g ON g.id = n.did_group_id
      WHERE n.id = ANY(${valid}::uuid[])`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    return valid
      .map((id) => byId.get(id))
      .filter((r): r is NumberRow => !!r && (opts.includeHidden || !!snap.countries.get(r.country_id)?.enabled))
      .map((r) => this.toNumber(r, snap));
  }

  async setCountryEnabled(actor: Actor, countryId: string, enabled: boolean): Promise<Result<Country>> {
    const existing = await this.prisma.country.findUnique({ where: { id: countryId } }).catch(() => null);
    if (!existing) return fail(userError(ErrorCode.NOT_FOUND, 'No such country.', ['countryId']));
    await this.prisma.$transaction(async (tx) => {
      await tx.country.update({ where: { id: countryId }, data: { enabled } });
      await this.audit.record(actor, { action: enabled ? 'country.enable' : 'country.disable', targetType: 'Country', targetId: countryId, data: { isoCode: existing.isoCode } }, tx);
    });
    this.cache.invalidate();
    const snap = await this.cache.get();
    return ok(this.toCountry(snap.countries.get(countryId)!, snap.stockByCountry.get(countryId)));
  }

  private toCountry(c: CountryRef, stock: { count: number; lowestMonthly: number | null; currency: string | null } | undefined): Country {
    return {
      ...c,
      availableCount: stock?.count ?? 0,
      lowestMonthlyPrice: stock?.lowestMonthly != null ? toMoney(money(stock.lowestMonthly, stock.currency ?? 'USD')) : null,
    };
  }

  /**
   * Match counts by filter, for a few seconds: "1,000+ numbers" is a badge, and every page of a
   * search (and every visitor on a popular one) would otherwise count the same rows again.
   */
  private readonly counts = new LRUCache<string, number>({ max: 5_000, ttl: 10_000 });

  /** Country views are built once per cache snapshot, not once per search result row. */
  private readonly countryViews = new WeakMap<object, Map<string, Country>>();

  private countryView(snap: Snapshot, countryId: string): Country {
    let views = this.countryViews.get(snap);
    if (!views) {
      views = new Map();
      this.countryViews.set(snap, views);
    }
    let view = views.get(countryId);
    if (!view) {
      view = this.toCountry(snap.countries.get(countryId)!, snap.stockByCountry.get(countryId));
      views.set(countryId, view);
    }
    return view;
  }

  private toNumber(r: NumberRow, snap: Snapshot): AvailableNumber {
    const region = r.region_id ? snap.regions.get(r.region_id) : undefined;
    return {
      id: r.id,
      e164: r.e164,
      // Formatted only when a query asks for a format.
      get nationalFormat() {
        return phoneFormats(r.e164).national;
      },
      get internationalFormat() {
        return phoneFormats(r.e164).international;
      },
      country: this.countryView(snap, r.country_id),
      region: region ? { ...region, availableCount: snap.stockByRegion.get(region.id) ?? 0 } : null,
      areaCode: r.area_code,
      areaName: r.area_name,
      kind: r.kind as DidGroupKind,
      features: r.features as NumberFeature[],
      setupPrice: toMoney(money(r.setup_price, r.currency.trim())),
      monthlyPrice: toMoney(money(r.monthly_price, r.currency.trim())),
      available: r.status === 'AVAILABLE',
    };
  }
}
